import { describe, expect, it } from 'vitest';
import {
  describeTargets,
  formatRequest,
  interleavedChannels,
  resolveControl,
  RtspResponseReader,
  sessionId,
} from './rtsp-wire';

const response = (text: string) => Buffer.from(text.replaceAll('\n', '\r\n'), 'latin1');

describe('RTSP on the wire, client side', () => {
  it('writes a request with CSeq and its headers, ending in a blank line', () => {
    expect(
      formatRequest('SETUP', 'rtsp://cam:554/live/trackID=0', 3, [
        ['Transport', 'RTP/AVP/TCP;unicast;interleaved=0-1'],
      ]),
    ).toBe(
      'SETUP rtsp://cam:554/live/trackID=0 RTSP/1.0\r\nCSeq: 3\r\nUser-Agent: matthan-clock\r\n' +
        'Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n',
    );
  });

  it('reads a response split across chunks, keeping every WWW-Authenticate', () => {
    const reader = new RtspResponseReader();
    const bytes = response(
      'RTSP/1.0 401 Unauthorized\nCSeq: 2\nWWW-Authenticate: Basic realm="c"\n' +
        'WWW-Authenticate: Digest realm="c", nonce="n"\n\n',
    );
    expect(reader.push(bytes.subarray(0, 30))).toEqual([]);
    const [message] = reader.push(bytes.subarray(30));
    expect(message?.kind).toBe('response');
    if (message?.kind !== 'response') return;
    expect(message.response.status).toBe(401);
    expect(message.response.cseq).toBe('2');
    expect(message.response.headers.get('www-authenticate')).toEqual([
      'Basic realm="c"',
      'Digest realm="c", nonce="n"',
    ]);
  });

  it('reads a body by Content-Length, then interleaved frames in the same chunk', () => {
    const reader = new RtspResponseReader();
    const rtcp = Buffer.from([0x80, 200, 0, 0]);
    const messages = reader.push(
      Buffer.concat([
        response('RTSP/1.0 200 OK\nCSeq: 5\nContent-Length: 4\n\n'),
        Buffer.from('v=0\n'),
        Buffer.from([0x24, 1, 0, 4]),
        rtcp,
        Buffer.from([0x24, 0, 0, 2, 9]),
      ]),
    );
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({ kind: 'response', response: { body: 'v=0\n' } });
    expect(messages[1]).toEqual({ kind: 'interleaved', channel: 1, payload: rtcp });
    expect(reader.push(Buffer.from([7]))).toEqual([
      { kind: 'interleaved', channel: 0, payload: Buffer.from([9, 7]) },
    ]);
  });

  it('reads past a request the server sends, body and all', () => {
    const reader = new RtspResponseReader();
    const messages = reader.push(
      response(
        'GET_PARAMETER rtsp://c/ RTSP/1.0\nCSeq: 1\nContent-Length: 2\n\nokRTSP/1.0 200 OK\nCSeq: 4\n\n',
      ),
    );
    expect(messages).toMatchObject([{ kind: 'response', response: { status: 200, cseq: '4' } }]);
  });

  it('refuses bytes that are not RTSP, a header without end, and a huge body', () => {
    expect(() => new RtspResponseReader().push(response('HTTP/1.1 200 OK\n\n'))).toThrow(
      'not RTSP',
    );
    expect(() => new RtspResponseReader().push(Buffer.alloc(20_000, 0x41))).toThrow('too long');
    expect(() =>
      new RtspResponseReader().push(response('RTSP/1.0 200 OK\nContent-Length: 9999999\n\n')),
    ).toThrow('Content-Length');
  });

  it('takes the session id and interleaved channels from SETUP answers', () => {
    expect(sessionId('4D1E8F2A;timeout=60')).toBe('4D1E8F2A');
    expect(sessionId(undefined)).toBeNull();
    expect(interleavedChannels('RTP/AVP/TCP;unicast;interleaved=2-3;ssrc=0A')).toEqual([2, 3]);
    expect(interleavedChannels('RTP/AVP/TCP;interleaved=4')).toEqual([4, 5]);
    expect(interleavedChannels('RTP/AVP;unicast;client_port=5000-5001')).toBeNull();
  });

  it('resolves controls: relative, absolute and the aggregate *', () => {
    expect(resolveControl('rtsp://c/live/', 'trackID=1')).toBe('rtsp://c/live/trackID=1');
    expect(resolveControl('rtsp://c/live', 'trackID=1')).toBe('rtsp://c/live/trackID=1');
    expect(resolveControl('rtsp://c/live/', 'rtsp://c/other/v')).toBe('rtsp://c/other/v');
    expect(resolveControl('rtsp://c/live/', '*')).toBe('rtsp://c/live/');
    expect(resolveControl('rtsp://c/live/', null)).toBe('rtsp://c/live/');
  });

  it('sets up the first video track, even when audio is described first', () => {
    const sdp = [
      'v=0',
      'o=- 1 1 IN IP4 127.0.0.1',
      's=cam',
      'a=control:*',
      'm=audio 0 RTP/AVP 97',
      'a=control:trackID=1',
      'm=video 0 RTP/AVP 96',
      'a=rtpmap:96 H264/90000',
      'a=control:trackID=0',
      'm=video 0 RTP/AVP 98',
      'a=control:trackID=2',
      '',
    ].join('\r\n');
    expect(describeTargets(sdp, 'rtsp://c/live/')).toEqual({
      setup: 'rtsp://c/live/trackID=0',
      play: 'rtsp://c/live/',
    });
  });

  it('finds no target in an SDP without video', () => {
    expect(
      describeTargets('v=0\r\nm=audio 0 RTP/AVP 8\r\na=control:a\r\n', 'rtsp://c/'),
    ).toBeNull();
  });
});
