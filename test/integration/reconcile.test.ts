import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { ffmpegBinary } from '../../src/platform/ffmpeg';
import { reconcileMedia } from '../../src/recording/reconcile';
import { segmentRelativePath } from '../../src/recording/segment-list';
import { describeEachDatabase } from '../helpers/harness';
import { seedTestUnits } from '../helpers/fixtures';
import {
  clearFootage,
  fileExists,
  makeTinyClip,
  mediaCameras,
  minutes,
  placeSegment,
} from './retention-fixtures';

const clipDir = mkdtempSync(join(tmpdir(), 'matthan-clip-'));
let clip: { file: string; bytes: number };
beforeAll(async () => {
  clip = await makeTinyClip(clipDir);
});
afterAll(() => rmSync(clipDir, { recursive: true, force: true }));

/**
 * The clip with its media taken out: the same `moov` (a 160×120 H.264 track and its duration)
 * over an empty `mdat`. ffprobe still reports a video stream of some duration for this.
 */
function hollowed(mp4: Buffer): Buffer {
  const boxes: Buffer[] = [];
  for (let offset = 0; offset + 8 <= mp4.length;) {
    const size = mp4.readUInt32BE(offset);
    const type = mp4.toString('latin1', offset + 4, offset + 8);
    boxes.push(
      type === 'mdat'
        ? Buffer.from([0, 0, 0, 8, 0x6d, 0x64, 0x61, 0x74])
        : mp4.subarray(offset, offset + size),
    );
    offset += size;
  }
  return Buffer.concat(boxes);
}

/** ffmpeg's segment muxer, as the recorder runs it, told to stop before its first frame. */
function stoppedBeforeFirstFrameArgs(pattern: string): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=160x120:rate=10',
    '-frames:v',
    '0',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-f',
    'segment',
    '-segment_time',
    '10',
    '-reset_timestamps',
    '1',
    '-segment_format',
    'mp4',
    '-strftime',
    '1',
    pattern,
  ];
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
const today = () => new Date().toISOString().slice(0, 10);

