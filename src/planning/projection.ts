// Will a unit meet its target, and when? A straight line from the recent pace: installations of
// the last 180 days, as a monthly rate, carried forward from today. Wards install in campaigns,
// so the pace is uneven; six months smooths one campaign without reaching back to another era.
// A month here is 365.25 / 12 days, so "in 3 months" is the same length whatever the calendar.

export const rateWindowDays = 180;
const windowMonths = 6;
const daysPerMonth = 365.25 / 12;

export interface Projection {
  ratePerMonth: number;
  projectedOn: string | null;
  willMeet: boolean;
  basis: string;
}

const round = (value: number, places: number) => Number(value.toFixed(places));

/** A calendar date `days` after `date` (both YYYY-MM-DD), rounding a part day up. */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + Math.ceil(days));
  return at.toISOString().slice(0, 10);
}

/** The first day of the rate window: installs on or after it count. */
export const windowStart = (today: string): string => addDays(today, -rateWindowDays);

export function progressPct(current: number, target: number): number {
  return round(Math.min(100, (current / target) * 100), 1);
}

interface Common {
  target: number;
  today: string;
  dueOn: string;
}

function fromRate(
  current: number,
  ratePerMonth: number,
  input: Common,
  describe: (rate: number, remaining: number) => string,
): Projection {
  if (current >= input.target) {
    return {
      ratePerMonth: round(ratePerMonth, 2),
      projectedOn: input.today,
      willMeet: true,
      basis: 'already met',
    };
  }
  const remaining = input.target - current;
  const projectedOn = addDays(input.today, (remaining / ratePerMonth) * daysPerMonth);
  return {
    ratePerMonth: round(ratePerMonth, 2),
    projectedOn,
    willMeet: projectedOn <= input.dueOn,
    basis: describe(ratePerMonth, remaining),
  };
}

/** Cameras: `installsInWindow` installations in the last 180 days give the monthly rate. */
export function projectCameras(
  input: Common & { current: number; installsInWindow: number },
): Projection {
  const rate = input.installsInWindow / windowMonths;
  if (rate === 0 && input.current < input.target) {
    return {
      ratePerMonth: 0,
      projectedOn: null,
      willMeet: false,
      basis: `no cameras installed in the last ${rateWindowDays} days`,
    };
  }
  return fromRate(
    input.current,
    rate,
    input,
    (r, remaining) =>
      `${input.installsInWindow} cameras installed in the last ${rateWindowDays} days ` +
      `(${round(r, 2)} a month); ${remaining} more needed`,
  );
}

/**
 * Coverage: the camera rate times what a recent camera added on average (percentage points of
 * the unit's street length). Without recent cameras, or without roads, there is nothing to go
 * on, and the projection says so rather than guessing.
 */
export function projectCoverage(
  input: Common & {
    currentPct: number | null;
    installsInWindow: number;
    /** Percentage points the recent cameras added together, or null when unknown. */
    recentGainPct: number | null;
  },
): Projection {
  const current = input.currentPct ?? 0;
  const notEnough = (basis: string): Projection => ({
    ratePerMonth: 0,
    projectedOn: null,
    willMeet: current >= input.target,
    basis,
  });
  if (input.currentPct === null) return notEnough('no road network for this unit');
  if (current >= input.target) return fromRate(current, 0, input, () => 'already met');
  if (input.installsInWindow === 0 || input.recentGainPct === null || input.recentGainPct <= 0) {
    return notEnough('not enough history');
  }
  const perCamera = input.recentGainPct / input.installsInWindow;
  const rate = (input.installsInWindow / windowMonths) * perCamera;
  return fromRate(
    current,
    rate,
    input,
    (r, remaining) =>
      `${input.installsInWindow} cameras in the last ${rateWindowDays} days, each adding ` +
      `${round(perCamera, 2)} points on average (${round(r, 2)} points a month); ` +
      `${round(remaining, 1)} points to go`,
  );
}
