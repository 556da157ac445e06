import { bump, classify, funnelSteps, type CaseRow } from './case-stats';

// One month of the rollup, from that month's cases: every case counts for its own unit and each
// unit above it. Units counted from the rollup (provinces and districts: `rollupLevels`) get
// every figure; the others only the three counts that comparisons between units need.

export const rollupLevels: ReadonlySet<string> = new Set(['province', 'district']);

export interface MonthRollup {
  unitMonths: Map<string, { incidents: number; solved: number; solvedWithFootage: number }>;
  /** `${unitPath}\u0000${metric}` → n. */
  counts: Map<string, number>;
  /** `${unitPath}\u0000${withFootage}\u0000${minutes}` → n. */
  minutes: Map<string, number>;
  /** `${unitPath}\u0000${cell}` → n. */
  heat: Map<string, number>;
}

/** `/a/b/c/` → `/a/`, `/a/b/`, `/a/b/c/`. */
export function pathsAbove(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

export const metricKeys = {
  night: 'night',
  type: (type: string) => `type:${type}`,
  hour: (hour: number) => `hour:${hour}`,
  funnel: (step: string) => `funnel:${step}`,
};

export function buildMonth(
  rows: readonly CaseRow[],
  levelOf: ReadonlyMap<string, string>,
): MonthRollup {
  const rollup: MonthRollup = {
    unitMonths: new Map(),
    counts: new Map(),
    minutes: new Map(),
    heat: new Map(),
  };
  for (const row of rows) {
    const facts = classify(row);
    for (const unitPath of pathsAbove(row.path)) {
      let unit = rollup.unitMonths.get(unitPath);
      if (!unit) {
        unit = { incidents: 0, solved: 0, solvedWithFootage: 0 };
        rollup.unitMonths.set(unitPath, unit);
      }
      unit.incidents += 1;
      if (facts.solved) unit.solved += 1;
      if (facts.solvedWithFootage) unit.solvedWithFootage += 1;
      if (!rollupLevels.has(levelOf.get(unitPath) ?? '')) continue;
      const key = (metric: string) => `${unitPath}\u0000${metric}`;
      if (facts.night) bump(rollup.counts, key(metricKeys.night));
      bump(rollup.counts, key(metricKeys.type(row.type)));
      bump(rollup.counts, key(metricKeys.hour(facts.hour)));
      for (const step of funnelSteps) {
        if (facts.funnel[step]) bump(rollup.counts, key(metricKeys.funnel(step)));
      }
      if (facts.solveMinutes !== null) {
        const withFootage = row.footageHelped === 1 ? 1 : 0;
        bump(rollup.minutes, `${unitPath}\u0000${withFootage}\u0000${facts.solveMinutes}`);
      }
      bump(rollup.heat, `${unitPath}\u0000${facts.cell}`);
    }
  }
  return rollup;
}

/**
 * Each month's fingerprint from per-day counts and newest changes of its cases (`i`), their
 * requests (`r`) and evidence (`e`), and the unit tree's stamp: a month is rebuilt when its
 * fingerprint differs from the one it was built from.
 */
export function monthFingerprints(
  days: readonly { day: number; part: string; n: number; at: string | null }[],
  units: string,
): Map<string, string> {
  const parts = new Map<string, Map<string, { n: number; at: string }>>();
  for (const { day, part, n, at } of days) {
    const month = new Date(day * 86_400_000).toISOString().slice(0, 7);
    const byPart = parts.get(month) ?? new Map<string, { n: number; at: string }>();
    parts.set(month, byPart);
    const sum = byPart.get(part) ?? { n: 0, at: '' };
    sum.n += n;
    if (at !== null && at > sum.at) sum.at = at;
    byPart.set(part, sum);
  }
  const fingerprints = new Map<string, string>();
  for (const [month, byPart] of parts) {
    const piece = (part: string) =>
      `${part}:${byPart.get(part)?.n ?? 0}/${byPart.get(part)?.at ?? ''}`;
    fingerprints.set(month, [units, piece('i'), piece('r'), piece('e')].join('|'));
  }
  return fingerprints;
}
