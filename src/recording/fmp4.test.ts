import { describe, expect, it } from 'vitest';
import { parseTracks, readMoof } from './fmp4';
import { Fmp4Stream } from './fmp4-stream';
import type { Fragment, StreamInfo } from './fmp4';

// MP4 boxes built by hand, so each field the reader needs is where the specification puts it.
const u32 = (value: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value);
  return b;
};
const u16 = (value: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(value);
  return b;
};
function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  return Buffer.concat([u32(body.length + 8), Buffer.from(type, 'latin1'), body]);
}
const fullBox = (type: string, version: number, ...payload: Buffer[]) =>
  box(type, Buffer.from([version, 0, 0, 0]), ...payload);
/** A version-0 full box with these 24-bit flags. */
const flagged = (type: string, flags: number, ...payload: Buffer[]) =>
  box(type, u32(flags), ...payload);

function trak(id: number, handler: 'vide' | 'soun', entry: Buffer, timescale: number): Buffer {
  return box(
    'trak',
    fullBox('tkhd', 0, u32(0), u32(0), u32(id), Buffer.alloc(68)),
    box(
      'mdia',
      fullBox('mdhd', 0, u32(0), u32(0), u32(timescale), u32(0), Buffer.alloc(4)),
      fullBox('hdlr', 0, u32(0), Buffer.from(handler), Buffer.alloc(13)),
      box('minf', box('stbl', fullBox('stsd', 0, u32(1), entry))),
    ),
  );
}
const avc1 = box(
  'avc1',
  Buffer.alloc(6),
  u16(1),
  Buffer.alloc(16),
  u16(1280),
  u16(720),
  Buffer.alloc(50),
);
const mp4a = box('mp4a', Buffer.alloc(6), u16(1), Buffer.alloc(20));
const ftyp = box('ftyp', Buffer.from('isom'), u32(512));
const moov = box(
  'moov',
  fullBox('mvhd', 0, Buffer.alloc(96)),
  trak(1, 'vide', avc1, 90_000),
  trak(2, 'soun', mp4a, 16_000),
);

function moof(baseTime: bigint, frames: number): Buffer {
  const tfdt = Buffer.alloc(8);
  tfdt.writeBigUInt64BE(baseTime);
  return box(
    'moof',
    fullBox('mfhd', 0, u32(1)),
    box(
      'traf',
      fullBox('tfhd', 0, u32(1)),
      fullBox('tfdt', 1, tfdt),
      fullBox('trun', 0, u32(frames)),
    ),
    box('traf', fullBox('tfhd', 0, u32(2)), fullBox('trun', 0, u32(94))),
  );
}

describe('fMP4 reading', () => {
  it('finds codec, size, audio and the video timescale in the moov', () => {
    expect(parseTracks(moov)).toEqual([
      { id: 1, kind: 'video', sampleEntry: 'avc1', timescale: 90_000, width: 1280, height: 720 },
      { id: 2, kind: 'audio', sampleEntry: 'mp4a', timescale: 16_000, width: null, height: null },
    ]);
  });

  it('counts the video frames of a fragment and reads its start time', () => {
    expect(readMoof(moof(180_000n, 50), 1)).toEqual({
      frames: 50,
      baseTime: 180_000,
      keyframe: true,
    });
  });

  it('tells a fragment that starts on a keyframe from one cut mid-GOP', () => {
    const withTrun = (trun: Buffer, tfhd = fullBox('tfhd', 0, u32(1))) =>
      box('moof', fullBox('mfhd', 0, u32(1)), box('traf', tfhd, trun));
    // trun with data_offset (0x1) and first_sample_flags (0x4).
    const firstFlags = (flags: number) =>
      withTrun(flagged('trun', 0x5, Buffer.concat([u32(12), u32(100), u32(flags)])));
    expect(readMoof(firstFlags(0x02000000), 1).keyframe).toBe(true);
    expect(readMoof(firstFlags(0x01010000), 1).keyframe).toBe(false);
    // Per-sample duration (0x100) and flags (0x400): the first entry's flags count.
    const perSample = (flags: number) =>
      withTrun(flagged('trun', 0x501, Buffer.concat([u32(2), u32(100), u32(3600), u32(flags)])));
    expect(readMoof(perSample(0x01010000), 1).keyframe).toBe(false);
    expect(readMoof(perSample(0x02000000), 1).keyframe).toBe(true);
    // No flags in the trun: tfhd's default_sample_flags (0x20, after default duration 0x8).
    const tfhd = flagged('tfhd', 0x28, Buffer.concat([u32(1), u32(3600), u32(0x01010000)]));
    expect(readMoof(withTrun(fullBox('trun', 0, u32(30)), tfhd), 1).keyframe).toBe(false);
  });

  it('cuts a stream split at any byte into one init segment and whole fragments', () => {
    const mdat = (size: number) => box('mdat', Buffer.alloc(size, 7));
    const largeMdat = Buffer.concat([
      u32(1),
      Buffer.from('mdat'),
      Buffer.alloc(4),
      u32(16 + 300),
      Buffer.alloc(300, 9),
    ]);
    const stream = Buffer.concat([
      ftyp,
      moov,
      moof(0n, 50),
      mdat(1000),
      moof(180_000n, 49),
      largeMdat,
    ]);
    const inits: { init: Buffer; info: StreamInfo }[] = [];
    const fragments: Fragment[] = [];
    const reader = new Fmp4Stream(
      (init, info) => inits.push({ init, info }),
      (fragment) => fragments.push(fragment),
    );
    for (let i = 0; i < stream.length; i += 7) reader.push(stream.subarray(i, i + 7));
    expect(inits).toHaveLength(1);
    expect(inits[0]!.init.equals(Buffer.concat([ftyp, moov]))).toBe(true);
    expect(inits[0]!.info).toEqual({
      codec: 'h264',
      width: 1280,
      height: 720,
      hasAudio: true,
      videoTrackId: 1,
      videoTimescale: 90_000,
    });
    expect(fragments.map((f) => [f.frames, f.startSeconds, f.data?.length])).toEqual([
      [50, 0, moof(0n, 50).length + 1008],
      [49, 2, moof(0n, 49).length + 316],
    ]);
  });

  it('passes over the media nobody watches, still counting frames and bytes', () => {
    const stream = Buffer.concat([
      ftyp,
      moov,
      moof(0n, 50),
      box('mdat', Buffer.alloc(5000, 1)),
      moof(180_000n, 49),
      box('mdat', Buffer.alloc(300, 2)),
    ]);
    const fragments: Fragment[] = [];
    let watching = false;
    const reader = new Fmp4Stream(
      () => undefined,
      (fragment) => {
        fragments.push(fragment);
        watching = true; // a viewer joins after the first fragment
      },
      () => watching,
    );
    for (let i = 0; i < stream.length; i += 1000) reader.push(stream.subarray(i, i + 1000));
    expect(fragments.map((f) => [f.frames, f.bytes, f.data?.length ?? null])).toEqual([
      [50, moof(0n, 50).length + 5008, null],
      [49, moof(0n, 49).length + 308, moof(0n, 49).length + 308],
    ]);
    expect(fragments[1]!.data!.subarray(-300).every((byte) => byte === 2)).toBe(true);
  });

  it('refuses a stream that is not MP4', () => {
    const reader = new Fmp4Stream(
      () => undefined,
      () => undefined,
    );
    expect(() => reader.push(Buffer.from('RTSP/1.0 200 OK\r\n'))).toThrow(/box size/);
  });
});
