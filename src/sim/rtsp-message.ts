// RTSP/1.0 on the wire (RFC 2326): requests read incrementally from a TCP stream that also
// carries interleaved RTCP from the client (`$`, channel, length, data), and responses written.

export interface RtspRequest {
  method: string;
  url: string;
  /** Header names in lower case. */
  headers: Map<string, string>;
  cseq: string;
  body: Buffer;
}

export type Incoming =
  | { kind: 'request'; request: RtspRequest }
  | { kind: 'interleaved'; channel: number; length: number };

export class RtspProtocolError extends Error {}

const maxHeaderBytes = 16 * 1024;
const maxBodyBytes = 64 * 1024;
const headerEnd = Buffer.from('\r\n\r\n');

/** Feed it the bytes as they arrive; it returns every whole message they complete. */
export class RtspReader {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Incoming[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const out: Incoming[] = [];
    for (;;) {
      const message = this.next();
      if (!message) return out;
      out.push(message);
    }
  }

  private next(): Incoming | null {
    const buffer = this.buffer;
    if (buffer.length === 0) return null;
    if (buffer[0] === 0x24) {
      if (buffer.length < 4) return null;
      const length = buffer.readUInt16BE(2);
      if (buffer.length < 4 + length) return null;
      this.buffer = buffer.subarray(4 + length);
      return { kind: 'interleaved', channel: buffer[1]!, length };
    }
    const end = buffer.indexOf(headerEnd);
    if (end < 0) {
      if (buffer.length > maxHeaderBytes) throw new RtspProtocolError('request header too long');
      return null;
    }
    const head = parseHead(buffer.subarray(0, end).toString('utf8'));
    const length = Number(head.headers.get('content-length') ?? '0');
    if (!Number.isInteger(length) || length < 0 || length > maxBodyBytes) {
      throw new RtspProtocolError('bad Content-Length');
    }
    const bodyStart = end + headerEnd.length;
    if (buffer.length < bodyStart + length) return null;
    this.buffer = buffer.subarray(bodyStart + length);
    return {
      kind: 'request',
      request: { ...head, body: buffer.subarray(bodyStart, bodyStart + length) },
    };
  }
}

function parseHead(text: string): Omit<RtspRequest, 'body'> {
  const [first, ...lines] = text.replace(/^(\r\n)+/, '').split('\r\n');
  const line = /^([A-Z_]{3,20}) (\S+) RTSP\/1\.\d$/.exec(first ?? '');
  if (!line)
    throw new RtspProtocolError(`not an RTSP request line: ${JSON.stringify(first?.slice(0, 80))}`);
  const headers = new Map<string, string>();
  for (const header of lines) {
    const colon = header.indexOf(':');
    if (colon <= 0) throw new RtspProtocolError('malformed header line');
    headers.set(header.slice(0, colon).trim().toLowerCase(), header.slice(colon + 1).trim());
  }
  return { method: line[1]!, url: line[2]!, headers, cseq: headers.get('cseq') ?? '0' };
}

const reasons: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  454: 'Session Not Found',
  455: 'Method Not Valid in This State',
  459: 'Aggregate Operation Not Allowed',
  461: 'Unsupported Transport',
  500: 'Internal Server Error',
  501: 'Not Implemented',
};

export interface RtspResponse {
  status: number;
  headers?: [string, string][];
  body?: string;
}

export function formatResponse(cseq: string, response: RtspResponse): Buffer {
  const body = Buffer.from(response.body ?? '', 'utf8');
  const lines = [
    `RTSP/1.0 ${response.status} ${reasons[response.status] ?? 'Error'}`,
    `CSeq: ${cseq}`,
    'Server: matthan-sim',
    ...(response.headers ?? []).map(([name, value]) => `${name}: ${value}`),
  ];
  if (body.length > 0) lines.push(`Content-Length: ${body.length}`);
  return Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'utf8'), body]);
}
