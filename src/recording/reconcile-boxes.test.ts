import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mp4Contents } from './reconcile-boxes';

function box(type: string, body: Buffer, size = body.length + 8): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(size);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

function largeBox(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(16);
  head.writeUInt32BE(1);
  head.write(type, 4, 'latin1');
  head.writeBigUInt64BE(BigInt(body.length + 16), 8);
  return Buffer.concat([head, body]);
}

const dir = mkdtempSync(join(tmpdir(), 'matthan-boxes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const contentsOf = (data: Buffer | string) => {
  const file = join(dir, `f${n++}.mp4`);
  writeFileSync(file, data);
  return mp4Contents(file);
};

const ftyp = box('ftyp', Buffer.from('isom\0\0\x02\0isomiso2avc1mp41', 'latin1'));
const moov = box('moov', box('mvhd', Buffer.alloc(100)));

describe('mp4Contents', () => {
  it('finds no media in an empty file, an ftyp alone, or a moov with an empty mdat', async () => {
    expect(await contentsOf(Buffer.alloc(0))).toBe('no_media');
    expect(await contentsOf(ftyp)).toBe('no_media');
    const empty = Buffer.concat([ftyp, box('free', Buffer.alloc(0)), box('mdat', Buffer.alloc(0))]);
    expect(await contentsOf(Buffer.concat([empty, moov]))).toBe('no_media');
    expect(await contentsOf(Buffer.concat([ftyp, largeBox('mdat', Buffer.alloc(0)), moov]))).toBe(
      'no_media',
    );
  });

  it('finds no media in a file cut before its first frame reached the disk', async () => {
    // ffmpeg leaves mdat's size at 0 ("to the end of the file") until it writes the trailer.
    expect(await contentsOf(Buffer.concat([ftyp, box('mdat', Buffer.alloc(0), 0)]))).toBe(
      'no_media',
    );
  });

  it('finds media in a complete MP4, a 64-bit mdat, and one cut off mid-way', async () => {
    const frames = Buffer.alloc(200, 1);
    expect(await contentsOf(Buffer.concat([ftyp, box('mdat', frames), moov]))).toBe('media');
    expect(await contentsOf(Buffer.concat([ftyp, largeBox('mdat', frames), moov]))).toBe('media');
    expect(await contentsOf(Buffer.concat([ftyp, box('mdat', frames, 0)]))).toBe('media');
    const cut = Buffer.concat([ftyp, box('mdat', frames)]).subarray(0, ftyp.length + 50);
    expect(await contentsOf(cut)).toBe('media');
  });

  it('leaves a file that does not start like an MP4 to ffprobe', async () => {
    expect(await contentsOf('this is not a video file')).toBe('unknown');
    expect(await contentsOf(Buffer.concat([box('mdat', Buffer.alloc(10)), ftyp]))).toBe('unknown');
  });
});
