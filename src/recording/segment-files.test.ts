import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertSafeId, isCompleteMp4, moveIntoPlace } from './segment-files';

function box(type: string, body: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt32BE(body.length + 8);
  return Buffer.concat([size, Buffer.from(type, 'latin1'), body]);
}

const dir = mkdtempSync(join(tmpdir(), 'matthan-segment-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const complete = Buffer.concat([
  box('ftyp', Buffer.alloc(8)),
  box('mdat', Buffer.alloc(100)),
  box('moov', Buffer.alloc(20)),
]);

describe('segment files', () => {
  it('accepts only an MP4 whose boxes run to the end and include moov', async () => {
    const write = (name: string, data: Buffer) => {
      writeFileSync(join(dir, name), data);
      return join(dir, name);
    };
    expect(await isCompleteMp4(write('ok.mp4', complete))).toBe(true);
    expect(await isCompleteMp4(write('cut.mp4', complete.subarray(0, 60)))).toBe(false);
    expect(await isCompleteMp4(write('nomoov.mp4', complete.subarray(0, 124)))).toBe(false);
  });

  it('rejects a segment closed before any frame arrived (moov but an empty mdat)', async () => {
    const empty = Buffer.concat([
      box('ftyp', Buffer.alloc(8)),
      box('mdat', Buffer.alloc(0)),
      box('moov', Buffer.alloc(20)),
    ]);
    writeFileSync(join(dir, 'empty.mp4'), empty);
    expect(await isCompleteMp4(join(dir, 'empty.mp4'))).toBe(false);
  });

  it('moves a closed segment into its day folder, with a suffix when the name is taken', async () => {
    const media = join(dir, 'media');
    const start = Date.parse('2025-11-20T08:00:10Z');
    for (const name of ['a.mp4', 'b.mp4']) writeFileSync(join(dir, name), complete);
    const first = await moveIntoPlace(media, 'cam-1', join(dir, 'a.mp4'), start);
    const second = await moveIntoPlace(media, 'cam-1', join(dir, 'b.mp4'), start);
    expect(first).toEqual({ path: 'segments/cam-1/2025-11-20/080010.mp4', bytes: complete.length });
    expect(second.path).toBe('segments/cam-1/2025-11-20/080010-1.mp4');
    expect(readdirSync(join(media, 'segments/cam-1/2025-11-20')).sort()).toEqual([
      '080010-1.mp4',
      '080010.mp4',
    ]);
  });

  it('never replaces a placed segment and leaves no second name behind', async () => {
    const media = join(dir, 'media-keep');
    const start = Date.parse('2025-11-20T08:00:20Z');
    writeFileSync(join(dir, 'c.mp4'), complete);
    writeFileSync(join(dir, 'd.mp4'), Buffer.concat([complete, complete]));
    await moveIntoPlace(media, 'cam-1', join(dir, 'c.mp4'), start);
    await moveIntoPlace(media, 'cam-1', join(dir, 'd.mp4'), start);
    const day = join(media, 'segments/cam-1/2025-11-20');
    expect(readFileSync(join(day, '080020.mp4')).length).toBe(complete.length);
    expect(readFileSync(join(day, '080020-1.mp4')).length).toBe(2 * complete.length);
    expect(existsSync(join(dir, 'c.mp4')) || existsSync(join(dir, 'd.mp4'))).toBe(false);
  });

  it('makes a remembered day folder again when it was removed meanwhile', async () => {
    const media = join(dir, 'media-gone');
    const start = Date.parse('2025-11-21T09:00:00Z');
    const known = new Set<string>();
    writeFileSync(join(dir, 'e.mp4'), complete);
    await moveIntoPlace(media, 'cam-1', join(dir, 'e.mp4'), start, known);
    rmSync(join(media, 'segments/cam-1/2025-11-21'), { recursive: true });
    writeFileSync(join(dir, 'f.mp4'), complete);
    const placed = await moveIntoPlace(media, 'cam-1', join(dir, 'f.mp4'), start + 10_000, known);
    expect(placed.path).toBe('segments/cam-1/2025-11-21/090010.mp4');
    expect(existsSync(join(media, placed.path))).toBe(true);
  });

  it('refuses a camera id that would be a path', () => {
    expect(() => assertSafeId('../etc')).toThrow();
    expect(() => assertSafeId('0b9e4c1e-5d7a-4f7e-9a55-3f0e6f2f7c11')).not.toThrow();
  });
});
