import { describe, expect, it } from 'vitest';
import {
  accessUnits,
  nalType,
  parameterSets,
  profileLevelId,
  splitAnnexB,
  withParameterSetsOnKeyframes,
} from './h264';

const sps = Buffer.from([0x67, 0x42, 0xc0, 0x1f, 0xd9]);
const pps = Buffer.from([0x68, 0xce, 0x0f, 0xc8]);
const sei = Buffer.from([0x06, 0x05, 0x01, 0x02]);
/** A slice NAL; `first` sets first_mb_in_slice = 0 (a new picture). */
const slice = (type: 1 | 5, first: boolean, tag: number) =>
  Buffer.from([type === 5 ? 0x65 : 0x41, first ? 0x88 : 0x08, tag]);

function annexB(nals: Buffer[], long = true): Buffer {
  return Buffer.concat(nals.flatMap((n) => [Buffer.from(long ? [0, 0, 0, 1] : [0, 0, 1]), n]));
}

describe('Annex-B H.264', () => {
  it('splits at both 3- and 4-byte start codes without keeping the zero bytes', () => {
    const stream = Buffer.concat([
      annexB([sps]),
      annexB([pps], false),
      annexB([slice(5, true, 1)]),
    ]);
    expect(splitAnnexB(stream)).toEqual([sps, pps, slice(5, true, 1)]);
  });

  it('groups NALs into pictures, drops SEI and marks IDR pictures as keyframes', () => {
    const nals = [
      sps,
      pps,
      sei,
      slice(5, true, 1),
      slice(5, false, 2),
      slice(1, true, 3),
      slice(1, true, 4),
    ];
    const units = accessUnits(nals);
    expect(units.map((u) => u.keyframe)).toEqual([true, false, false]);
    expect(units.map((u) => u.nals.map(nalType))).toEqual([[7, 8, 5, 5], [1], [1]]);
  });

  it('puts the parameter sets in front of a keyframe that lacks them', () => {
    const units = accessUnits([sps, pps, slice(5, true, 1), slice(1, true, 2), slice(5, true, 3)]);
    const fixed = withParameterSetsOnKeyframes(units, parameterSets([sps, pps]));
    expect(fixed.map((u) => u.nals.map(nalType))).toEqual([[7, 8, 5], [1], [7, 8, 5]]);
  });

  it('reads profile-level-id from the SPS', () => {
    expect(profileLevelId(sps)).toBe('42c01f');
    expect(() => parameterSets([slice(1, true, 0)])).toThrow(/SPS or PPS/);
  });
});
