// The session description a camera answers DESCRIBE with (RFC 4566, RFC 2326 appendix C):
// one media section per track, each with a relative `a=control` that SETUP names.

export interface SdpTrack {
  kind: 'video' | 'audio';
  payloadType: number;
  /** `a=rtpmap`, `a=fmtp` and similar lines. */
  sdpFormat: string[];
}

export function describeSdp(input: {
  sessionId: string;
  address: string;
  name: string;
  tracks: SdpTrack[];
}): string {
  const ipVersion = input.address.includes(':') ? 'IP6' : 'IP4';
  const lines = [
    'v=0',
    `o=- ${input.sessionId} 1 IN ${ipVersion} ${input.address}`,
    `s=${input.name}`,
    `c=IN ${ipVersion} ${ipVersion === 'IP6' ? '::' : '0.0.0.0'}`,
    't=0 0',
    'a=tool:matthan-sim',
    'a=range:npt=0-',
    'a=control:*',
  ];
  input.tracks.forEach((track, index) => {
    lines.push(`m=${track.kind} 0 RTP/AVP ${track.payloadType}`);
    lines.push(...track.sdpFormat);
    lines.push(`a=control:${trackControl(index)}`);
  });
  return lines.join('\r\n') + '\r\n';
}

export function trackControl(index: number): string {
  return `trackID=${index}`;
}
