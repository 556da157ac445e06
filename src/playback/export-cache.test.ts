import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportCache, exportKey } from './export-cache';

describe('export cache', () => {
  let dir = '';
  let now = 0;
  let builds = 0;
  const build = async (output: string) => {
    builds++;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(output, `export ${builds}`);
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'matthan-exports-'));
    now = Date.now();
    builds = 0;
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cache = () => new ExportCache(dir, 10 * 60_000, () => now);

  it('names an export by camera and range only', () => {
    expect(exportKey('cam', 1, 2)).toBe(exportKey('cam', 1, 2));
    expect(exportKey('cam', 1, 2)).not.toBe(exportKey('cam', 1, 3));
    expect(exportKey('cam', 1, 2)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('makes an export once when two ask at the same time, and reuses it after', async () => {
    const exports = cache();
    const [a, b] = await Promise.all([exports.get('k', build), exports.get('k', build)]);
    expect(builds).toBe(1);
    expect([a.reused, b.reused].sort()).toEqual([false, true]);
    const c = await exports.get('k', build);
    expect(c.reused).toBe(true);
    expect(builds).toBe(1);
    for (const opened of [a, b, c]) await opened.file.close();
    expect(await readdir(dir)).toEqual(['k.mp4']);
  });

  it('makes it again once ten minutes have passed', async () => {
    const exports = cache();
    await (await exports.get('k', build)).file.close();
    now += 11 * 60_000;
    const again = await exports.get('k', build);
    await again.file.close();
    expect(again.reused).toBe(false);
    expect(builds).toBe(2);
  });

  it('leaves nothing behind when a build fails, and the next request tries again', async () => {
    const exports = cache();
    await expect(
      exports.get('k', async (output) => {
        await writeFile(output, 'half');
        throw new Error('ffmpeg failed');
      }),
    ).rejects.toThrow('ffmpeg failed');
    expect(await readdir(dir)).toEqual([]);
    await (await exports.get('k', build)).file.close();
    expect(builds).toBe(1);
  });

  it('sweeps exports past their time and abandoned partial files, keeping fresh ones', async () => {
    const exports = cache();
    const old = new Date(now - 11 * 60_000);
    const ancient = new Date(now - 2 * 3_600_000);
    await writeFile(join(dir, 'old.mp4'), 'x');
    await utimes(join(dir, 'old.mp4'), old, old);
    await writeFile(join(dir, 'fresh.mp4'), 'x');
    await writeFile(join(dir, 'busy.mp4.1.part'), 'x');
    await utimes(join(dir, 'busy.mp4.1.part'), old, old);
    await writeFile(join(dir, 'dead.mp4.2.part'), 'x');
    await utimes(join(dir, 'dead.mp4.2.part'), ancient, ancient);
    expect(await exports.sweep()).toBe(2);
    expect((await readdir(dir)).sort()).toEqual(['busy.mp4.1.part', 'fresh.mp4']);
  });

  it('sweeps nothing when nothing was ever exported', async () => {
    expect(await new ExportCache(join(dir, 'none')).sweep()).toBe(0);
  });
});
