import type { Db } from '../platform/db/database';
import { addCase, bump, emptyStats, funnelSteps, mergeStats, type CaseStats } from './case-stats';
import { caseRows } from './cases.repo';
import { splitPeriod, type Period } from './period';
import { metricKeys, rollupLevels } from './rollup-build';
import * as rollup from './rollup.repo';

// Where a unit's case figures come from: straight from its cases for a ward or a group (a few
// thousand rows), from the monthly rollup for a district or a province (whole months), plus the
// cases of the part-months at either end. Both give the same numbers by construction: the
// rollup is built with the same `classify` from the same rows.

export type CaseSource = 'auto' | 'cases' | 'rollup';

export interface UnitTally {
  incidents: number;
  solved: number;
  solvedWithFootage: number;
}

export interface UnitCases {
  stats: CaseStats;
  /** Per child path (the league), the three counts it needs. */
  children: Map<string, UnitTally>;
}

const emptyTally = (): UnitTally => ({ incidents: 0, solved: 0, solvedWithFootage: 0 });

export function usesRollup(level: string, source: CaseSource): boolean {
  return source !== 'cases' && rollupLevels.has(level);
}

/** Cases of a subtree in `[fromMs, toMs)` ranges, counted one by one. */
async function fromCases(
  db: Db,
  path: string,
  ranges: readonly { fromMs: number; toMs: number }[],
  childPaths: readonly string[],
): Promise<UnitCases> {
  const stats = emptyStats();
  const children = new Map(childPaths.map((child) => [child, emptyTally()]));
  for (const range of ranges) {
    for (const row of await caseRows(db, { prefix: path, ...range })) {
      addCase(stats, row);
      const child = childPaths.find((prefix) => row.path.startsWith(prefix));
      const tally = child === undefined ? undefined : children.get(child);
      if (!tally) continue;
      tally.incidents += 1;
      if (row.resolution === 'solved') {
        tally.solved += 1;
        if (row.footageHelped === 1) tally.solvedWithFootage += 1;
      }
    }
  }
  return { stats, children };
}

/** Whole months of a rollup unit, read from the rollup (which the caller has refreshed). */
async function fromRollup(
  db: Db,
  path: string,
  months: readonly string[],
  childPaths: readonly string[],
): Promise<UnitCases> {
  const stats = emptyStats();
  const children = new Map(childPaths.map((child) => [child, emptyTally()]));
  if (months.length === 0) return { stats, children };
  for (const row of await rollup.readUnitMonths(db, [path, ...childPaths], months)) {
    if (row.unitPath === path) {
      stats.total += row.incidents;
      bump(stats.byMonth, row.month, row.incidents);
      stats.solved += row.solved;
      stats.solvedWithFootage += row.solvedWithFootage;
    }
    const tally = children.get(row.unitPath);
    if (tally) {
      tally.incidents += row.incidents;
      tally.solved += row.solved;
      tally.solvedWithFootage += row.solvedWithFootage;
    }
  }
  for (const [metric, n] of await rollup.readCounts(db, path, months)) {
    const [kind, value] = metric.split(':') as [string, string | undefined];
    if (metric === metricKeys.night) stats.night += n;
    else if (kind === 'type' && value !== undefined) bump(stats.byType, value, n);
    else if (kind === 'hour' && value !== undefined) stats.byHour[Number(value)]! += n;
    else if (kind === 'funnel') {
      const step = funnelSteps.find((s) => s === value);
      if (step) stats.funnel[step] += n;
    }
  }
  stats.minutes.withFootage = await rollup.readSolveMinutes(db, path, months, 1);
  stats.minutes.withoutFootage = await rollup.readSolveMinutes(db, path, months, 0);
  stats.heat = await rollup.readHeat(db, path, months);
  return { stats, children };
}

/**
 * The case figures of a unit's subtree over a period, with its children's tallies. With the
 * rollup, the rollup must have been refreshed first (`refreshRollup`).
 */
export async function unitCases(
  db: Db,
  unit: { path: string; level: string },
  period: Pick<Period, 'fromMs' | 'toMs' | 'months'>,
  childPaths: readonly string[],
  source: CaseSource,
): Promise<UnitCases> {
  if (!usesRollup(unit.level, source)) {
    return fromCases(db, unit.path, [{ fromMs: period.fromMs, toMs: period.toMs }], childPaths);
  }
  const split = splitPeriod(period);
  const whole = await fromRollup(db, unit.path, split.whole, childPaths);
  const edges = await fromCases(db, unit.path, split.partial, childPaths);
  mergeStats(whole.stats, edges.stats);
  for (const [child, tally] of edges.children) {
    const into = whole.children.get(child)!;
    into.incidents += tally.incidents;
    into.solved += tally.solved;
    into.solvedWithFootage += tally.solvedWithFootage;
  }
  return whole;
}

/** Cases per month of each unit, for whole months (the before/after comparison). */
export async function monthlyIncidents(
  db: Db,
  paths: readonly string[],
  months: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const out = new Map(paths.map((path) => [path, new Map<string, number>()]));
  for (const row of await rollup.readUnitMonths(db, paths, months)) {
    out.get(row.unitPath)?.set(row.month, row.incidents);
  }
  return out;
}
