import { createHash, randomBytes } from 'node:crypto';

// Answers to a camera's `WWW-Authenticate` challenge: Digest with MD5 (RFC 2617, and the
// RFC 2069 form when the challenge names no qop, as most cameras send) or Basic (RFC 7617).

export type Challenge =
  | {
      scheme: 'digest';
      realm: string;
      nonce: string;
      opaque: string | null;
      /** True when the challenge offers qop=auth. */
      qopAuth: boolean;
      stale: boolean;
    }
  | { scheme: 'basic'; realm: string };

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

function parseParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of text.matchAll(/([a-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/gi)) {
    params.set(part[1]!.toLowerCase(), part[2]?.replace(/\\(.)/g, '$1') ?? part[3] ?? '');
  }
  return params;
}

/**
 * The challenge to answer among a response's `WWW-Authenticate` headers: Digest when offered
 * (Basic sends the password itself), else Basic; null when neither can be answered.
 */
export function pickChallenge(headers: readonly string[]): Challenge | null {
  let basic: Challenge | null = null;
  for (const header of headers) {
    const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
    if (!match) continue;
    const scheme = match[1]!.toLowerCase();
    const params = parseParams(match[2]!);
    if (scheme === 'digest') {
      const algorithm = (params.get('algorithm') ?? 'MD5').toUpperCase();
      const nonce = params.get('nonce');
      if (algorithm !== 'MD5' || nonce === undefined) continue;
      const qop = (params.get('qop') ?? '').split(',').map((q) => q.trim().toLowerCase());
      return {
        scheme: 'digest',
        realm: params.get('realm') ?? '',
        nonce,
        opaque: params.get('opaque') ?? null,
        qopAuth: qop.includes('auth'),
        stale: (params.get('stale') ?? '').toLowerCase() === 'true',
      };
    }
    if (scheme === 'basic') basic = { scheme: 'basic', realm: params.get('realm') ?? '' };
  }
  return basic;
}

const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/** The `Authorization` header for one request; `nc` counts the requests made with this nonce. */
export function authorizationHeader(input: {
  challenge: Challenge;
  username: string;
  password: string;
  method: string;
  uri: string;
  nc?: number;
  cnonce?: string;
}): string {
  const { challenge, username, password } = input;
  if (challenge.scheme === 'basic') {
    return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
  }
  const ha1 = md5(`${username}:${challenge.realm}:${password}`);
  const ha2 = md5(`${input.method}:${input.uri}`);
  const fields = [
    `username=${quote(username)}`,
    `realm=${quote(challenge.realm)}`,
    `nonce=${quote(challenge.nonce)}`,
    `uri=${quote(input.uri)}`,
  ];
  let response: string;
  if (challenge.qopAuth) {
    const nc = (input.nc ?? 1).toString(16).padStart(8, '0');
    const cnonce = input.cnonce ?? randomBytes(8).toString('hex');
    response = md5(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:auth:${ha2}`);
    fields.push(`response=${quote(response)}`, 'qop=auth', `nc=${nc}`, `cnonce=${quote(cnonce)}`);
  } else {
    response = md5(`${ha1}:${challenge.nonce}:${ha2}`);
    fields.push(`response=${quote(response)}`);
  }
  fields.push('algorithm=MD5');
  if (challenge.opaque !== null) fields.push(`opaque=${quote(challenge.opaque)}`);
  return `Digest ${fields.join(', ')}`;
}
