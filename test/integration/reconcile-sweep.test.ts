import { mkdtempSync, rmSync } from 'node:fs';
import { rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { reconcileMedia, startMediaSweep, sweepMedia } from '../../src/recording/reconcile';
import { describeEachDatabase } from '../helpers/harness';
import { seedTestUnits } from '../helpers/fixtures';
import {
  clearFootage,
  days,
  makeTinyClip,
  mediaCameras,
  minutes,
  placeSegment,
} from './retention-fixtures';

// The start-up pass reads only what a crash can have left (recent day folders, in-progress
// files); the background sweep walks the old day folders, one camera at a time.

const clipDir = mkdtempSync(join(tmpdir(), 'matthan-clip-'));
let clip: { file: string; bytes: number };
beforeAll(async () => {
  clip = await makeTinyClip(clipDir);
});
afterAll(() => rmSync(clipDir, { recursive: true, force: true }));

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describeEachDatabase('reconcile: start-up window and background sweep', (harness) => {
  let camera: string;
  const now = Math.floor(Date.now() / 1000) * 1000;
  const ctx = () => harness().ctx;

  beforeAll(async () => {
    await seedTestUnits(ctx());
    [camera] = (await mediaCameras(ctx(), [{ code: 'SWEEP-1' }])) as [string];
  });
  beforeEach(() => clearFootage(ctx()));

  const stateOf = async (path: string) =>
    (
      await ctx()
        .db.kysely.selectFrom('segments')
        .select('state')
        .where('path', '=', path)
        .executeTakeFirst()
    )?.state;

  /** Ten days ago at noon: three indexed segments; the last minutes: two indexed and one not. */
  async function placeFootage() {
    const noon = Math.floor((now - days(10)) / days(1)) * days(1) + minutes(12 * 60);
    const old = [];
    for (const s of [0, 10, 20]) old.push(await placeSegment(ctx(), clip, camera, noon + s * 1000));
    const recent = [];
    for (const m of [4, 3]) recent.push(await placeSegment(ctx(), clip, camera, now - minutes(m)));
    const unindexed = await placeSegment(ctx(), clip, camera, now - minutes(2), { index: false });
    return { old, recent, unindexed };
  }

  it('the start-up pass reads only recent day folders and says how many files it scanned', async () => {
    const { old, unindexed } = await placeFootage();
    await unlink(old[1]!.file);
    const report = await reconcileMedia(ctx(), { log: silent });
    expect(report).toMatchObject({
      kind: 'startup',
      scannedFiles: 3,
      deferredDayFolders: 1,
      indexed: 1,
      missing: 0,
      failedCameras: 0,
    });
    expect(await stateOf(unindexed.path)).toBe('ok');
    // The old folder was not read: the file deleted there is not noticed yet.
    expect(await stateOf(old[1]!.path)).toBe('ok');
  });

  it('the sweep marks missing a file deleted by hand in an old day folder', async () => {
    const { old, recent } = await placeFootage();
    await unlink(old[1]!.file);
    const report = await sweepMedia(ctx(), { log: silent, pauseMs: 0 });
    expect(report).toMatchObject({
      kind: 'sweep',
      scannedFiles: 2,
      scannedDayFolders: 1,
      missing: 1,
      indexed: 0,
      failedCameras: 0,
    });
    expect(report.deferredDayFolders).toBeGreaterThanOrEqual(1);
    expect(await stateOf(old[1]!.path)).toBe('missing');
    expect(await stateOf(old[0]!.path)).toBe('ok');
    expect(await stateOf(recent[0]!.path)).toBe('ok');
  });

  it('the sweep indexes an old file the index lacks and finds a whole day folder deleted', async () => {
    const lost = await placeSegment(ctx(), clip, camera, now - days(20));
    const stray = await placeSegment(ctx(), clip, camera, now - days(5), { index: false });
    await rm(dirname(lost.file), { recursive: true });
    const report = await sweepMedia(ctx(), { log: silent, pauseMs: 0 });
    expect(report).toMatchObject({ indexed: 1, missing: 1, quarantined: 0 });
    expect(await stateOf(lost.path)).toBe('missing');
    expect(await stateOf(stray.path)).toBe('ok');
    // A second sweep finds nothing more to do.
    const again = await sweepMedia(ctx(), { log: silent, pauseMs: 0 });
    expect(again).toMatchObject({ indexed: 0, missing: 0, restored: 0, quarantined: 0 });
  });

  it('leaves the days the recorder writes into to the start-up pass', async () => {
    const recent = await placeSegment(ctx(), clip, camera, now - minutes(1));
    await unlink(recent.file);
    const report = await sweepMedia(ctx(), { log: silent, pauseMs: 0 });
    expect(report).toMatchObject({ scannedDayFolders: 0, scannedFiles: 0, missing: 0 });
    expect(await stateOf(recent.path)).toBe('ok');
  });

  it('runs on its own after start, and stops when told', async () => {
    const old = await placeSegment(ctx(), clip, camera, now - days(3));
    await unlink(old.file);
    const sweep = startMediaSweep(ctx(), { log: silent, firstDelayMs: 10, pauseMs: 0 });
    try {
      await until(async () => ((await stateOf(old.path)) === 'missing' ? true : undefined));
    } finally {
      await sweep.stop();
    }
  });
});
