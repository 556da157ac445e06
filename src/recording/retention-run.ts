import type { AppContext } from '../platform/context';
import { pruneHealthLog } from './health.repo';
import { activeHoldRanges } from './holds.repo';
import { deleteSegments, type DeleteOutcome } from './retention-delete';
import { lineLog, type RecordingLog } from './retention-log';
import {
  DAY_MS,
  planRetention,
  spaceNeeded,
  type DeletionReason,
  type SegmentCandidate,
} from './retention-plan';
import { diskSpace as statDisk, mediaDirOf, type DiskProbe, type DiskSpace } from './storage.disk';
import {
  expiredSegments,
  footageTotals,
  heldBytes,
  oldestSegments,
  type SegmentCursor,
} from './storage.repo';

// Retention runs the plan of retention-plan.ts against the index and the disk: first footage
// past each camera's retention, then the oldest footage of all cameras while the quota or the
// free-disk floor is not met; then the camera health log is pruned. The timer, the low-disk
// watch and `runNow` live in retention.ts.

export type RetentionTrigger = 'start' | 'timer' | 'low_disk' | 'quota' | 'manual';

export interface RetentionReport {
  at: string;
  trigger: RetentionTrigger;
  durationMs: number;
  deletedSegments: number;
  deletedBytes: number;
  byReason: Record<DeletionReason, { segments: number; bytes: number }>;
  /** The reasons that deleted anything, comma-separated, or `none`. */
  reason: string;
  /** Files that could not be deleted; their rows stay. */
  failedDeletes: number;
  /** Footage on disk under an active hold after the run. */
  heldBytes: number;
  /** Segments retention wanted to delete but kept because of a hold. */
  heldSkippedSegments: number;
  /** Held footage alone is more than the quota: it is kept, and said so here. */
  heldExceedsQuota: boolean;
  /** Still over the quota / under the free-disk floor after the run (held footage kept). */
  quotaExcessBytes: number;
  diskShortfallBytes: number;
  /** Footage on disk after the run. */
  indexedBytes: number;
  newestStartMs: number | null;
  disk: DiskSpace | null;
  /** Camera health changes older than the health log keeps, deleted by this run. */
  healthLogPruned: number;
  warnings: string[];
}

export interface RetentionDeps {
  log?: RecordingLog;
  diskSpace?: DiskProbe;
}

const BATCH = 500;

/**
 * Days of camera health changes kept: uptime is computed over 24 hours and the health page may
 * show a month, so a month and a day; without a limit the log grows for as long as cameras flap.
 */
export const HEALTH_LOG_KEEP_DAYS = 31;

const lastReports = new WeakMap<AppContext, RetentionReport>();

/** The last run of this process, for `GET /api/storage`. */
export function lastRetentionReport(ctx: AppContext): RetentionReport | undefined {
  return lastReports.get(ctx);
}

class Tally {
  readonly byReason: RetentionReport['byReason'] = {
    age: { segments: 0, bytes: 0 },
    quota: { segments: 0, bytes: 0 },
    low_disk: { segments: 0, bytes: 0 },
  };
  failed = 0;
  heldSkipped = 0;

  /** Adds one batch; returns the bytes it freed on disk. */
  add(outcome: DeleteOutcome, plannedHeld: number): number {
    let freed = 0;
    for (const { segment, reason } of outcome.deleted) {
      this.byReason[reason].segments += 1;
      this.byReason[reason].bytes += segment.bytes;
      if (!segment.missing) freed += segment.bytes;
    }
    this.failed += outcome.failed;
    this.heldSkipped += plannedHeld + outcome.heldSince;
    return freed;
  }
}

const cursorOf = (batch: SegmentCandidate[]): SegmentCursor | null => {
  const last = batch.at(-1);
  return last ? { startMs: last.startMs, id: last.id } : null;
};

