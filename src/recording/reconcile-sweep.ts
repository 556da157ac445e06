import type { AppContext } from '../platform/context';
import {
  emptyReport,
  Reconciler,
  type ReconcileDeps,
  type ReconcileReport,
} from './reconcile-camera';
import { DAY_MS, dayOf, dayStartMs, sweepBeforeDay } from './reconcile-paths';
import { isRegisteredCamera, lastIndexedStarts, nextIndexedStart } from './reconcile-repo';
import { cameraFolders, listCameraFolder } from './reconcile-scan';
import { lineLog, type RecordingLog } from './retention-log';
import { mediaDirOf } from './storage.disk';

// The full walk the start-up pass leaves out: every day folder older than yesterday against
// the index, so files never indexed are indexed (or quarantined) and rows whose file was
// deleted by hand are marked missing. It runs while the server records, so it is slow on
// purpose: one camera at a time, one day folder at a time, a pause between cameras, and
// never the days the recorder is writing into.

export interface SweepDeps extends ReconcileDeps {
  /** Pause between cameras, leaving the disk and the database to the recorder (default 500 ms). */
  pauseMs?: number;
  /** Asked between day folders: true ends the sweep early (the server is stopping). */
  shouldStop?: () => boolean;
}

const DEFAULT_PAUSE_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The old days of one camera: its day folders, and the days its index rows start on. */
async function oldDays(
  ctx: AppContext,
  cameraId: string,
  registered: boolean,
  folderDays: readonly string[],
  beforeDay: string,
): Promise<string[]> {
  const days = new Set(folderDays.filter((day) => day < beforeDay));
  if (registered) {
    // Stepping from day to day through the index finds days whose folder is gone entirely.
    const endMs = dayStartMs(beforeDay);
    let fromMs = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const next = await nextIndexedStart(ctx.db.kysely, cameraId, fromMs);
      if (next === null || next >= endMs) break;
      days.add(dayOf(next));
      fromMs = dayStartMs(dayOf(next)) + DAY_MS;
    }
  }
  return [...days].sort();
}

/** One full sweep of every camera; resolves with what it did (also logged). */
export async function sweepMedia(ctx: AppContext, deps: SweepDeps = {}): Promise<ReconcileReport> {
  const started = Date.now();
  const log: RecordingLog = deps.log ?? lineLog(ctx.config.logLevel, 'reconcile');
  const reconciler = new Reconciler(ctx, log, deps, emptyReport('sweep'));
  const report = reconciler.report;
  const mediaDir = mediaDirOf(ctx.config);
  const beforeDay = sweepBeforeDay(ctx.now().getTime());
  const stopping = deps.shouldStop ?? (() => false);
  const lastStarts = await lastIndexedStarts(ctx.db.kysely);
  const indexed = [...lastStarts].filter(([, last]) => last !== null).map(([id]) => id);
  const cameraIds = [...new Set([...(await cameraFolders(mediaDir)), ...indexed])].sort();
  for (const [n, cameraId] of cameraIds.entries()) {
    if (stopping()) break;
    if (n > 0) await sleep(deps.pauseMs ?? DEFAULT_PAUSE_MS);
    try {
      // Asked again now, not at the sweep's start: a camera may have been registered since.
      const registered = await isRegisteredCamera(ctx.db.kysely, cameraId);
      const folder = await listCameraFolder(mediaDir, cameraId);
      report.cameras += 1;
      report.ignored += folder.ignored;
      report.deferredDayFolders += folder.days.filter((day) => day >= beforeDay).length;
      for (const day of await oldDays(ctx, cameraId, registered, folder.days, beforeDay)) {
        if (stopping()) break;
        const fromMs = dayStartMs(day);
        await reconciler.days(cameraId, registered, [day], fromMs, fromMs + DAY_MS);
      }
    } catch (error) {
      report.failedCameras += 1;
      log.error({ cameraId, err: (error as Error).message }, 'cannot sweep camera');
    }
  }
  const done = { ...report, durationMs: Date.now() - started };
  log.info(
    { ...done, quarantinedFiles: done.quarantinedFiles.length },
    'swept media folder and segment index',
  );
  return done;
}

export interface MediaSweep {
  /** Sweeps now (or joins the sweep in progress) and resolves with its report. */
  runNow(): Promise<ReconcileReport>;
  /** No more sweeps; the one in progress ends after its current day folder. */
  stop(): Promise<void>;
}

export interface MediaSweepOptions extends Omit<SweepDeps, 'shouldStop'> {
  /** Delay before the first sweep, so recording settles first (default 60 s). */
  firstDelayMs?: number;
  /** Time between the end of one sweep and the start of the next (default a day). */
  everyMs?: number;
}

/** Schedules the sweep: once shortly after start, then daily. Sweeps never overlap. */
export function startMediaSweep(ctx: AppContext, options: MediaSweepOptions = {}): MediaSweep {
  const log = options.log ?? lineLog(ctx.config.logLevel, 'reconcile');
  const deps: SweepDeps = { ...options, log, shouldStop: () => stopped };
  let stopped = false;
  let running: Promise<ReconcileReport> | null = null;
  let timer: NodeJS.Timeout | undefined;

  const run = (): Promise<ReconcileReport> => {
    running ??= sweepMedia(ctx, deps).finally(() => {
      running = null;
    });
    return running;
  };
  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      if (stopped) return;
      void run()
        .catch((error: unknown) =>
          log.error({ err: (error as Error).message }, 'media sweep failed'),
        )
        .finally(() => {
          if (!stopped) schedule(options.everyMs ?? DAY_MS);
        });
    }, delayMs);
    timer.unref();
  };
  schedule(options.firstDelayMs ?? 60_000);

  return {
    runNow: run,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
