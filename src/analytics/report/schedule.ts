import type { Actor } from '../../auth/actor';
import type { AppContext } from '../../platform/context';
import type { Logger } from '../../platform/supervisor';
import { monthlyReportData, type ReportSources } from './monthly';
import { renderReportFile } from './report-files';
import { addMonths } from '../period';
import { dueMonth, releaseMs, safeCode } from './report-month';
import { reportPath, scheduledUnits, storedReportFiles, writeFileAtomic } from './report.repo';
import { dueReports } from './schedule-plan';

// Makes last month's report for every ward and commune with anything to report, once the month
// is over (06:00 on the 1st, Vietnam time), and again at start in case the server was down
// then. What exists on disk is what has been done, so running twice (or on two nodes) is harmless.

/** The schedule reads everything, as the system; downloads by people are audited separately. */
export const scheduleActor: Actor = {
  id: 'system:report-schedule',
  username: 'report-schedule',
  displayName: 'Lịch lập báo cáo',
  role: 'admin',
  jurisdictionId: null,
  scopePath: null,
  via: 'token',
};

export interface ScheduleOptions {
  /** The clock that decides what is due (defaults to the context's). */
  now?: () => Date;
  /** The longest wait between checks, so late-filed cases and failures are retried. */
  everyMs?: number;
  sources?: ReportSources;
}

export interface ScheduleRun {
  month: string;
  written: string[];
  skipped: number;
  failed: string[];
}

export async function runReportSchedule(
  ctx: AppContext,
  logger: Pick<Logger, 'info' | 'error'>,
  options: ScheduleOptions = {},
): Promise<ScheduleRun> {
  const now = (options.now ?? ctx.now)();
  const units = await scheduledUnits(ctx.db.kysely);
  const existing = new Set(
    (await storedReportFiles(ctx)).map((file) => `${file.folder}/${file.month}.${file.format}`),
  );
  const due = dueReports(now, units, (unit, month, format) =>
    existing.has(`${safeCode(unit.code)}/${month}.${format}`),
  );
  const run: ScheduleRun = {
    month: dueMonth(now),
    written: [],
    skipped: units.length - due.length,
    failed: [],
  };
  for (const { unit, month, formats } of due) {
    try {
      const data = await monthlyReportData(
        ctx,
        scheduleActor,
        { unitId: unit.id, month },
        options.sources,
      );
      for (const format of formats) {
        const path = reportPath(ctx, unit.code, month, format);
        await writeFileAtomic(path, await renderReportFile(data, format));
        run.written.push(path);
      }
      await ctx.audit.record({
        actor: null,
        action: 'report.schedule',
        targetType: 'jurisdiction',
        targetId: unit.id,
        jurisdictionPath: unit.path,
        details: { unitId: unit.id, month, formats },
      });
    } catch (error) {
      run.failed.push(unit.code);
      logger.error(
        { unit: unit.code, month, err: (error as Error).message },
        'monthly report failed',
      );
    }
  }
  if (run.written.length > 0 || run.failed.length > 0) {
    logger.info(
      { month: run.month, written: run.written.length, failed: run.failed.length },
      'monthly reports made',
    );
  }
  return run;
}

export interface ReportSchedule {
  /** Runs a check now (after any check in progress); used at start and by tests. */
  runNow(): Promise<ScheduleRun>;
  stop(): Promise<void>;
}

const hourMs = 3_600_000;

export function startReportSchedule(
  ctx: AppContext,
  logger: Pick<Logger, 'info' | 'error'>,
  options: ScheduleOptions = {},
): ReportSchedule {
  const clock = options.now ?? ctx.now;
  const everyMs = options.everyMs ?? hourMs;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<ScheduleRun | null> | null = null;

  const run = (): Promise<ScheduleRun> => {
    const previous = running ?? Promise.resolve(null);
    const next = previous.then(() => runReportSchedule(ctx, logger, { ...options, now: clock }));
    // Settles either way, so a failed run is reported once (by the caller) and never unhandled.
    const settled: Promise<ScheduleRun | null> = next
      .catch(() => null)
      .finally(() => {
        if (running === settled) running = null;
      });
    running = settled;
    return next;
  };
  const schedule = () => {
    if (stopped) return;
    // Wake at the next release (06:00 on the 1st) or within `everyMs`, whichever is sooner.
    const untilRelease = releaseMs(addMonths(dueMonth(clock()), 1)) - clock().getTime();
    const delay = Math.max(1000, Math.min(everyMs, untilRelease));
    timer = setTimeout(() => {
      run()
        .catch((error: unknown) =>
          logger.error({ err: (error as Error).message }, 'report schedule failed'),
        )
        .finally(schedule);
    }, delay);
    timer.unref();
  };
  // Catch up once at start: the server may have been down at 06:00 on the 1st.
  void run()
    .catch((error: unknown) =>
      logger.error({ err: (error as Error).message }, 'report schedule failed'),
    )
    .finally(schedule);

  return {
    runNow: run,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
