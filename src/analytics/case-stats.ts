import { hourOfMs, isNightHour, monthOfMs } from './period';

// The definitions of every case figure, in one place: how one case counts (`classify`) and how
// counts add up (`CaseStats`). The figures read straight from the cases and the monthly rollup
// both go through these, so the two cannot disagree.

/** One case as the figures need it; `requested`/`received` come from its requests and evidence. */
export interface CaseRow {
  path: string;
  type: string;
  fromMs: number;
  latitude: number;
  longitude: number;
  candidateCameras: number | null;
  footageHelped: number | null;
  resolution: string | null;
  resolvedAt: string | null;
  /** ≥1 footage request not cancelled, or ≥1 extract from our recordings. */
  requested: boolean;
  /** ≥1 extract or upload, or ≥1 request fulfilled. */
  received: boolean;
}

export const funnelSteps = ['withCandidates', 'requested', 'received', 'used', 'solved'] as const;
export type FunnelStep = (typeof funnelSteps)[number];

export interface CaseFacts {
  month: string;
  hour: number;
  night: boolean;
  /** The last funnel step the case reached, each step being the previous one and its own test. */
  funnel: Record<FunnelStep, boolean>;
  solved: boolean;
  solvedWithFootage: boolean;
  /** Whole minutes from when it happened to when it was solved; null unless solved with a time. */
  solveMinutes: number | null;
  /** Heat-map cell (0.002° of latitude and longitude). */
  cell: string;
}

/** Heat-map cells are 0.002° (about 220 m) on a side. */
export const cellsPerDegree = 500;

/** The cell of a point; the small epsilon keeps 21.074 in cell 10537, not 10536.99…. */
export function cellOf(latitude: number, longitude: number): string {
  const cell = (value: number) => Math.floor(value * cellsPerDegree + 1e-9);
  return `${cell(latitude)}:${cell(longitude)}`;
}

export function cellCentre(cell: string): { lat: number; lng: number } {
  const [lat, lng] = cell.split(':').map(Number) as [number, number];
  const centre = (index: number) => Math.round(((index + 0.5) / cellsPerDegree) * 1e6) / 1e6;
  return { lat: centre(lat), lng: centre(lng) };
}

export function classify(row: CaseRow): CaseFacts {
  const hour = hourOfMs(row.fromMs);
  const withCandidates = (row.candidateCameras ?? 0) > 0;
  const requested = withCandidates && row.requested;
  const received = requested && row.received;
  const used = received && row.footageHelped === 1;
  const solved = row.resolution === 'solved';
  const resolvedMs = row.resolvedAt === null ? Number.NaN : Date.parse(row.resolvedAt);
  return {
    month: monthOfMs(row.fromMs),
    hour,
    night: isNightHour(hour),
    funnel: { withCandidates, requested, received, used, solved: used && solved },
    solved,
    solvedWithFootage: solved && row.footageHelped === 1,
    // A case marked solved before it happened is a typing error; it counts as solved at once.
    solveMinutes:
      solved && Number.isFinite(resolvedMs)
        ? Math.max(0, Math.floor((resolvedMs - row.fromMs) / 60_000))
        : null,
    cell: cellOf(row.latitude, row.longitude),
  };
}

export interface CaseStats {
  total: number;
  night: number;
  byType: Map<string, number>;
  byMonth: Map<string, number>;
  byHour: number[];
  funnel: Record<FunnelStep, number>;
  solved: number;
  solvedWithFootage: number;
  /** Exact histograms of solve times in minutes, with footage (helped = 1) and without. */
  minutes: { withFootage: Map<number, number>; withoutFootage: Map<number, number> };
  heat: Map<string, number>;
}

export function emptyStats(): CaseStats {
  return {
    total: 0,
    night: 0,
    byType: new Map(),
    byMonth: new Map(),
    byHour: Array.from({ length: 24 }, () => 0),
    funnel: { withCandidates: 0, requested: 0, received: 0, used: 0, solved: 0 },
    solved: 0,
    solvedWithFootage: 0,
    minutes: { withFootage: new Map(), withoutFootage: new Map() },
    heat: new Map(),
  };
}

export const bump = <K>(map: Map<K, number>, key: K, n = 1): void => {
  map.set(key, (map.get(key) ?? 0) + n);
};

export function addCase(stats: CaseStats, row: CaseRow, facts: CaseFacts = classify(row)): void {
  stats.total += 1;
  if (facts.night) stats.night += 1;
  bump(stats.byType, row.type);
  bump(stats.byMonth, facts.month);
  stats.byHour[facts.hour]! += 1;
  for (const step of funnelSteps) if (facts.funnel[step]) stats.funnel[step] += 1;
  if (facts.solved) stats.solved += 1;
  if (facts.solvedWithFootage) stats.solvedWithFootage += 1;
  if (facts.solveMinutes !== null) {
    const histogram =
      row.footageHelped === 1 ? stats.minutes.withFootage : stats.minutes.withoutFootage;
    bump(histogram, facts.solveMinutes);
  }
  bump(stats.heat, facts.cell);
}

/** Adds `more` into `into`. */
export function mergeStats(into: CaseStats, more: CaseStats): CaseStats {
  into.total += more.total;
  into.night += more.night;
  for (const [k, n] of more.byType) bump(into.byType, k, n);
  for (const [k, n] of more.byMonth) bump(into.byMonth, k, n);
  more.byHour.forEach((n, hour) => (into.byHour[hour]! += n));
  for (const step of funnelSteps) into.funnel[step] += more.funnel[step];
  into.solved += more.solved;
  into.solvedWithFootage += more.solvedWithFootage;
  for (const [k, n] of more.minutes.withFootage) bump(into.minutes.withFootage, k, n);
  for (const [k, n] of more.minutes.withoutFootage) bump(into.minutes.withoutFootage, k, n);
  for (const [k, n] of more.heat) bump(into.heat, k, n);
  return into;
}

/** Count of a histogram. */
export const histogramCount = (histogram: ReadonlyMap<number, number>): number =>
  [...histogram.values()].reduce((sum, n) => sum + n, 0);

/**
 * The median of a histogram of minutes, in hours to one decimal: the middle value, or the mean
 * of the two middle values when the count is even. Null when it is empty.
 */
export function medianHours(histogram: ReadonlyMap<number, number>): number | null {
  const count = histogramCount(histogram);
  if (count === 0) return null;
  const wanted = [Math.floor((count - 1) / 2), Math.floor(count / 2)];
  const found: number[] = [];
  let seen = 0;
  for (const minutes of [...histogram.keys()].sort((a, b) => a - b)) {
    const n = histogram.get(minutes)!;
    while (found.length < 2 && wanted[found.length]! < seen + n) found.push(minutes);
    seen += n;
    if (found.length === 2) break;
  }
  const median = (found[0]! + found[1]!) / 2;
  return Math.round((median / 60) * 10) / 10;
}

/** A share 0–1 to four decimals; null when there is nothing to share out. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}
