import { dueMonth } from './report-month';
import type { ReportFormat } from './report.repo';

// What the schedule has to make, decided from the clock and the files already there: pure, so
// the rules (the 1st after 06:00, only the month just due, never twice) are tested alone.

/** `/a/b/c/` and every unit above it: the units holding a record filed under those paths. */
export function pathsWithin(paths: readonly string[]): Set<string> {
  const within = new Set<string>();
  for (const path of paths) {
    const ids = path.split('/').filter(Boolean);
    for (let depth = 1; depth <= ids.length; depth += 1) {
      within.add(`/${ids.slice(0, depth).join('/')}/`);
    }
  }
  return within;
}

export interface DueReport<U> {
  unit: U;
  month: string;
  /** The files of that month still missing; a unit whose files all exist is not listed. */
  formats: ReportFormat[];
}

/**
 * The reports due at `now`: for each unit, the latest month whose release time has passed
 * (06:00 Vietnam time on the following 1st), minus what `exists` already finds on disk. Older
 * months are never made here: a unit that had nothing to report then stays without a file.
 */
export function dueReports<U>(
  now: Date,
  units: readonly U[],
  exists: (unit: U, month: string, format: ReportFormat) => boolean,
): DueReport<U>[] {
  const month = dueMonth(now);
  const due: DueReport<U>[] = [];
  for (const unit of units) {
    const formats = (['pdf', 'xlsx'] as const).filter((format) => !exists(unit, month, format));
    if (formats.length > 0) due.push({ unit, month, formats });
  }
  return due;
}
