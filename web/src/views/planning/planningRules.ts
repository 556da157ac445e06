// The planning screens' decisions, kept free of React so they can be tested alone: where a
// site is in its lifecycle, what its next step needs, and how a target's projection reads.
import { siteStatuses, type Site, type SiteStatus, type Target } from '../../api/planning';
import type { MessageKey } from '../../i18n/i18n';

/** The status after this one, or null once connected. */
export function nextStatus(status: SiteStatus): SiteStatus | null {
  const index = siteStatuses.indexOf(status);
  return siteStatuses[index + 1] ?? null;
}

/** Installing and connecting link the site to a registered camera. */
export const needsCamera = (status: SiteStatus) => status === 'installed' || status === 'connected';

export interface Step {
  status: SiteStatus;
  date: string | null;
  state: 'done' | 'current' | 'todo';
}

/** The lifecycle as a stepper: reached steps with their dates, the current one marked. */
export function lifecycleSteps(site: Pick<Site, 'status' | 'dates'>): Step[] {
  const reached = siteStatuses.indexOf(site.status);
  return siteStatuses.map((status, index) => ({
    status,
    date: site.dates[status] ?? null,
    state: index < reached ? 'done' : index === reached ? 'current' : 'todo',
  }));
}

/** Today's date in Vietnam (UTC+7, no daylight saving), as a date input wants it. */
export function vietnamToday(nowMs: number): string {
  return new Date(nowMs + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** "2027-03-14" (or an ISO instant) → "03/2027". */
export function monthOf(date: string): string {
  const [year = '', month = ''] = date.slice(0, 10).split('-');
  return `${month}/${year}`;
}

export interface Sentence {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * What the projection says, in words: already reached; when it will be reached at the current
 * rate and whether that is on time; or that there is not enough history to tell.
 */
export function projectionSentence(
  target: Pick<Target, 'current' | 'targetValue' | 'dueOn' | 'projection'>,
): Sentence {
  if (target.current >= target.targetValue) return { key: 'targets.reached' };
  const { projectedOn } = target.projection;
  if (!projectedOn) return { key: 'targets.noProjection' };
  const onTime = target.projection.willMeet && projectedOn <= target.dueOn;
  return {
    key: onTime ? 'targets.projectionOnTime' : 'targets.projectionLate',
    params: { month: monthOf(projectedOn) },
  };
}