describeEachDatabase('reconcile', (harness) => {
  let camera: string;
  const now = Math.floor(Date.now() / 1000) * 1000;
  const media = () => harness().ctx.config.mediaDir!;

  beforeAll(async () => {
    await seedTestUnits(harness().ctx);
    [camera] = (await mediaCameras(harness().ctx, [{ code: 'REC-1' }])) as [string];
  });
  beforeEach(() => clearFootage(harness().ctx));

  const row = (path: string) =>
    harness()
      .ctx.db.kysely.selectFrom('segments')
      .selectAll()
      .where('path', '=', path)
      .executeTakeFirst();

  const writeAt = async (relative: string, content: Buffer | string) => {
    await mkdir(dirname(join(media(), relative)), { recursive: true });
    await writeFile(join(media(), relative), content);
  };

  it('indexes a complete file the index lacks, timed by its name and ffprobe', async () => {
    const placed = await placeSegment(harness().ctx, clip, camera, now - minutes(5), {
      index: false,
    });
    const report = await reconcileMedia(harness().ctx, { log: silent });
    expect(report).toMatchObject({ indexed: 1, quarantined: 0, missing: 0 });
    const indexed = await row(placed.path);
    expect(indexed).toMatchObject({
      camera_id: camera,
      codec: 'h264',
      width: 160,
      height: 120,
      bytes: clip.bytes,
      state: 'ok',
    });
    expect(Number(indexed?.start_ms)).toBe(placed.startMs);
    const duration = Number(indexed?.end_ms) - placed.startMs;
    expect(duration).toBeGreaterThan(300);
    expect(duration).toBeLessThan(600);
  });

  it('moves a file ffprobe cannot read to quarantine, under today’s date', async () => {
    const path = segmentRelativePath(camera, now - minutes(3));
    await writeAt(path, 'this is not a video file');
    const report = await reconcileMedia(harness().ctx, { log: silent });
    expect(report.quarantined).toBe(1);
    const moved = report.quarantinedFiles[0]!;
    expect(moved).toMatchObject({ from: path, reason: 'unreadable' });
    expect(moved.to).toBe(`quarantine/${today()}/${path.slice('segments/'.length)}`);
    expect(await fileExists(join(media(), path))).toBe(false);
    expect(await readFile(join(media(), moved.to), 'utf8')).toBe('this is not a video file');
    expect(await row(path)).toBeUndefined();
  });

  it('marks a row whose file is gone as missing, and restores it when the file is back', async () => {
    const placed = await placeSegment(harness().ctx, clip, camera, now - minutes(8));
    const kept = await placeSegment(harness().ctx, clip, camera, now - minutes(7));
    await unlink(placed.file);
    expect((await reconcileMedia(harness().ctx, { log: silent })).missing).toBe(1);
    expect((await row(placed.path))?.state).toBe('missing');
    expect((await row(kept.path))?.state).toBe('ok');
    await copyFile(clip.file, placed.file);
    expect((await reconcileMedia(harness().ctx, { log: silent })).restored).toBe(1);
    expect((await row(placed.path))?.state).toBe('ok');
  });

  it('finalises a readable in-progress file: renamed into place and indexed', async () => {
    const startMs = now - minutes(2);
    const partial = `segments/${camera}/.partial/c7-${stamp(startMs)}.mp4`;
    await writeAt(partial, await readFile(clip.file));
    const report = await reconcileMedia(harness().ctx, { log: silent });
    expect(report).toMatchObject({ finalised: 1, quarantined: 0 });
    const target = segmentRelativePath(camera, startMs);
    expect(await fileExists(join(media(), partial))).toBe(false);
    expect(await fileExists(join(media(), target))).toBe(true);
    expect(Number((await row(target))?.start_ms)).toBe(startMs);
  });

  it('finalises beside a segment already at that name instead of overwriting it', async () => {
    const startMs = now - minutes(1);
    const existing = await placeSegment(harness().ctx, clip, camera, startMs);
    await writeAt(
      `segments/${camera}/.partial/c8-${stamp(startMs)}.mp4`,
      await readFile(clip.file),
    );
    expect((await reconcileMedia(harness().ctx, { log: silent })).finalised).toBe(1);
    expect(await row(segmentRelativePath(camera, startMs, 1))).toBeDefined();
    expect(await row(existing.path)).toMatchObject({ id: existing.id, state: 'ok' });
  });

  it('quarantines a cut-off in-progress file and the folder of an unknown camera', async () => {
    const whole = await readFile(clip.file);
    const partial = `segments/${camera}/.partial/c9-${stamp(now)}.mp4`;
    // A segment cut by a crash: the index at the end of the MP4 was never written.
    await writeAt(partial, whole.subarray(0, Math.floor(whole.length / 2)));
    const stranger = segmentRelativePath('no-such-camera', now - minutes(4));
    await writeAt(stranger, whole);
    const report = await reconcileMedia(harness().ctx, { log: silent });
    expect(report.quarantined).toBe(2);
    expect(report.quarantinedFiles.map((f) => [f.from, f.reason]).sort()).toEqual(
      [
        [partial, 'unreadable in-progress file'],
        [stranger, 'unknown camera'],
      ].sort(),
    );
    expect(await fileExists(join(media(), partial))).toBe(false);
    expect(await fileExists(join(media(), stranger))).toBe(false);
  });

  it('changes nothing on a second run', async () => {
    await placeSegment(harness().ctx, clip, camera, now - minutes(9), { index: false });
    await writeAt(segmentRelativePath(camera, now - minutes(6)), 'garbage');
    await reconcileMedia(harness().ctx, { log: silent });
    const second = await reconcileMedia(harness().ctx, { log: silent });
    expect(second).toMatchObject({
      indexed: 0,
      finalised: 0,
      quarantined: 0,
      missing: 0,
      restored: 0,
      scannedFiles: 1,
    });
  });

  it('quarantines files with no media, never indexing them: empty, ftyp only, moov over an empty mdat', async () => {
    const whole = await readFile(clip.file);
    const hollow = hollowed(whole);
    const ftypOnly = whole.subarray(0, whole.readUInt32BE(0));
    expect(ftypOnly.toString('latin1', 4, 8)).toBe('ftyp');
    const files = {
      [segmentRelativePath(camera, now - minutes(5))]: Buffer.alloc(0),
      [segmentRelativePath(camera, now - minutes(4))]: ftypOnly,
      [segmentRelativePath(camera, now - minutes(3))]: hollow,
      [`segments/${camera}/.partial/c1-${stamp(now - minutes(2))}.mp4`]: hollow,
      [`segments/${camera}/.partial/c2-${stamp(now - minutes(1))}.mp4`]: Buffer.alloc(0),
    };
    for (const [path, content] of Object.entries(files)) await writeAt(path, content);
    const report = await reconcileMedia(harness().ctx, { log: silent });
    expect(report).toMatchObject({ indexed: 0, finalised: 0, quarantined: 5 });
    expect(report.quarantinedFiles.map((f) => [f.from, f.reason]).sort()).toEqual(
      Object.keys(files)
        .map((path) => [path, 'no media'])
        .sort(),
    );
    const rows = await harness().ctx.db.kysely.selectFrom('segments').select('path').execute();
    expect(rows).toEqual([]);
    for (const path of Object.keys(files))
      expect(await fileExists(join(media(), path))).toBe(false);
  });

  it('quarantines the in-progress file of an ffmpeg stopped before its first frame', async () => {
    const partialDir = join(media(), 'segments', camera, '.partial');
    await mkdir(partialDir, { recursive: true });
    await promisify(execFile)(
      ffmpegBinary(),
      stoppedBeforeFirstFrameArgs(join(partialDir, 'c3-%Y%m%dT%H%M%SZ.mp4')),
      { timeout: 30_000, env: { ...process.env, TZ: 'UTC' } },
    );
    const [left] = await readdir(partialDir);
    expect(left).toMatch(/^c3-\d{8}T\d{6}Z\.mp4$/);
    const report = await reconcileMedia(harness().ctx, { log: silent });
    expect(report).toMatchObject({ finalised: 0, quarantined: 1 });
    expect(report.quarantinedFiles[0]).toMatchObject({
      from: `segments/${camera}/.partial/${left}`,
      reason: 'no media',
    });
    expect(await harness().ctx.db.kysely.selectFrom('segments').select('id').execute()).toEqual([]);
  });
});
