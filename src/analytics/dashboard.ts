import type { Comparison } from './before-after';
import { cellCentre, histogramCount, medianHours, share, type CaseStats } from './case-stats';
import type { CameraGroup } from './cameras.repo';
import type { UnitTally } from './case-source';
import type { NearUnit } from './units.repo';

// The dashboard's shape and its pure assembly from the counted parts. Rates and medians are
// null, never zero, when there is nothing to divide: an empty unit must not look like a result.

export interface TargetFigure {
  metric: string;
  targetValue: number;
  dueOn: string;
  current: number;
  progressPct: number;
  willMeet: boolean;
  projectedOn: string | null;
}

export interface LeagueRow {
  unitId: string;
  name: string;
  level: string;
  incidents: number;
  solved: number;
  solvedWithFootage: number;
  solvedWithFootageShare: number | null;
  camerasInstalled: number;
  camerasPer1000: number | null;
  coveragePct: number | null;
}

export interface Dashboard {
  unit: { id: string; name: string; level: string; path: string };
  period: { from: string; to: string; months: string[] };
  empty: boolean;
  generatedAt: string;
  cameras: {
    total: number;
    byOwnerKind: Record<string, number>;
    byStatus: Record<string, number>;
    byConsentTier: Record<string, number>;
    recorded: number;
    uptimePct: number | null;
    coveragePct: number | null;
    targets: TargetFigure[];
  };
  incidents: {
    total: number;
    byType: Record<string, number>;
    byMonth: { month: string; n: number }[];
    byHour: number[];
    night: number;
    nightShare: number | null;
    heat: { lat: number; lng: number; n: number }[];
  };
  funnel: {
    incidents: number;
    withCandidates: number;
    requested: number;
    received: number;
    used: number;
    solved: number;
  };
  solved: number;
  solvedWithFootage: number;
  solvedWithFootageShare: number | null;
  medianHoursToSolve: {
    withFootage: number | null;
    withoutFootage: number | null;
    withFootageCount: number;
    withoutFootageCount: number;
  };
  beforeAfter: Comparison & {
    children: {
      unitId: string;
      name: string;
      rolloutMonth: string | null;
      beforeRate: number | null;
      afterRate: number | null;
      did: number | null;
      reason: string | null;
    }[];
  };
  money: {
    raisedVnd: number;
    spentVnd: number;
    camerasFunded: number;
    costPerCameraVnd: number | null;
    costPerSolvedWithFootageVnd: number | null;
  };
  league: LeagueRow[];
}

/** The heat map never carries more cells than a map can draw; the densest are kept. */
export const heatCellLimit = 10_000;
/** Up to this many cases, the map shows the cases' own points rather than cells. */
export const rawPointLimit = 500;

export function camerasFigure(groups: readonly CameraGroup[]) {
  const byOwnerKind: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  const byConsentTier: Record<string, number> = {};
  let total = 0;
  let recorded = 0;
  for (const group of groups) {
    total += group.n;
    if (group.recorded) recorded += group.n;
    byOwnerKind[group.ownerKind] = (byOwnerKind[group.ownerKind] ?? 0) + group.n;
    byStatus[group.status] = (byStatus[group.status] ?? 0) + group.n;
    byConsentTier[group.consentTier] = (byConsentTier[group.consentTier] ?? 0) + group.n;
  }
  return { total, byOwnerKind, byStatus, byConsentTier, recorded };
}

/** Points of a small set of cases (same place: one point, counted), or the densest cells. */
export function heatFigure(
  stats: CaseStats,
  points: readonly { lat: number; lng: number }[] | null,
): Dashboard['incidents']['heat'] {
  if (points !== null) {
    const byPlace = new Map<string, { lat: number; lng: number; n: number }>();
    for (const point of points) {
      const key = `${point.lat},${point.lng}`;
      const entry = byPlace.get(key) ?? { ...point, n: 0 };
      entry.n += 1;
      byPlace.set(key, entry);
    }
    return [...byPlace.values()].sort((a, b) => b.n - a.n || a.lat - b.lat || a.lng - b.lng);
  }
  return [...stats.heat]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, heatCellLimit)
    .map(([cell, n]) => ({ ...cellCentre(cell), n }));
}

const sortedRecord = (map: ReadonlyMap<string, number>): Record<string, number> =>
  Object.fromEntries([...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));

export function caseFigures(stats: CaseStats, months: readonly string[]) {
  return {
    incidents: {
      total: stats.total,
      byType: sortedRecord(stats.byType),
      byMonth: months.map((month) => ({ month, n: stats.byMonth.get(month) ?? 0 })),
      byHour: [...stats.byHour],
      night: stats.night,
      nightShare: share(stats.night, stats.total),
    },
    funnel: { incidents: stats.total, ...stats.funnel },
    solved: stats.solved,
    solvedWithFootage: stats.solvedWithFootage,
    solvedWithFootageShare: share(stats.solvedWithFootage, stats.solved),
    medianHoursToSolve: {
      withFootage: medianHours(stats.minutes.withFootage),
      withoutFootage: medianHours(stats.minutes.withoutFootage),
      withFootageCount: histogramCount(stats.minutes.withFootage),
      withoutFootageCount: histogramCount(stats.minutes.withoutFootage),
    },
  };
}

/**
 * The league: each child with its counts, ranked by the share of its solved cases that footage
 * helped (units with none solved last), then by cases, then by name.
 */
export function leagueTable(
  children: readonly NearUnit[],
  tallies: ReadonlyMap<string, UnitTally>,
  installed: ReadonlyMap<string, number>,
  coverage: ReadonlyMap<string, number | null>,
): LeagueRow[] {
  const rows = children.map((child): LeagueRow => {
    const tally = tallies.get(child.path) ?? { incidents: 0, solved: 0, solvedWithFootage: 0 };
    const cameras = installed.get(child.path) ?? 0;
    return {
      unitId: child.id,
      name: child.name,
      level: child.level,
      ...tally,
      solvedWithFootageShare: share(tally.solvedWithFootage, tally.solved),
      camerasInstalled: cameras,
      camerasPer1000:
        child.population !== null && child.population > 0
          ? Math.round((cameras / child.population) * 1000 * 100) / 100
          : null,
      coveragePct: coverage.get(child.id) ?? null,
    };
  });
  return rows.sort(
    (a, b) =>
      (b.solvedWithFootageShare ?? -1) - (a.solvedWithFootageShare ?? -1) ||
      b.incidents - a.incidents ||
      a.name.localeCompare(b.name, 'vi'),
  );
}
