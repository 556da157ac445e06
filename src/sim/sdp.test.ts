import { describe, expect, it } from 'vitest';
import { describeSdp } from './sdp';

describe('session description', () => {
  it('describes a video and an audio track with relative controls', () => {
    const sdp = describeSdp({
      sessionId: '1700000000000',
      address: '127.0.0.1',
      name: 'matthan-sim cam-001 main',
      tracks: [
        {
          kind: 'video',
          payloadType: 96,
          sdpFormat: [
            'a=rtpmap:96 H264/90000',
            'a=fmtp:96 packetization-mode=1;profile-level-id=42c01f;sprop-parameter-sets=Z0LAH9kA,aM4PyA==',
          ],
        },
        {
          kind: 'audio',
          payloadType: 97,
          sdpFormat: ['a=rtpmap:97 MPEG4-GENERIC/16000/1'],
        },
      ],
    });
    expect(sdp).toBe(
      [
        'v=0',
        'o=- 1700000000000 1 IN IP4 127.0.0.1',
        's=matthan-sim cam-001 main',
        'c=IN IP4 0.0.0.0',
        't=0 0',
        'a=tool:matthan-sim',
        'a=range:npt=0-',
        'a=control:*',
        'm=video 0 RTP/AVP 96',
        'a=rtpmap:96 H264/90000',
        'a=fmtp:96 packetization-mode=1;profile-level-id=42c01f;sprop-parameter-sets=Z0LAH9kA,aM4PyA==',
        'a=control:trackID=0',
        'm=audio 0 RTP/AVP 97',
        'a=rtpmap:97 MPEG4-GENERIC/16000/1',
        'a=control:trackID=1',
        '',
      ].join('\r\n'),
    );
  });

  it('uses IPv6 address lines on an IPv6 listener', () => {
    const sdp = describeSdp({ sessionId: '1', address: '::1', name: 'x', tracks: [] });
    expect(sdp).toContain('o=- 1 1 IN IP6 ::1\r\n');
    expect(sdp).toContain('c=IN IP6 ::\r\n');
  });
});