/** One retention pass. Deletes only what the plan allows; never footage under a hold. */
export async function runRetention(
  ctx: AppContext,
  trigger: RetentionTrigger,
  deps: RetentionDeps = {},
): Promise<RetentionReport> {
  const log = deps.log ?? lineLog(ctx.config.logLevel, 'retention');
  const probe = deps.diskSpace ?? statDisk;
  const started = Date.now();
  const nowMs = ctx.now().getTime();
  const db = ctx.db.kysely;
  const tally = new Tally();

  // 1. Age: every camera keeps its own number of days.
  let cursor: SegmentCursor | null = null;
  for (;;) {
    const batch = await expiredSegments(db, nowMs, cursor, BATCH);
    if (batch.length === 0) break;
    const plan = planRetention({
      nowMs,
      segments: batch,
      retentionDays: new Map(batch.map((s) => [s.cameraId, s.retentionDays])),
      holds: await activeHoldRanges(db),
      quotaExcessBytes: 0,
      diskShortfallBytes: 0,
    });
    tally.add(await deleteSegments(ctx, plan.deletions, log), plan.heldSkipped.segments);
    cursor = cursorOf(batch);
    if (batch.length < BATCH) break;
  }

  // 2. Space: the oldest footage of all cameras goes until the quota and free disk are met.
  const before = await footageTotals(db, null);
  let disk = await probe(mediaDirOf(ctx.config));
  let need = spaceNeeded({
    indexedBytes: before.bytes,
    quotaBytes: ctx.config.storageQuotaBytes,
    freeBytes: disk?.freeBytes ?? null,
    minFreeBytes: ctx.config.minFreeBytes,
  });
  cursor = null;
  while (need.quotaExcessBytes > 0 || need.diskShortfallBytes > 0) {
    const batch = await oldestSegments(db, cursor, BATCH);
    if (batch.length === 0) break;
    const plan = planRetention({
      nowMs,
      segments: batch,
      retentionDays: new Map(),
      holds: await activeHoldRanges(db),
      ...need,
    });
    const freed = tally.add(
      await deleteSegments(ctx, plan.deletions, log),
      plan.heldSkipped.segments,
    );
    need = {
      quotaExcessBytes: Math.max(0, need.quotaExcessBytes - freed),
      diskShortfallBytes: Math.max(0, need.diskShortfallBytes - freed),
    };
    cursor = cursorOf(batch);
  }
  if (tally.byReason.quota.segments + tally.byReason.low_disk.segments > 0)
    disk = await probe(mediaDirOf(ctx.config));

  // 3. The health log, which is not footage: a failure here is logged and never stops retention.
  let healthLogPruned = 0;
  const healthCutMs = nowMs - HEALTH_LOG_KEEP_DAYS * DAY_MS;
  try {
    healthLogPruned = await pruneHealthLog(ctx.db, healthCutMs);
  } catch (error) {
    log.error({ err: (error as Error).message }, 'cannot prune the camera health log');
  }
  if (healthLogPruned > 0)
    log.info(
      { healthLogPruned, before: new Date(healthCutMs).toISOString() },
      'pruned camera health log',
    );

  const after = await footageTotals(db, null);
  const held = await heldBytes(db, null);
  const report = buildReport({
    trigger,
    started,
    ctx,
    tally,
    need,
    after,
    held,
    disk,
    healthLogPruned,
  });
  lastReports.set(ctx, report);
  await announce(ctx, report, log);
  return report;
}

function buildReport(input: {
  trigger: RetentionTrigger;
  started: number;
  ctx: AppContext;
  tally: Tally;
  need: { quotaExcessBytes: number; diskShortfallBytes: number };
  after: { bytes: number; newestStartMs: number | null };
  held: number;
  disk: DiskSpace | null;
  healthLogPruned: number;
}): RetentionReport {
  const { tally, need, ctx } = input;
  const reasons = (Object.keys(tally.byReason) as DeletionReason[]).filter(
    (reason) => tally.byReason[reason].segments > 0,
  );
  const quota = ctx.config.storageQuotaBytes;
  const heldExceedsQuota = quota > 0 && input.held > quota;
  const warnings: string[] = [];
  if (heldExceedsQuota)
    warnings.push(
      `held footage (${input.held} bytes) alone exceeds the storage quota (${quota} bytes): it is kept; release holds or raise the quota`,
    );
  else if (need.quotaExcessBytes > 0)
    warnings.push(
      `footage stays ${need.quotaExcessBytes} bytes over the storage quota: the rest is held`,
    );
  if (need.diskShortfallBytes > 0)
    warnings.push(
      `free disk stays ${need.diskShortfallBytes} bytes below the minimum of ${ctx.config.minFreeBytes}: nothing more may be deleted`,
    );
  if (tally.failed > 0) warnings.push(`${tally.failed} segment files could not be deleted`);
  return {
    at: ctx.now().toISOString(),
    trigger: input.trigger,
    durationMs: Date.now() - input.started,
    deletedSegments: reasons.reduce((n, r) => n + tally.byReason[r].segments, 0),
    deletedBytes: reasons.reduce((n, r) => n + tally.byReason[r].bytes, 0),
    byReason: tally.byReason,
    reason: reasons.length > 0 ? reasons.join(',') : 'none',
    failedDeletes: tally.failed,
    heldBytes: input.held,
    heldSkippedSegments: tally.heldSkipped,
    heldExceedsQuota,
    quotaExcessBytes: need.quotaExcessBytes,
    diskShortfallBytes: need.diskShortfallBytes,
    indexedBytes: input.after.bytes,
    newestStartMs: input.after.newestStartMs,
    disk: input.disk,
    healthLogPruned: input.healthLogPruned,
    warnings,
  };
}

/**
 * Logs the run; a run that deleted footage is also audited (deleting footage is something an
 * investigator may later need to account for) and announced to the UI.
 */
async function announce(
  ctx: AppContext,
  report: RetentionReport,
  log: RecordingLog,
): Promise<void> {
  const summary = {
    trigger: report.trigger,
    deletedSegments: report.deletedSegments,
    deletedBytes: report.deletedBytes,
    reason: report.reason,
    byReason: report.byReason,
    heldBytes: report.heldBytes,
    durationMs: report.durationMs,
  };
  if (report.deletedSegments > 0) log.info(summary, 'retention deleted footage');
  for (const warning of report.warnings) log.warn(summary, `retention: ${warning}`);
  if (report.deletedSegments > 0) {
    await ctx.audit.record({
      actor: null,
      action: 'recording.retention',
      targetType: 'segment',
      details: summary,
    });
  }
  if (report.deletedSegments > 0 || report.warnings.length > 0) {
    // The server's storage is an administrator's matter: the root path reaches admins only
    // (officials read the figures of their area from `GET /api/storage`).
    ctx.events.publish({
      type: 'storage.retention',
      jurisdictionPath: '/',
      data: { ...summary, warnings: report.warnings, at: report.at },
    });
  }
}
