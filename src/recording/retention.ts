import type { AppContext } from '../platform/context';
import { lineLog } from './retention-log';
import {
  runRetention,
  type RetentionDeps,
  type RetentionReport,
  type RetentionTrigger,
} from './retention-run';
import { diskSpace, mediaDirOf } from './storage.disk';
import { bytesStartedAfter } from './storage.repo';

export {
  lastRetentionReport,
  runRetention,
  type RetentionReport,
  type RetentionTrigger,
} from './retention-run';

export interface RetentionRunner {
  /** Runs now (or right after the run in progress) and resolves with its report. */
  runNow(): Promise<RetentionReport>;
  /** Stops the timers; resolves once a run in progress has finished deleting. */
  stop(): Promise<void>;
}

export interface RetentionOptions extends RetentionDeps {
  /** How often free disk and new footage are checked between timed runs (default 5 s). */
  checkEveryMs?: number;
}

/** After a run that could not relieve the pressure (held footage), wait before trying again. */
const PRESSURE_COOLDOWN_MS = 60_000;

/**
 * Starts retention: a run at once, then every `retentionIntervalSeconds`, and in between a
 * cheap check every few seconds (one `statfs`, and one indexed sum over the newest segments)
 * that runs it early when free disk falls below the minimum or footage passes the quota.
 * Runs never overlap: a request during a run is served by one more run right after it.
 */
export function startRetention(ctx: AppContext, options: RetentionOptions = {}): RetentionRunner {
  const log = options.log ?? lineLog(ctx.config.logLevel, 'retention');
  const probe = options.diskSpace ?? diskSpace;
  const deps: RetentionDeps = { log, diskSpace: probe };
  const intervalMs = ctx.config.retentionIntervalSeconds * 1000;
  const checkEveryMs = options.checkEveryMs ?? Math.min(5_000, intervalMs);
  const cooldownMs = Math.min(PRESSURE_COOLDOWN_MS, intervalMs);

  let stopped = false;
  let running: Promise<RetentionReport> | null = null;
  let queued: Promise<RetentionReport> | null = null;
  let last: RetentionReport | null = null;
  let unresolvedAt = -Infinity;
  let checking = false;
  let timer: NodeJS.Timeout | undefined;

  const run = (trigger: RetentionTrigger): Promise<RetentionReport> => {
    if (running) {
      queued ??= running
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return run(trigger);
        });
      return queued;
    }
    const current = runRetention(ctx, trigger, deps)
      .then((report) => {
        last = report;
        if (report.quotaExcessBytes > 0 || report.diskShortfallBytes > 0) unresolvedAt = Date.now();
        return report;
      })
      .finally(() => {
        running = null;
      });
    running = current;
    return current;
  };

  const runLogged = (trigger: RetentionTrigger): Promise<unknown> =>
    run(trigger).catch((error: unknown) =>
      log.error({ trigger, err: (error as Error).message }, 'retention failed'),
    );

  const schedule = (delayMs: number, trigger: RetentionTrigger) => {
    timer = setTimeout(() => {
      if (stopped) return;
      void runLogged(trigger).finally(() => {
        if (!stopped) schedule(intervalMs, 'timer');
      });
    }, delayMs);
    timer.unref();
  };

  /** Is footage over the quota or the disk under the floor since the last run? */
  const pressure = async (): Promise<RetentionTrigger | null> => {
    const { minFreeBytes, storageQuotaBytes } = ctx.config;
    if (minFreeBytes > 0) {
      const disk = await probe(mediaDirOf(ctx.config));
      if (disk && disk.freeBytes < minFreeBytes) return 'low_disk';
    }
    if (storageQuotaBytes > 0 && last) {
      const since = await bytesStartedAfter(ctx.db.kysely, last.newestStartMs ?? -1);
      if (last.indexedBytes + since.bytes > storageQuotaBytes) return 'quota';
    }
    return null;
  };

  const watch = setInterval(() => {
    if (stopped || running || checking || Date.now() - unresolvedAt < cooldownMs) return;
    checking = true;
    void pressure()
      .then((trigger) => (trigger && !stopped ? runLogged(trigger) : undefined))
      .catch((error: unknown) =>
        log.error({ err: (error as Error).message }, 'retention pressure check failed'),
      )
      .finally(() => {
        checking = false;
      });
  }, checkEveryMs);
  watch.unref();

  schedule(0, 'start');

  return {
    runNow: () => run('manual'),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(watch);
      // A run that already started finishes (a deletion is never cut in half); wait for it.
      await Promise.allSettled([running, queued]);
    },
  };
}
