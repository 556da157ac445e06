import { mkdtempSync, rmSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { DiskSpace } from '../../src/recording/storage.disk';
import { runRetention, startRetention } from '../../src/recording/retention';
import { describeEachDatabase } from '../helpers/harness';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import {
  clearFootage,
  days,
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

const plentyOfDisk = (): Promise<DiskSpace> =>
  Promise.resolve({ freeBytes: 1e12, totalBytes: 2e12 });

async function until<T>(probe: () => Promise<T | null>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describeEachDatabase('retention', (harness) => {
  let shortCam: string;
  let longCam: string;
  let policeCookie: string;
  const now = Date.now();

  beforeAll(async () => {
    const h = harness();
    await seedTestUnits(h.ctx);
    [shortCam, longCam] = (await mediaCameras(h.ctx, [
      { code: 'RET-SHORT', retentionDays: 1 },
      { code: 'RET-LONG', retentionDays: 30 },
    ])) as [string, string];
    await h.createUser({
      username: 'ret.police',
      role: 'ward_police',
      jurisdictionId: unitIds.xuanDinh,
    });
    policeCookie = await h.login('ret.police');
  });

  beforeEach(async () => {
    const { ctx } = harness();
    await clearFootage(ctx);
    Object.assign(ctx.config, { storageQuotaBytes: 0, minFreeBytes: 0 });
  });

  const hold = async (cameraId: string, fromMs: number, toMs: number) => {
    const response = await harness().app.inject({
      method: 'POST',
      url: '/api/holds',
      headers: { cookie: policeCookie },
      payload: {
        cameraId,
        from: new Date(fromMs).toISOString(),
        to: new Date(toMs).toISOString(),
        reason: 'vụ trộm xe máy',
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };

  const indexedIds = async () =>
    (
      await harness()
        .ctx.db.kysely.selectFrom('segments')
        .select('id')
        .orderBy('start_ms')
        .execute()
    ).map((row) => row.id);

  it('deletes footage past each camera’s own retention, file and row, and keeps held footage', async () => {
    const { ctx } = harness();
    const oldest = await placeSegment(ctx, clip, shortCam, now - days(3));
    const old = await placeSegment(ctx, clip, shortCam, now - days(2));
    const held = await placeSegment(ctx, clip, shortCam, now - days(2) + 10_000);
    const recent = await placeSegment(ctx, clip, shortCam, now - minutes(60));
    const longKept = await placeSegment(ctx, clip, longCam, now - days(3));
    await hold(shortCam, held.startMs + 2_000, held.startMs + 5_000);

    const report = await runRetention(ctx, 'manual', { diskSpace: plentyOfDisk });

    expect(report.byReason.age).toEqual({ segments: 2, bytes: 2 * clip.bytes });
    expect(report.heldSkippedSegments).toBe(1);
    expect(await indexedIds()).toEqual([longKept.id, held.id, recent.id]);
    expect(await fileExists(oldest.file)).toBe(false);
    expect(await fileExists(old.file)).toBe(false);
    expect(await fileExists(held.file)).toBe(true);
    // The emptied day folder of three days ago goes with its last segment.
    expect(await fileExists(dirname(oldest.file))).toBe(false);
    const audit = await ctx.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'recording.retention')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details ?? '{}')).toMatchObject({ deletedSegments: 2, reason: 'age' });
  });

  it('deletes held footage once its hold is released', async () => {
    const { ctx, app } = harness();
    const held = await placeSegment(ctx, clip, shortCam, now - days(2));
    const holdId = await hold(shortCam, held.startMs, held.startMs + 10_000);
    expect((await runRetention(ctx, 'manual', { diskSpace: plentyOfDisk })).deletedSegments).toBe(
      0,
    );
    const release = await app.inject({
      method: 'POST',
      url: `/api/holds/${holdId}/release`,
      headers: { cookie: policeCookie },
      payload: { reason: 'vụ án đã khép lại' },
    });
    expect(release.statusCode, release.body).toBe(200);
    expect((await runRetention(ctx, 'manual', { diskSpace: plentyOfDisk })).deletedSegments).toBe(
      1,
    );
    expect(await fileExists(held.file)).toBe(false);
  });

  it('brings footage under the quota by deleting the oldest of all cameras first', async () => {
    const { ctx } = harness();
    const a50 = await placeSegment(ctx, clip, shortCam, now - minutes(50));
    const b40 = await placeSegment(ctx, clip, longCam, now - minutes(40));
    const a30 = await placeSegment(ctx, clip, shortCam, now - minutes(30));
    const b20 = await placeSegment(ctx, clip, longCam, now - minutes(20));
    ctx.config.storageQuotaBytes = Math.floor(2.5 * clip.bytes);

    const report = await runRetention(ctx, 'manual', { diskSpace: plentyOfDisk });

    expect(report.byReason.quota.segments).toBe(2);
    expect(report.reason).toBe('quota');
    expect(report.indexedBytes).toBeLessThanOrEqual(ctx.config.storageQuotaBytes);
    expect(await indexedIds()).toEqual([a30.id, b20.id]);
    expect(await fileExists(a50.file)).toBe(false);
    expect(await fileExists(b40.file)).toBe(false);
  });

  it('keeps held footage that alone exceeds the quota, and says so', async () => {
    const { ctx } = harness();
    const first = await placeSegment(ctx, clip, shortCam, now - minutes(20));
    const second = await placeSegment(ctx, clip, shortCam, now - minutes(10));
    await hold(shortCam, first.startMs, second.startMs + 10_000);
    ctx.config.storageQuotaBytes = clip.bytes;

    const report = await runRetention(ctx, 'manual', { diskSpace: plentyOfDisk });

    expect(report.deletedSegments).toBe(0);
    expect(report.heldExceedsQuota).toBe(true);
    expect(report.heldBytes).toBe(2 * clip.bytes);
    expect(report.quotaExcessBytes).toBe(clip.bytes);
    expect(report.warnings.join(' ')).toMatch(/held footage .* exceeds the storage quota/);
    expect(await indexedIds()).toEqual([first.id, second.id]);
  });

  it('frees disk below the minimum as low_disk, tolerating a file already gone', async () => {
    const { ctx } = harness();
    const gone = await placeSegment(ctx, clip, longCam, now - minutes(50));
    const next = await placeSegment(ctx, clip, longCam, now - minutes(40));
    const kept = await placeSegment(ctx, clip, longCam, now - minutes(30));
    await unlink(gone.file);
    ctx.config.minFreeBytes = 10_000_000;
    const freeBytes = ctx.config.minFreeBytes - Math.floor(1.5 * clip.bytes);

    const report = await runRetention(ctx, 'manual', {
      diskSpace: () => Promise.resolve({ freeBytes, totalBytes: 1e9 }),
    });

    expect(report.byReason.low_disk.segments).toBe(2);
    expect(report.failedDeletes).toBe(0);
    expect(await indexedIds()).toEqual([kept.id]);
    expect(await fileExists(next.file)).toBe(false);
  });

  it('keeps today’s day folder even when retention empties it, for the recorder to use', async () => {
    const { ctx } = harness();
    const only = await placeSegment(ctx, clip, longCam, now - 60_000);
    ctx.config.storageQuotaBytes = 1;
    expect((await runRetention(ctx, 'manual', { diskSpace: plentyOfDisk })).deletedSegments).toBe(
      1,
    );
    expect(await fileExists(only.file)).toBe(false);
    expect(await fileExists(dirname(only.file))).toBe(true);
  });

  it('runs by itself as soon as the disk runs low, without waiting for its timer', async () => {
    const { ctx } = harness();
    const oldest = await placeSegment(ctx, clip, longCam, now - minutes(30));
    const kept = await placeSegment(ctx, clip, longCam, now - minutes(20));
    ctx.config.minFreeBytes = 10_000_000;
    let filling = false;
    // The disk is short by one byte once it starts filling, until the oldest file is deleted.
    const runner = startRetention(ctx, {
      checkEveryMs: 20,
      diskSpace: async () => ({
        freeBytes: filling && (await fileExists(oldest.file)) ? ctx.config.minFreeBytes - 1 : 1e12,
        totalBytes: 2e12,
      }),
    });
    try {
      // The start-up run finds nothing to do; then the disk fills.
      await until(async () => ((await indexedIds()).length === 2 ? true : null));
      filling = true;
      await until(async () => ((await fileExists(oldest.file)) ? null : true));
      expect(await indexedIds()).toEqual([kept.id]);
    } finally {
      await runner.stop();
    }
  });

  it('answers runNow with a report while another run is in flight', async () => {
    const { ctx } = harness();
    await placeSegment(ctx, clip, shortCam, now - days(5));
    const runner = startRetention(ctx, { diskSpace: plentyOfDisk });
    try {
      const [first, second] = await Promise.all([runner.runNow(), runner.runNow()]);
      expect(first.deletedSegments + second.deletedSegments).toBe(1);
      expect(await indexedIds()).toEqual([]);
    } finally {
      await runner.stop();
    }
  });
});
