import { describe, expect, it } from 'vitest';
import { formatResponse, RtspProtocolError, RtspReader } from './rtsp-message';

describe('RTSP messages', () => {
  it('reads requests split across chunks, between interleaved RTCP packets', () => {
    const reader = new RtspReader();
    const wire = Buffer.concat([
      Buffer.from(
        'OPTIONS rtsp://127.0.0.1:8554/cam-001 RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: x\r\n\r\n',
      ),
      Buffer.from([0x24, 1, 0, 3, 9, 9, 9]),
      Buffer.from(
        'SET_PARAMETER rtsp://h/cam-001 RTSP/1.0\r\nCSeq: 2\r\nContent-Length: 5\r\n\r\nhello',
      ),
    ]);
    const messages = [];
    for (let at = 0; at < wire.length; at += 7)
      messages.push(...reader.push(wire.subarray(at, at + 7)));
    expect(messages.map((m) => m.kind)).toEqual(['request', 'interleaved', 'request']);
    const [options, rtcp, set] = messages;
    expect(options?.kind === 'request' && [options.request.method, options.request.cseq]).toEqual([
      'OPTIONS',
      '1',
    ]);
    expect(rtcp?.kind === 'interleaved' && [rtcp.channel, rtcp.length]).toEqual([1, 3]);
    expect(set?.kind === 'request' && set.request.body.toString()).toBe('hello');
  });

  it('rejects bytes that are not RTSP', () => {
    expect(() => new RtspReader().push(Buffer.from('GET / HTTP/1.1\r\n\r\n'))).toThrow(
      RtspProtocolError,
    );
    expect(() => new RtspReader().push(Buffer.alloc(17 * 1024, 65))).toThrow(/too long/);
  });

  it('writes a response with CSeq, headers and a counted body', () => {
    const text = formatResponse('3', {
      status: 200,
      headers: [['Content-Type', 'application/sdp']],
      body: 'v=0\r\n',
    }).toString();
    expect(text).toBe(
      'RTSP/1.0 200 OK\r\nCSeq: 3\r\nServer: matthan-sim\r\nContent-Type: application/sdp\r\nContent-Length: 5\r\n\r\nv=0\r\n',
    );
    expect(formatResponse('4', { status: 461 }).toString()).toMatch(
      /^RTSP\/1.0 461 Unsupported Transport\r\n/,
    );
  });
});
