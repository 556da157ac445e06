import { describe, expect, it } from 'vitest';
import {
  aacPayload,
  frameTemplate,
  h264Payloads,
  INTERLEAVED_PREFIX_BYTES,
  RTP_HEADER_BYTES,
  senderReport,
  stampedCopy,
} from './rtp';

/** Rebuilds NAL units from H.264 RTP payloads, as a receiver does (RFC 6184 5.8). */
function reassemble(payloads: Buffer[]): Buffer[] {
  const nals: Buffer[] = [];
  let pending: Buffer[] | null = null;
  for (const payload of payloads) {
    const type = payload[0]! & 0x1f;
    if (type !== 28) {
      nals.push(payload);
      continue;
    }
    const fuHeader = payload[1]!;
    if (fuHeader & 0x80) pending = [Buffer.from([(payload[0]! & 0xe0) | (fuHeader & 0x1f)])];
    pending!.push(payload.subarray(2));
    if (fuHeader & 0x40) {
      nals.push(Buffer.concat(pending!));
      pending = null;
    }
  }
  return nals;
}

function nal(type: number, length: number, refIdc = 3): Buffer {
  const out = Buffer.alloc(length);
  out[0] = (refIdc << 5) | type;
  for (let i = 1; i < length; i++) out[i] = (i * 7) & 0xff;
  return out;
}

describe('H.264 packetiser', () => {
  it('sends a NAL that fits in one packet whole (single NAL unit mode)', () => {
    const sps = nal(7, 20);
    expect(h264Payloads([sps], 1400)).toEqual([sps]);
  });

  it('splits a large NAL into FU-A fragments that reassemble to the same bytes', () => {
    const idr = nal(5, 5000);
    const payloads = h264Payloads([idr], 1400);
    expect(payloads).toHaveLength(Math.ceil(4999 / 1398));
    expect(payloads.every((p) => p.length <= 1400)).toBe(true);
    // FU indicator keeps F and NRI and says 28; the FU header has S on the first, E on the last.
    expect(payloads.map((p) => p[0])).toEqual(payloads.map(() => (3 << 5) | 28));
    expect(payloads.map((p) => p[1]! & 0xc0)).toEqual([0x80, 0, 0, 0x40]);
    expect(payloads.every((p) => (p[1]! & 0x1f) === 5)).toBe(true);
    expect(reassemble(payloads)).toEqual([idr]);
  });

  it('reassembles a whole keyframe of parameter sets and a fragmented slice in order', () => {
    const nals = [nal(7, 24), nal(8, 4), nal(5, 3000)];
    expect(reassemble(h264Payloads(nals, 1000))).toEqual(nals);
  });
});

describe('frame templates and stamping', () => {
  const payloads = h264Payloads([nal(7, 24), nal(8, 4), nal(5, 3000)], 1400);
  const template = frameTemplate(payloads, 96);

  it('lays packets out as interleaved frames with the marker bit on the last packet only', () => {
    expect(template.offsets).toHaveLength(payloads.length);
    let at = 0;
    template.offsets.forEach((offset, index) => {
      expect(offset).toBe(at + INTERLEAVED_PREFIX_BYTES);
      expect(template.data[at]).toBe(0x24);
      expect(template.data.readUInt16BE(at + 2)).toBe(template.lengths[index]);
      expect(template.data[offset]).toBe(0x80);
      const marker = (template.data[offset + 1]! & 0x80) !== 0;
      expect(marker).toBe(index === payloads.length - 1);
      expect(template.data[offset + 1]! & 0x7f).toBe(96);
      at = offset + template.lengths[index]!;
    });
    expect(at).toBe(template.data.length);
    expect(template.payloadBytes).toBe(payloads.reduce((s, p) => s + p.length, 0));
  });

  it('stamps channel, counting sequence numbers, one timestamp and the SSRC on a copy', () => {
    const before = Buffer.from(template.data);
    const out = stampedCopy(template, {
      channel: 2,
      ssrc: 0xdeadbeef,
      timestamp: 2 ** 32 + 5, // wraps like RTP timestamps do
      firstSeq: 65534,
    });
    expect(template.data).toEqual(before);
    expect(template.offsets.map((o) => out[o - 3])).toEqual(template.offsets.map(() => 2));
    expect(template.offsets.map((o) => out.readUInt16BE(o + 2))).toEqual(
      template.offsets.map((_, i) => (65534 + i) & 0xffff),
    );
    expect(new Set(template.offsets.map((o) => out.readUInt32BE(o + 4)))).toEqual(new Set([5]));
    expect(new Set(template.offsets.map((o) => out.readUInt32BE(o + 8)))).toEqual(
      new Set([0xdeadbeef]),
    );
    const first = template.offsets[0]!;
    expect(out.subarray(first + RTP_HEADER_BYTES, first + template.lengths[0]!)).toEqual(
      payloads[0],
    );
  });
});

describe('AAC and RTCP', () => {
  it('prefixes an AAC frame with a 16-bit AU header length and its 13-bit size', () => {
    const frame = Buffer.alloc(300, 1);
    const payload = aacPayload(frame);
    expect(payload.readUInt16BE(0)).toBe(16);
    expect(payload.readUInt16BE(2) >> 3).toBe(300);
    expect(payload.readUInt16BE(2) & 0x7).toBe(0);
    expect(payload.subarray(4)).toEqual(frame);
  });

  it('writes a sender report mapping an RTP timestamp to NTP time', () => {
    const report = senderReport({
      ssrc: 0x01020304,
      wallMs: 1_700_000_000_500,
      rtpTimestamp: 90_000,
      packets: 10,
      octets: 12_345,
    });
    expect(report).toHaveLength(28);
    expect([report[0], report[1], report.readUInt16BE(2)]).toEqual([0x80, 200, 6]);
    expect(report.readUInt32BE(4)).toBe(0x01020304);
    expect(report.readUInt32BE(8)).toBe(1_700_000_000 + 2_208_988_800);
    expect(report.readUInt32BE(12)).toBe(2 ** 31);
    expect([report.readUInt32BE(16), report.readUInt32BE(20), report.readUInt32BE(24)]).toEqual([
      90_000, 10, 12_345,
    ]);
  });
});
