import { describe, expect, it } from 'vitest';
import { boxHeader, childBoxes, fullBox, payload, readBoxHeader } from './boxes';
import { readChunkOffsets } from './sample-tables';
import { SampleTableBuilder } from './table-builder';
import { withDuration } from './write-movie';

// The parts of the joined index that only matter for long or large downloads: 64-bit box
// sizes, 64-bit chunk offsets and 64-bit durations.

describe('writing a large joined file', () => {
  it('sizes a media box over 4 GiB with a 64-bit header that reads back', () => {
    const dataBytes = 5 * 1024 ** 3;
    const header = boxHeader('mdat', dataBytes);
    expect(header.length).toBe(16);
    expect(header.readUInt32BE(0)).toBe(1);
    const read = readBoxHeader(header, 0, dataBytes + 16);
    expect(read).toEqual({ type: 'mdat', start: 0, headerSize: 16, size: dataBytes + 16 });
    expect(boxHeader('mdat', 1000).length).toBe(8);
  });

  it('writes chunk offsets past 4 GiB as co64, one chunk per run of adjacent samples', () => {
    const builder = new SampleTableBuilder();
    const base = 4 * 1024 ** 3;
    const sample = { size: 100, duration: 512, compositionOffset: 0, sync: true, group: 0 };
    builder.push({ ...sample, offset: 0 });
    builder.push({ ...sample, offset: 100 }); // follows the first: same chunk
    builder.push({ ...sample, offset: 5000 });
    const tables = builder.build(base, true, null);
    const co64 = tables.at(-1)!;
    const [box] = childBoxes(co64);
    expect(box?.type).toBe('co64');
    expect([...readChunkOffsets(payload(co64, box!), true)]).toEqual([base, base + 5000]);
  });

  it('stretches the last sample of a file so the next file starts where it should', () => {
    const builder = new SampleTableBuilder();
    const sample = { size: 10, duration: 1024, compositionOffset: 0, sync: true, group: 0 };
    builder.push({ ...sample, offset: 0 });
    builder.push({ ...sample, offset: 10 });
    builder.endAt(2048 + 512);
    builder.push({ ...sample, offset: 20 });
    expect(builder.decodeTicks).toBe(2048 + 512 + 1024);
    const stts = builder.build(0, false, null)[0]!;
    // Runs: one of 1024, one of 1536, one of 1024.
    expect(stts.readUInt32BE(12)).toBe(3);
    expect(stts.readUInt32BE(28)).toBe(1536);
  });

  it('lets the last sample keep its length when the next file starts before it ends', () => {
    const builder = new SampleTableBuilder();
    const sample = { size: 10, duration: 1024, compositionOffset: 0, sync: true, group: 0 };
    builder.push({ ...sample, offset: 0 });
    builder.push({ ...sample, offset: 10 });
    builder.endAt(1024 + 256); // would leave the last sample 256 long: fine
    expect(builder.decodeTicks).toBe(1024 + 256);
    builder.push({ ...sample, offset: 20 });
    builder.endAt(1024); // before the last sample's start: it keeps its 1024
    expect(builder.decodeTicks).toBe(1024 + 256 + 1024);
  });

  it('keeps a short duration in a version 0 header and moves a long one to version 1', () => {
    // mdhd version 0: created, modified, timescale 90000, duration 10, language.
    const mdhd = payload(
      fullBox('mdhd', 0, 0, Buffer.from('000000010000000200015f900000000a55c40000', 'hex')),
      { type: 'mdhd', start: 0, headerSize: 8, size: 32 },
    );
    const short = withDuration(mdhd, 4, 900_000);
    expect(short.readUInt8(0)).toBe(0);
    expect(short.readUInt32BE(12)).toBe(90_000);
    expect(short.readUInt32BE(16)).toBe(900_000);
    const day = 90_000 * 86_400; // past 32 bits
    const long = withDuration(mdhd, 4, day);
    expect(long.readUInt8(0)).toBe(1);
    expect(long.length).toBe(mdhd.length + 12);
    expect(Number(long.readBigUInt64BE(4))).toBe(1);
    expect(long.readUInt32BE(20)).toBe(90_000);
    expect(Number(long.readBigUInt64BE(24))).toBe(day);
    expect(long.subarray(32).equals(mdhd.subarray(20))).toBe(true);
  });
});
