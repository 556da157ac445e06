// RTP packets for the simulator: H.264 (RFC 6184, single NAL unit and FU-A), AAC (RFC 3640,
// AAC-hbr) and RTCP sender reports (RFC 3550). Each frame of the clip is packetised once, at
// load time, into a template laid out as RTSP interleaved frames; sending a frame to a client
// then costs one copy and a patch of each header's channel, sequence number, timestamp and SSRC.

export const RTP_HEADER_BYTES = 12;
/** `$`, channel and a 16-bit length in front of each packet on an RTSP connection (RFC 2326 10.12). */
export const INTERLEAVED_PREFIX_BYTES = 4;
/** Keeps packets under a 1500-byte Ethernet MTU with IP/UDP headers, as cameras do. */
export const DEFAULT_MAX_PAYLOAD = 1400;

const FU_A = 28;

/** RTP payloads of one access unit: small NALs whole, large ones split into FU-A fragments. */
export function h264Payloads(nals: Buffer[], maxPayload = DEFAULT_MAX_PAYLOAD): Buffer[] {
  const payloads: Buffer[] = [];
  for (const nal of nals) {
    if (nal.length <= maxPayload) {
      payloads.push(nal);
      continue;
    }
    const header = nal[0]!;
    const indicator = (header & 0xe0) | FU_A;
    const type = header & 0x1f;
    const body = nal.subarray(1);
    const step = maxPayload - 2;
    for (let at = 0; at < body.length; at += step) {
      const start = at === 0 ? 0x80 : 0;
      const end = at + step >= body.length ? 0x40 : 0;
      payloads.push(
        Buffer.concat([Buffer.from([indicator, start | end | type]), body.subarray(at, at + step)]),
      );
    }
  }
  return payloads;
}

/** An RFC 3640 AAC-hbr payload: one 16-bit AU header (13-bit size, 3-bit index) and the frame. */
export function aacPayload(frame: Buffer): Buffer {
  const header = Buffer.from([0x00, 0x10, (frame.length >> 5) & 0xff, (frame.length & 0x1f) << 3]);
  return Buffer.concat([header, frame]);
}

export interface PacketTemplate {
  /** Each packet as an interleaved frame (`$`, channel, length, RTP header, payload), back to back. */
  data: Buffer;
  /** Where each packet's RTP header starts in `data`. */
  offsets: number[];
  /** Each RTP packet's length (header and payload). */
  lengths: number[];
  /** Payload bytes in total, for the sender report's octet count. */
  payloadBytes: number;
}

/** Lays out the packets of one frame; the marker bit is set on the last one (end of the frame). */
export function frameTemplate(payloads: Buffer[], payloadType: number): PacketTemplate {
  const total = payloads.reduce(
    (sum, p) => sum + INTERLEAVED_PREFIX_BYTES + RTP_HEADER_BYTES + p.length,
    0,
  );
  const data = Buffer.alloc(total);
  const offsets: number[] = [];
  const lengths: number[] = [];
  let at = 0;
  payloads.forEach((payload, index) => {
    const length = RTP_HEADER_BYTES + payload.length;
    data[at] = 0x24;
    data.writeUInt16BE(length, at + 2);
    const rtp = at + INTERLEAVED_PREFIX_BYTES;
    data[rtp] = 0x80; // version 2, no padding, no extension, no CSRC
    data[rtp + 1] = (index === payloads.length - 1 ? 0x80 : 0) | (payloadType & 0x7f);
    payload.copy(data, rtp + RTP_HEADER_BYTES);
    offsets.push(rtp);
    lengths.push(length);
    at = rtp + length;
  });
  return { data, offsets, lengths, payloadBytes: payloads.reduce((s, p) => s + p.length, 0) };
}

export interface Stamp {
  channel: number;
  ssrc: number;
  timestamp: number;
  /** Sequence number of the first packet; the following ones count up from it (mod 2^16). */
  firstSeq: number;
}

/** A copy of the template with this client's headers; the shared template is never modified. */
export function stampedCopy(template: PacketTemplate, stamp: Stamp): Buffer {
  const out = Buffer.allocUnsafe(template.data.length);
  template.data.copy(out);
  const timestamp = stamp.timestamp >>> 0;
  template.offsets.forEach((rtp, index) => {
    out[rtp - 3] = stamp.channel;
    out.writeUInt16BE((stamp.firstSeq + index) & 0xffff, rtp + 2);
    out.writeUInt32BE(timestamp, rtp + 4);
    out.writeUInt32BE(stamp.ssrc >>> 0, rtp + 8);
  });
  return out;
}

/** Seconds between the NTP epoch (1900) and the Unix epoch (1970). */
const NTP_UNIX_OFFSET = 2_208_988_800;

/** An RTCP sender report (no report blocks) mapping an RTP timestamp to wall-clock time. */
export function senderReport(report: {
  ssrc: number;
  wallMs: number;
  rtpTimestamp: number;
  packets: number;
  octets: number;
}): Buffer {
  const out = Buffer.alloc(28);
  out[0] = 0x80;
  out[1] = 200;
  out.writeUInt16BE(6, 2); // length in 32-bit words, minus one
  out.writeUInt32BE(report.ssrc >>> 0, 4);
  const seconds = Math.floor(report.wallMs / 1000);
  out.writeUInt32BE((seconds + NTP_UNIX_OFFSET) >>> 0, 8);
  out.writeUInt32BE(Math.floor(((report.wallMs % 1000) / 1000) * 2 ** 32) >>> 0, 12);
  out.writeUInt32BE(report.rtpTimestamp >>> 0, 16);
  out.writeUInt32BE(report.packets >>> 0, 20);
  out.writeUInt32BE(report.octets >>> 0, 24);
  return out;
}

/** Wraps one packet for an RTSP connection. */
export function interleaved(channel: number, packet: Buffer): Buffer {
  const prefix = Buffer.from([0x24, channel, packet.length >> 8, packet.length & 0xff]);
  return Buffer.concat([prefix, packet]);
}
