import { addMonths, monthsBetween } from './period';

// Before and after the cameras went in, against units that got none over the same months
// (difference in differences). Pure: counts in, figures out, with every count kept so a reader
// can redo the sum.

export const defaultWindowMonths = 6;

/**
 * The month in which a unit's installed cameras rose most (ties: the earliest), among months up
 * to `latest`; null when none was installed by then.
 */
export function rolloutMonthOf(
  installs: ReadonlyMap<string, number>,
  latest: string,
): string | null {
  let best: string | null = null;
  let most = 0;
  for (const month of [...installs.keys()].sort()) {
    const n = installs.get(month)!;
    if (month <= latest && n > most) {
      best = month;
      most = n;
    }
  }
  return best;
}

export interface Windows {
  /** The N months before the roll-out month (not including it). */
  before: string[];
  /** The N months after it that have ended by `currentMonth` (a month still running is left out). */
  after: string[];
  /** All 2N + 1 months, in which a control unit must have had no camera installed. */
  span: string[];
}

export function windowsAround(rollout: string, n: number, currentMonth: string): Windows {
  const before = monthsBetween(addMonths(rollout, -n), addMonths(rollout, -1));
  const after = monthsBetween(addMonths(rollout, 1), addMonths(rollout, n)).filter(
    (month) => month < currentMonth,
  );
  return { before, after, span: monthsBetween(addMonths(rollout, -n), addMonths(rollout, n)) };
}

/** True when a unit installed nothing in any month of the span. */
export function quietThrough(
  installs: ReadonlyMap<string, number> | undefined,
  span: readonly string[],
): boolean {
  return span.every((month) => (installs?.get(month) ?? 0) === 0);
}

const sumOver = (monthly: ReadonlyMap<string, number> | undefined, months: readonly string[]) =>
  months.reduce((sum, month) => sum + (monthly?.get(month) ?? 0), 0);

const rate = (incidents: number, months: number, units: number): number | null =>
  months > 0 && units > 0 ? incidents / (months * units) : null;

const round3 = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

export interface Side {
  beforeIncidents: number;
  afterIncidents: number;
  beforeRate: number | null;
  afterRate: number | null;
}

export interface Comparison {
  rolloutMonth: string | null;
  months: number;
  beforeMonths: number;
  afterMonths: number;
  treated: Side;
  control: (Side & { units: number }) | null;
  did: number | null;
  reason: 'no_rollout' | 'no_months_after' | 'no_controls' | null;
}

/**
 * The comparison for one treated unit. `controls` are the monthly counts of the units that
 * qualify as controls (already filtered with `quietThrough`).
 */
export function compare(input: {
  rollout: string | null;
  n: number;
  currentMonth: string;
  treated: ReadonlyMap<string, number>;
  controls: readonly ReadonlyMap<string, number>[];
}): Comparison {
  const empty: Side = { beforeIncidents: 0, afterIncidents: 0, beforeRate: null, afterRate: null };
  if (input.rollout === null) {
    return {
      rolloutMonth: null,
      months: input.n,
      beforeMonths: 0,
      afterMonths: 0,
      treated: empty,
      control: null,
      did: null,
      reason: 'no_rollout',
    };
  }
  const w = windowsAround(input.rollout, input.n, input.currentMonth);
  const side = (monthly: readonly (ReadonlyMap<string, number> | undefined)[]) => {
    const beforeIncidents = monthly.reduce((s, m) => s + sumOver(m, w.before), 0);
    const afterIncidents = monthly.reduce((s, m) => s + sumOver(m, w.after), 0);
    return {
      beforeIncidents,
      afterIncidents,
      beforeRate: rate(beforeIncidents, w.before.length, monthly.length),
      afterRate: rate(afterIncidents, w.after.length, monthly.length),
    };
  };
  const treated = side([input.treated]);
  const control = input.controls.length > 0 ? side(input.controls) : null;
  const reason = w.after.length === 0 ? 'no_months_after' : control === null ? 'no_controls' : null;
  const did =
    reason === null && control
      ? treated.afterRate! - treated.beforeRate! - (control.afterRate! - control.beforeRate!)
      : null;
  const rounded = (s: Side): Side => ({
    ...s,
    beforeRate: round3(s.beforeRate),
    afterRate: round3(s.afterRate),
  });
  return {
    rolloutMonth: input.rollout,
    months: input.n,
    beforeMonths: w.before.length,
    afterMonths: w.after.length,
    treated: rounded(treated),
    control: control ? { units: input.controls.length, ...rounded(control) } : null,
    did: round3(did),
    reason,
  };
}
