import type { AppContext } from '../platform/context';
import {
  emptyReport,
  Reconciler,
  type ReconcileDeps,
  type ReconcileReport,
} from './reconcile-camera';
import { DAY_MS, dayOf, dayStartMs, startupFromDay } from './reconcile-paths';
import { lastIndexedStarts } from './reconcile-repo';
import { cameraFolders, listCameraFolder } from './reconcile-scan';
import { lineLog, type RecordingLog } from './retention-log';
import { mediaDirOf } from './storage.disk';

// Crash safety at start, before the recorder runs: make the index and the disk agree where a
// crash can have left them apart. That is each camera's in-progress folder and its most recent
// day folders (from the day before its last indexed segment to today), not the whole media
// folder: 50 cameras keeping 30 days of 10-second segments is 13 million files, and walking
// them all would hold recording back for many minutes. The rest (files never indexed, rows of
// files deleted by hand in old day folders) is the background sweep's (`reconcile-sweep.ts`).

export type { ReconcileDeps, ReconcileReport } from './reconcile-camera';
export { startMediaSweep, sweepMedia, type MediaSweep } from './reconcile-sweep';

const PARALLEL_CAMERAS = 4;

/** Every day from `fromDay` to today, and any later day folder (a clock once set ahead). */
function recentDays(fromDay: string, nowMs: number, onDisk: readonly string[]): string[] {
  const days = new Set(onDisk.filter((day) => day >= fromDay));
  for (let ms = dayStartMs(fromDay); ms <= nowMs; ms += DAY_MS) days.add(dayOf(ms));
  return [...days].sort();
}

async function reconcileCamera(
  reconciler: Reconciler,
  mediaDir: string,
  cameraId: string,
  lastStartMs: number | null | undefined,
  nowMs: number,
): Promise<void> {
  const registered = lastStartMs !== undefined;
  const fromDay = startupFromDay(lastStartMs ?? null, nowMs);
  const folder = await listCameraFolder(mediaDir, cameraId);
  const report = reconciler.report;
  report.cameras += 1;
  report.ignored += folder.ignored;
  report.deferredDayFolders += folder.days.filter((day) => day < fromDay).length;
  const days = recentDays(fromDay, nowMs, folder.days);
  await reconciler.days(cameraId, registered, days, dayStartMs(fromDay), null);
  await reconciler.partials(cameraId, registered);
}

/**
 * The start-up pass; run once at start, before the recorder (which would otherwise be writing
 * the in-progress files this finalises). Logs and returns what it did.
 */
export async function reconcileMedia(
  ctx: AppContext,
  deps: ReconcileDeps = {},
): Promise<ReconcileReport> {
  const started = Date.now();
  const log: RecordingLog = deps.log ?? lineLog(ctx.config.logLevel, 'reconcile');
  const reconciler = new Reconciler(ctx, log, deps, emptyReport('startup'));
  const mediaDir = mediaDirOf(ctx.config);
  const nowMs = ctx.now().getTime();
  // Registered cameras (with their newest segment) and whatever folders the disk has.
  const lastStarts = await lastIndexedStarts(ctx.db.kysely);
  const indexed = [...lastStarts].filter(([, last]) => last !== null).map(([id]) => id);
  const queue = [...new Set([...(await cameraFolders(mediaDir)), ...indexed])].sort();
  // A few cameras at a time: ffprobe is most of the cost after a crash (~0.1 s a file).
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        await reconcileCamera(reconciler, mediaDir, id, lastStarts.get(id), nowMs);
      } catch (error) {
        reconciler.report.failedCameras += 1;
        log.error({ cameraId: id, err: (error as Error).message }, 'cannot reconcile camera');
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_CAMERAS }, worker));
  const report = { ...reconciler.report, durationMs: Date.now() - started };
  log.info(
    { ...report, quarantinedFiles: report.quarantinedFiles.length },
    'reconciled media folder and segment index',
  );
  return report;
}

const startupRuns = new WeakMap<AppContext, Promise<ReconcileReport>>();

/**
 * The start-up reconcile, run at most once per process: whoever needs the media folder settled
 * first (the storage module's start hook, the recorder before its first ffmpeg) starts it and
 * the others wait for the same run, so their order of registration does not matter.
 */
export function reconcileOnce(ctx: AppContext, deps: ReconcileDeps = {}): Promise<ReconcileReport> {
  let run = startupRuns.get(ctx);
  if (!run) {
    run = reconcileMedia(ctx, deps);
    startupRuns.set(ctx, run);
  }
  return run;
}
