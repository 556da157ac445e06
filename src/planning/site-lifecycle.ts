import { isCalendarDate } from '../jurisdictions/jurisdiction-tree';
import type { PlannedSiteStatus, PlannedSiteTable } from '../platform/db/schema';
import { badRequest, conflict } from '../platform/http/errors';

// A planned site's lifecycle: proposed → surveyed → agreed → funded → installed → connected.
// It only moves forward. A ward often records several steps at once (agreed and funded at the
// same meeting); the skipped steps take the same date, so every step before the current one has
// a date and reports never see a funded site that was never agreed.

export const siteStatuses = [
  'proposed',
  'surveyed',
  'agreed',
  'funded',
  'installed',
  'connected',
] as const satisfies readonly PlannedSiteStatus[];

export const isSiteStatus = (value: string): value is PlannedSiteStatus =>
  (siteStatuses as readonly string[]).includes(value);

type DateColumn = `${PlannedSiteStatus}_at`;
export const dateColumn = (status: PlannedSiteStatus): DateColumn => `${status}_at`;

/** From `installed` on, a site stands for a real camera in the registry. */
export const needsCamera = (status: PlannedSiteStatus): boolean =>
  siteStatuses.indexOf(status) >= siteStatuses.indexOf('installed');

export type SiteDates = Pick<PlannedSiteTable, DateColumn>;

export interface StatusPlan {
  status: PlannedSiteStatus;
  /** Dates to set: the new status's and every skipped one's. */
  dates: Partial<Record<DateColumn, string>>;
  /** Statuses passed through, in order, ending with the new one. */
  steps: PlannedSiteStatus[];
}

/** The date the site reached its current status (the latest date it has). */
function currentDate(current: PlannedSiteStatus, dates: SiteDates): string | null {
  return dates[dateColumn(current)] ?? null;
}

/**
 * Checks a move from `current` to `target` on day `on` (YYYY-MM-DD, Vietnam calendar, no later
 * than `today`) and says which dates to set. Backwards or standing still is a conflict with the
 * site as it is (409); a malformed or impossible date is a bad request (400).
 */
export function planStatusChange(
  current: PlannedSiteStatus,
  dates: SiteDates,
  target: PlannedSiteStatus,
  on: string,
  today: string,
): StatusPlan {
  const from = siteStatuses.indexOf(current);
  const to = siteStatuses.indexOf(target);
  if (to <= from) {
    throw conflict(
      `a site only moves forward: it is already ${current}, so it cannot become ${target}`,
      'status',
    );
  }
  if (!isCalendarDate(on)) throw badRequest('on must be a date written YYYY-MM-DD', 'on');
  if (on > today) throw badRequest('on cannot be in the future', 'on');
  const since = currentDate(current, dates);
  if (since !== null && on < since) {
    throw badRequest(`on cannot be before the site became ${current} (${since})`, 'on');
  }
  const steps = siteStatuses.slice(from + 1, to + 1);
  const set: Partial<Record<DateColumn, string>> = {};
  for (const step of steps) set[dateColumn(step)] = on;
  return { status: target, dates: set, steps };
}
