import { beforeAll, beforeEach, expect, it } from 'vitest';
import { appendHealth, healthHistory } from '../../src/recording/health.repo';
import { HEALTH_LOG_KEEP_DAYS, runRetention } from '../../src/recording/retention-run';
import type { DiskSpace } from '../../src/recording/storage.disk';
import { describeEachDatabase } from '../helpers/harness';
import { seedTestUnits } from '../helpers/fixtures';
import { days, mediaCameras, minutes } from './retention-fixtures';

// The camera health log is pruned by the retention run: a month and a day of changes are
// kept, plus each camera's last change before that, so its state at the cut is still known.

const plentyOfDisk = (): Promise<DiskSpace> =>
  Promise.resolve({ freeBytes: 1e12, totalBytes: 2e12 });

describeEachDatabase('camera health log pruning', (harness) => {
  let flapping: string;
  let quiet: string;
  const now = Date.now();
  const ctx = () => harness().ctx;

  beforeAll(async () => {
    await seedTestUnits(ctx());
    [flapping, quiet] = (await mediaCameras(ctx(), [
      { code: 'HEALTH-FLAP' },
      { code: 'HEALTH-QUIET' },
    ])) as [string, string];
  });
  beforeEach(() => ctx().db.kysely.deleteFrom('camera_health_log').execute());

  const log = async (cameraId: string, changes: [number, string][]) => {
    for (const [agoMs, state] of changes)
      await appendHealth(ctx().db, { cameraId, atMs: now - agoMs, state, error: null });
  };

  const statesOf = async (cameraId: string) =>
    (
      await ctx()
        .db.kysely.selectFrom('camera_health_log')
        .select(['at_ms', 'state'])
        .where('camera_id', '=', cameraId)
        .orderBy('at_ms')
        .execute()
    ).map((row) => [now - Number(row.at_ms), row.state]);

  it('deletes changes older than the limit but keeps each camera’s last one before it', async () => {
    expect(HEALTH_LOG_KEEP_DAYS).toBe(31);
    await log(flapping, [
      [days(40), 'connecting'],
      [days(35), 'online'],
      [days(32), 'error'],
      [days(10), 'online'],
      [minutes(60), 'offline'],
    ]);
    await log(quiet, [[days(60), 'online']]);
    const lines: { details: object; message: string }[] = [];
    const spy = {
      info: (details: object, message: string) => lines.push({ details, message }),
      warn: () => undefined,
      error: (details: object, message: string) => lines.push({ details, message }),
    };

    const report = await runRetention(ctx(), 'manual', { diskSpace: plentyOfDisk, log: spy });

    expect(report.healthLogPruned).toBe(2);
    expect(lines).toContainEqual({
      details: expect.objectContaining({ healthLogPruned: 2 }) as object,
      message: 'pruned camera health log',
    });
    expect(await statesOf(flapping)).toEqual([
      [days(32), 'error'],
      [days(10), 'online'],
      [minutes(60), 'offline'],
    ]);
    // A camera that has not changed for two months keeps the one row that says how it is.
    expect(await statesOf(quiet)).toEqual([[days(60), 'online']]);
  });

  it('still knows each camera’s state at the cut and its latest state after pruning', async () => {
    await log(flapping, [
      [days(45), 'online'],
      [days(33), 'auth_failed'],
      [days(20), 'online'],
    ]);
    await log(quiet, [
      [days(50), 'connecting'],
      [days(49), 'offline'],
    ]);
    await runRetention(ctx(), 'manual', { diskSpace: plentyOfDisk });
    const history = await healthHistory(ctx().db, [flapping, quiet], now - days(31));
    expect(history.before.get(flapping)).toBe('auth_failed');
    expect(history.before.get(quiet)).toBe('offline');
    expect(history.latest.get(flapping)?.state).toBe('online');
    expect(history.latest.get(quiet)?.state).toBe('offline');
    expect(history.entries.get(flapping)?.map((entry) => entry.state)).toEqual(['online']);
  });

  it('prunes nothing more on a second run', async () => {
    await log(flapping, [
      [days(40), 'online'],
      [days(39), 'offline'],
    ]);
    const first = await runRetention(ctx(), 'manual', { diskSpace: plentyOfDisk });
    const second = await runRetention(ctx(), 'manual', { diskSpace: plentyOfDisk });
    expect([first.healthLogPruned, second.healthLogPruned]).toEqual([1, 0]);
    expect(await statesOf(flapping)).toEqual([[days(39), 'offline']]);
  });
});
