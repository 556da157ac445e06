// RTCP sender reports (RFC 3550 6.4.1): the sender's wall clock in NTP format next to the RTP
// timestamp of the same instant. A camera fills the NTP time from its own clock, so it is how
// far that clock is off that the report tells us, not when the packet left.

export interface SenderReportTime {
  ssrc: number;
  /** The sender's wall clock as Unix time in ms (fractional). */
  unixMs: number;
  rtpTimestamp: number;
}

/** Seconds between the NTP epoch (1900) and the Unix epoch (1970). */
const ntpUnixOffset = 2_208_988_800;
const rtcpSenderReport = 200;

/**
 * NTP seconds and fraction as Unix ms. NTP seconds wrap in February 2036; a value with the top
 * bit clear is read as the next era (RFC 4330 section 3), since no camera is set before 1968.
 */
export function ntpToUnixMs(seconds: number, fraction: number): number {
  const era = seconds < 0x8000_0000 ? 2 ** 32 : 0;
  return (seconds + era - ntpUnixOffset) * 1000 + (fraction / 2 ** 32) * 1000;
}

/** The first sender report in a (compound) RTCP packet; null when there is none. */
export function findSenderReport(packet: Buffer): SenderReportTime | null {
  let at = 0;
  while (at + 4 <= packet.length) {
    if (packet[at]! >> 6 !== 2) return null; // not RTCP version 2: not worth reading further
    const bytes = (packet.readUInt16BE(at + 2) + 1) * 4;
    if (at + bytes > packet.length) return null;
    if (packet[at + 1] === rtcpSenderReport && bytes >= 28) {
      return {
        ssrc: packet.readUInt32BE(at + 4),
        unixMs: ntpToUnixMs(packet.readUInt32BE(at + 8), packet.readUInt32BE(at + 12)),
        rtpTimestamp: packet.readUInt32BE(at + 16),
      };
    }
    at += bytes;
  }
  return null;
}
