import { badRequest } from '../platform/http/errors';

// The time ranges the footage API accepts, checked in one place so every route words its
// refusals the same way and names the field at fault.

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

/** The longest period each kind of request covers. */
export const rangeLimits = {
  timeline: 31 * dayMs,
  playback: hourMs,
  download: dayMs,
} as const;

export interface TimeRange {
  fromMs: number;
  toMs: number;
}

/** `40 days`, `1 hour 1 second`: a length in whole units, largest first. */
export function describeLength(ms: number): string {
  const units = [
    ['day', dayMs],
    ['hour', hourMs],
    ['minute', minuteMs],
    ['second', 1000],
  ] as const;
  let rest = Math.round(ms / 1000) * 1000;
  const parts: string[] = [];
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(`${count} ${unit}${count === 1 ? '' : 's'}`);
  }
  return parts.length > 0 ? parts.join(' ') : 'no time';
}

function instant(value: string | undefined, field: 'from' | 'to'): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw badRequest(`${field} must be an ISO 8601 instant`, field);
  return ms;
}

/**
 * Reads `from` and `to`. Without a default span both are required; with one, a missing `to` is
 * now and a missing `from` is that span before `to`. The end must come after the start, and the
 * period may not exceed `maxMs`.
 */
export function parseRange(
  query: { from?: string | undefined; to?: string | undefined },
  maxMs: number,
  defaults?: { nowMs: number; spanMs: number },
): TimeRange {
  let toMs = instant(query.to, 'to');
  let fromMs = instant(query.from, 'from');
  if (defaults) {
    toMs ??= defaults.nowMs;
    fromMs ??= toMs - defaults.spanMs;
  }
  if (fromMs === undefined) throw badRequest('from is required', 'from');
  if (toMs === undefined) throw badRequest('to is required', 'to');
  if (toMs <= fromMs) throw badRequest('to must be after from', 'to');
  if (toMs - fromMs > maxMs) {
    throw badRequest(
      `the period may cover at most ${describeLength(maxMs)}; this one covers ${describeLength(toMs - fromMs)}`,
      'to',
    );
  }
  return { fromMs, toMs };
}
