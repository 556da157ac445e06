import { describe, expect, it } from 'vitest';
import { parseRtspUrl } from './rtsp-url';

describe('a camera stream URL', () => {
  it('splits off the credentials, decoded, and keeps them out of the request URL', () => {
    expect(parseRtspUrl('rtsp://admin:p%40ss%3Aw@192.168.1.64:10554/Streaming/101?t=1')).toEqual({
      host: '192.168.1.64',
      port: 10554,
      requestUrl: 'rtsp://192.168.1.64:10554/Streaming/101?t=1',
      credentials: { username: 'admin', password: 'p@ss:w' },
    });
  });

  it('defaults to port 554 and has no credentials when the URL names none', () => {
    expect(parseRtspUrl('rtsp://cam.example/live')).toEqual({
      host: 'cam.example',
      port: 554,
      requestUrl: 'rtsp://cam.example:554/live',
      credentials: null,
    });
  });

  it('connects to an IPv6 host without brackets and requests with them', () => {
    const target = parseRtspUrl('rtsp://[::1]:8554/cam-001');
    expect([target.host, target.requestUrl]).toEqual(['::1', 'rtsp://[::1]:8554/cam-001']);
  });

  it('rejects what is not rtsp:// without repeating the URL', () => {
    expect(() => parseRtspUrl('http://u:secret@cam/')).toThrow(/not rtsp:\/\/ \(http\)/);
    expect(() => parseRtspUrl('rtsp://u:secret@cam:99999/')).toThrow('not a valid URL');
    expect(() => parseRtspUrl('rtsp://u:secret@cam:99999/')).not.toThrow(/secret/);
  });
});
