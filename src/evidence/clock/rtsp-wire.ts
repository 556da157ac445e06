// RTSP/1.0 as a client sees it (RFC 2326): requests written as text, and one incremental reader
// for what comes back on the same TCP connection: responses, the odd request from the server,
// and interleaved RTP/RTCP frames (`$`, channel, 16-bit length, packet).

export interface RtspResponse {
  status: number;
  /** Header names in lower case; a header sent twice (WWW-Authenticate) keeps every value. */
  headers: Map<string, string[]>;
  cseq: string | null;
  body: string;
}

export type RtspIncoming =
  | { kind: 'response'; response: RtspResponse }
  | { kind: 'interleaved'; channel: number; payload: Buffer };

/** The server sent something that is not RTSP: a reason, never the bytes themselves. */
export class RtspWireError extends Error {}

const maxHeaderBytes = 16 * 1024;
/** An SDP is a few kilobytes; anything near this is not one. */
const maxBodyBytes = 256 * 1024;
const headerEnd = Buffer.from('\r\n\r\n');

export function formatRequest(
  method: string,
  url: string,
  cseq: number,
  headers: readonly [string, string][] = [],
): string {
  const lines = [`${method} ${url} RTSP/1.0`, `CSeq: ${cseq}`, 'User-Agent: matthan-clock'];
  for (const [name, value] of headers) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export function header(response: RtspResponse, name: string): string | undefined {
  return response.headers.get(name.toLowerCase())?.[0];
}

/** Feed it bytes as they arrive; it returns every whole message they complete. */
export class RtspResponseReader {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): RtspIncoming[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const out: RtspIncoming[] = [];
    for (;;) {
      const message = this.next();
      if (message === null) return out;
      if (message !== 'skipped') out.push(message);
    }
  }

  private next(): RtspIncoming | 'skipped' | null {
    const buffer = this.buffer;
    if (buffer.length === 0) return null;
    if (buffer[0] === 0x24) {
      if (buffer.length < 4) return null;
      const length = buffer.readUInt16BE(2);
      if (buffer.length < 4 + length) return null;
      this.buffer = buffer.subarray(4 + length);
      return { kind: 'interleaved', channel: buffer[1]!, payload: buffer.subarray(4, 4 + length) };
    }
    const end = buffer.indexOf(headerEnd);
    if (end < 0) {
      if (buffer.length > maxHeaderBytes) throw new RtspWireError('an answer header too long');
      return null;
    }
    const [first = '', ...lines] = buffer
      .subarray(0, end)
      .toString('latin1')
      .replace(/^(\r\n)+/, '')
      .split('\r\n');
    const status = /^RTSP\/1\.\d (\d{3})(?: .*)?$/.exec(first);
    // A server may send its own requests (GET_PARAMETER, ANNOUNCE); they are read past.
    const request = /^[A-Z_]{3,20} \S+ RTSP\/1\.\d$/.test(first);
    if (!status && !request) throw new RtspWireError('an answer that is not RTSP');
    const headers = parseHeaders(lines);
    const length = Number(headers.get('content-length')?.[0] ?? '0');
    if (!Number.isInteger(length) || length < 0 || length > maxBodyBytes) {
      throw new RtspWireError('an answer with a bad Content-Length');
    }
    const bodyStart = end + headerEnd.length;
    if (buffer.length < bodyStart + length) return null;
    this.buffer = buffer.subarray(bodyStart + length);
    if (!status) return 'skipped';
    return {
      kind: 'response',
      response: {
        status: Number(status[1]),
        headers,
        cseq: headers.get('cseq')?.[0] ?? null,
        body: buffer.subarray(bodyStart, bodyStart + length).toString('utf8'),
      },
    };
  }
}

function parseHeaders(lines: string[]): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new RtspWireError('an answer with a malformed header');
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return headers;
}

/** The session id from a `Session: id;timeout=60` header. */
export function sessionId(value: string | undefined): string | null {
  const id = value?.split(';')[0]?.trim();
  return id ? id : null;
}

/** The channels a SETUP answer's `Transport` header assigned (`interleaved=2-3`). */
export function interleavedChannels(transport: string | undefined): [number, number] | null {
  const match = /(?:^|;)\s*interleaved=(\d{1,3})(?:-(\d{1,3}))?/i.exec(transport ?? '');
  if (!match) return null;
  const rtp = Number(match[1]);
  return [rtp, match[2] === undefined ? rtp + 1 : Number(match[2])];
}

/** Resolves an SDP `a=control` value against the presentation's base URL (RFC 2326 C.1.1). */
export function resolveControl(base: string, control: string | null): string {
  if (control === null || control === '*') return base;
  if (/^rtsps?:\/\//i.test(control)) return control;
  return `${base}${base.endsWith('/') ? '' : '/'}${control}`;
}

/** Where to SETUP the first video track and where to PLAY the whole presentation. */
export function describeTargets(sdp: string, base: string): { setup: string; play: string } | null {
  let sessionControl: string | null = null;
  let inVideo = false;
  let seenMedia = false;
  let videoControl: string | null | undefined;
  for (const raw of sdp.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('m=')) {
      if (inVideo) break;
      seenMedia = true;
      inVideo = line.startsWith('m=video ');
      if (inVideo) videoControl = null;
      continue;
    }
    const control = /^a=control:(.*)$/.exec(line)?.[1]?.trim();
    if (control === undefined) continue;
    if (!seenMedia) sessionControl = control;
    else if (inVideo) videoControl = control;
  }
  if (videoControl === undefined) return null;
  return { setup: resolveControl(base, videoControl), play: resolveControl(base, sessionControl) };
}
