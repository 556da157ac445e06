import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// HTTP Digest authentication as RTSP cameras do it (RFC 2617 with MD5; RFC 7616 keeps MD5 for
// compatibility). The challenge carries no qop, like most cameras, so clients answer in the
// RFC 2069 form; answers with qop=auth are accepted too. Nonces are stateless: a timestamp
// signed with a per-process key, so any connection may use any nonce this server issued.

export interface Credentials {
  username: string;
  password: string;
}

export interface DigestParams {
  username: string;
  realm: string;
  nonce: string;
  uri: string;
  response: string;
  qop?: string;
  nc?: string;
  cnonce?: string;
  algorithm?: string;
}

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/** Parses `Digest key="value", key=value, …`; null when it is not a Digest header or lacks a field. */
export function parseDigest(header: string): DigestParams | null {
  const match = /^\s*Digest\s+(.*)$/is.exec(header);
  if (!match) return null;
  const fields = new Map<string, string>();
  for (const part of match[1]!.matchAll(
    /([a-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/gi,
  )) {
    fields.set(part[1]!.toLowerCase(), part[2]?.replace(/\\(.)/g, '$1') ?? part[3] ?? '');
  }
  const required = ['username', 'realm', 'nonce', 'uri', 'response'] as const;
  if (required.some((key) => !fields.has(key))) return null;
  const optional = (key: string) => fields.get(key);
  return {
    username: fields.get('username')!,
    realm: fields.get('realm')!,
    nonce: fields.get('nonce')!,
    uri: fields.get('uri')!,
    response: fields.get('response')!,
    qop: optional('qop'),
    nc: optional('nc'),
    cnonce: optional('cnonce'),
    algorithm: optional('algorithm'),
  };
}

/** The expected `response`: MD5(HA1:nonce[:nc:cnonce:qop]:HA2). */
export function digestResponse(input: {
  username: string;
  password: string;
  realm: string;
  method: string;
  uri: string;
  nonce: string;
  qop?: string;
  nc?: string;
  cnonce?: string;
}): string {
  const ha1 = md5(`${input.username}:${input.realm}:${input.password}`);
  const ha2 = md5(`${input.method}:${input.uri}`);
  if (input.qop === 'auth') {
    return md5(`${ha1}:${input.nonce}:${input.nc ?? ''}:${input.cnonce ?? ''}:auth:${ha2}`);
  }
  return md5(`${ha1}:${input.nonce}:${ha2}`);
}

export class NonceIssuer {
  constructor(private readonly key: Buffer = randomBytes(16)) {}

  issue(nowMs = Date.now()): string {
    const stamp = nowMs.toString(16).padStart(12, '0');
    return stamp + this.sign(stamp);
  }

  valid(nonce: string): boolean {
    if (!/^[0-9a-f]{44}$/.test(nonce)) return false;
    return sameText(this.sign(nonce.slice(0, 12)), nonce.slice(12));
  }

  private sign(stamp: string): string {
    return createHmac('sha256', this.key).update(stamp).digest('hex').slice(0, 32);
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function challengeHeader(realm: string, nonce: string, stale = false): string {
  return `Digest realm="${realm}", nonce="${nonce}", algorithm=MD5${stale ? ', stale=TRUE' : ''}`;
}

export type DigestVerdict = 'ok' | 'missing' | 'stale' | 'wrong';

/** Checks an Authorization header against the configured credentials. */
export function verifyDigest(
  header: string | undefined,
  method: string,
  expected: Credentials & { realm: string },
  nonces: NonceIssuer,
): DigestVerdict {
  if (!header) return 'missing';
  const params = parseDigest(header);
  if (!params) return 'wrong';
  if (params.algorithm && params.algorithm.toUpperCase() !== 'MD5') return 'wrong';
  if (params.realm !== expected.realm || params.username !== expected.username) return 'wrong';
  if (!nonces.valid(params.nonce)) return 'stale';
  const wanted = digestResponse({ ...params, method, password: expected.password });
  return sameText(wanted, params.response.toLowerCase()) ? 'ok' : 'wrong';
}
