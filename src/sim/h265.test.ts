import { describe, expect, it } from 'vitest';
import { splitAnnexB } from './h264';
import {
  h265Payloads,
  h265SdpFormat,
  hevcAccessUnits,
  hevcNalType,
  hevcParameterSets,
  withHevcParameterSetsOnKeyframes,
} from './h265';

/** A NAL unit of `type` (layer 0, temporal id 1: second header byte 0x01) and a body. */
const nal = (type: number, ...body: number[]) => Buffer.from([type << 1, 0x01, ...body]);
const vps = nal(32, 0x0c, 0x01);
const sps = nal(33, 0x01, 0x01);
const pps = nal(34, 0xc1, 0x72);
const prefixSei = nal(39, 0x05);
const suffixSei = nal(40, 0x05);
const delimiter = nal(35, 0x50);
/** A slice segment; `first` sets first_slice_segment_in_pic_flag (a new picture). */
const slice = (type: number, first: boolean, tag: number) => nal(type, first ? 0xaf : 0x2f, tag);
const IDR_W_RADL = 19;
const CRA = 21;
const TRAIL_R = 1;

describe('H.265 access units', () => {
  it('reads the six-bit type from the two-byte NAL header', () => {
    expect([vps, sps, pps, slice(IDR_W_RADL, true, 0)].map(hevcNalType)).toEqual([32, 33, 34, 19]);
    expect(splitAnnexB(Buffer.concat([Buffer.from([0, 0, 0, 1]), vps]))).toEqual([vps]);
  });

  it('groups NALs into pictures, drops SEI and marks IDR and CRA pictures as keyframes', () => {
    const units = hevcAccessUnits([
      vps,
      sps,
      pps,
      prefixSei,
      slice(IDR_W_RADL, true, 1),
      slice(IDR_W_RADL, false, 2),
      suffixSei,
      delimiter,
      slice(TRAIL_R, true, 3),
      slice(TRAIL_R, true, 4),
      slice(CRA, true, 5),
    ]);
    expect(units.map((u) => u.keyframe)).toEqual([true, false, false, true]);
    expect(units.map((u) => u.nals.map(hevcNalType))).toEqual([
      [32, 33, 34, 19, 19],
      [35, 1],
      [1],
      [21],
    ]);
  });

  it('puts VPS, SPS and PPS in front of a keyframe that lacks them', () => {
    const nals = [vps, sps, pps, slice(IDR_W_RADL, true, 1), slice(TRAIL_R, true, 2)];
    const units = hevcAccessUnits([...nals, sps, slice(IDR_W_RADL, true, 3)]);
    const fixed = withHevcParameterSetsOnKeyframes(units, hevcParameterSets(nals));
    expect(fixed.map((u) => u.nals.map(hevcNalType))).toEqual([
      [32, 33, 34, 19],
      [1],
      [32, 33, 34, 19],
    ]);
    expect(() => hevcParameterSets([sps, pps])).toThrow(/VPS, SPS or PPS/);
  });
});

describe('RFC 7798 packetisation', () => {
  it('sends a NAL unit that fits as a single NAL unit packet', () => {
    expect(h265Payloads([vps, sps], 100)).toEqual([vps, sps]);
  });

  it('splits a large NAL unit into type-49 fragmentation units that rebuild it', () => {
    const body = Buffer.from(Array.from({ length: 250 }, (_, i) => i & 0xff));
    const big = Buffer.concat([Buffer.from([IDR_W_RADL << 1, 0x01]), body]);
    const payloads = h265Payloads([big], 100);
    expect(payloads.map((p) => p.length)).toEqual([100, 100, 59]);
    for (const payload of payloads) {
      // Payload header: type 49 with the NAL's layer id and temporal id.
      expect([payload[0], payload[1]]).toEqual([49 << 1, 0x01]);
      expect(payload[2]! & 0x3f).toBe(IDR_W_RADL);
    }
    expect(payloads.map((p) => p[2]! & 0xc0)).toEqual([0x80, 0x00, 0x40]);
    // What a receiver does: the NAL header from the payload and FU headers, then the bodies.
    const [head0, head1, fu] = payloads[0]!;
    const header = Buffer.from([(head0! & 0x81) | ((fu! & 0x3f) << 1), head1!]);
    expect(Buffer.concat([header, ...payloads.map((p) => p.subarray(3))])).toEqual(big);
  });

  it('keeps the forbidden bit and the layer id of the NAL in the payload header', () => {
    const layered = Buffer.concat([Buffer.from([(TRAIL_R << 1) | 0x01, 0x0a]), Buffer.alloc(20)]);
    const [first] = h265Payloads([layered], 10);
    expect([first![0], first![1], first![2]]).toEqual([(49 << 1) | 0x01, 0x0a, 0x80 | TRAIL_R]);
  });
});

describe('H.265 session description', () => {
  it('announces H265/90000 with the parameter sets in base64', () => {
    expect(h265SdpFormat(96, { vps, sps, pps }, 25)).toEqual([
      'a=rtpmap:96 H265/90000',
      `a=fmtp:96 sprop-vps=QAEMAQ==;sprop-sps=QgEBAQ==;sprop-pps=RAHBcg==`,
      'a=framerate:25',
    ]);
  });
});
