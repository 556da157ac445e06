// The dashboard's decisions, free of React so they can be tested alone: which dates a period
// preset means in Vietnam, how shares, rates and hours read, how bars are scaled, and how the
// league table sorts.
import type { LeagueRow } from '../../api/analytics';
import type { Language } from '../../i18n/i18n';
import { vietnamToday } from '../planning/planningRules';

const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

export const periodPresets = ['thisMonth', 'last3', 'last6', 'last12', 'last18', 'custom'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export interface Period {
  from: string;
  to: string;
}

const presetMonths: Record<Exclude<PeriodPreset, 'custom'>, number> = {
  thisMonth: 1,
  last3: 3,
  last6: 6,
  last12: 12,
  last18: 18,
};

/** "2025-03" moved by `delta` months: ("2025-01", -1) → "2024-12". */
export function addMonths(month: string, delta: number): string {
  const [year = 0, monthNumber = 1] = month.split('-').map(Number);
  const index = year * 12 + (monthNumber - 1) + delta;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/**
 * A preset as dates on Vietnam's calendar: the last N calendar months counting the current
 * one, from the 1st of the earliest through today (the current month is not over yet, and a
 * period reaching into the future would count days that have had no chance to hold a case).
 */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, nowMs: number): Period {
  const today = vietnamToday(nowMs);
  const first = addMonths(today.slice(0, 7), 1 - presetMonths[preset]);
  return { from: `${first}-01`, to: today };
}

/** Which preset a period is (so the picker shows it), or "custom". */
export function presetOf(period: Period, nowMs: number): PeriodPreset {
  for (const preset of periodPresets) {
    if (preset === 'custom') continue;
    const candidate = presetPeriod(preset, nowMs);
    if (candidate.from === period.from && candidate.to === period.to) return preset;
  }
  return 'custom';
}

/** The last month that is over, in Vietnam: the newest month a report can be made for. */
export function lastFinishedMonth(nowMs: number): string {
  return addMonths(vietnamToday(nowMs).slice(0, 7), -1);
}

/** "2025-03" → "03/2025", as Vietnamese writes a month. */
export function monthLabel(month: string): string {
  const [year = '', monthNumber = ''] = month.split('-');
  return `${monthNumber}/${year}`;
}

function decimal(value: number, language: Language, digits: number): string {
  return new Intl.NumberFormat(locales[language], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A share held as a fraction (0.456) → "45,6 %" (vi) / "45.6 %" (en); null → "—". */
export function formatShare(share: number | null | undefined, language: Language): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${decimal(Math.round(share * 1000) / 10, language, 1)}\u00a0%`;
}

/** Incidents per month with one decimal: 3.25 → "3,3" (vi); null → "—". */
export function formatRate(rate: number | null | undefined, language: Language): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return decimal(rate, language, 1);
}

/** A difference with its sign always shown (a true minus sign): -0.84 → "−0,8", 1.2 → "+1,2". */
export function formatDifference(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const rounded = Math.round(value * 10) / 10;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '\u2212' : '±';
  return `${sign}${decimal(Math.abs(rounded), language, 1)}`;
}

/** Hours to solve with one decimal: 36.04 → "36,0"; null → "—". */
export function formatHours(hours: number | null | undefined, language: Language): string {
  return formatRate(hours, language);
}

/** A funnel step as a percentage of the step before it, one decimal; null when that was 0. */
export function stepPct(count: number, previous: number): number | null {
  if (previous <= 0) return null;
  return Math.round((count / previous) * 1000) / 10;
}

/**
 * Bar lengths for values drawn on `size` pixels: the largest value fills it and the rest are
 * proportional (one decimal, so equal values draw equal bars); all zeros draw nothing.
 */
export function scaleBars(values: readonly number[], size: number): number[] {
  const max = Math.max(0, ...values);
  if (max === 0) return values.map(() => 0);
  return values.map((value) => Math.round((Math.max(0, value) / max) * size * 10) / 10);
}

/** Night is 18:00–05:59 Vietnam time, as the server counts it. */
export const isNightHour = (hour: number) => hour >= 18 || hour < 6;

/**
 * A heat circle's radius in pixels, from 4 to 22, its area in proportion to the count. A map
 * whose busiest place has few cases keeps small circles (scaled as if the busiest had 25), so
 * single cases do not draw as large blots.
 */
export function heatRadius(n: number, max: number): number {
  if (max <= 0 || n <= 0) return 4;
  return Math.round((4 + 18 * Math.sqrt(n / Math.max(max, 25))) * 10) / 10;
}

/** An object of counts as rows, largest first, then by name so the order is stable. */
export function countRows<K extends string>(counts: Partial<Record<K, number>>): [K, number][] {
  return (Object.entries(counts) as [K, number | undefined][])
    .map(([key, n]): [K, number] => [key, n ?? 0])
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export const leagueColumns = [
  'name',
  'incidents',
  'solved',
  'solvedWithFootage',
  'solvedWithFootageShare',
  'camerasInstalled',
  'camerasPer1000',
  'coveragePct',
] as const;
export type LeagueColumn = (typeof leagueColumns)[number];
export type SortDirection = 'asc' | 'desc';

/**
 * League rows sorted by a column. Unknown values (null: no population, no solved case) go last
 * whichever the direction, so they never pose as the best or the worst; ties keep name order.
 */
export function sortLeague(
  rows: readonly LeagueRow[],
  column: LeagueColumn,
  direction: SortDirection,
): LeagueRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (column === 'name') return sign * a.name.localeCompare(b.name, 'vi');
    const x = a[column];
    const y = b[column];
    if (x === null || y === null) {
      if (x === y) return a.name.localeCompare(b.name, 'vi');
      return x === null ? 1 : -1;
    }
    return sign * (x - y) || a.name.localeCompare(b.name, 'vi');
  });
}

/** A new sort: the same column flips, another column starts with the largest first. */
export function nextSort(
  current: { column: LeagueColumn; direction: SortDirection },
  column: LeagueColumn,
): { column: LeagueColumn; direction: SortDirection } {
  if (current.column === column)
    return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: column === 'name' ? 'asc' : 'desc' };
}

/** The last day of a month: "2024-02" → "2024-02-29". */
export function monthEnd(month: string): string {
  const [year = 0, monthNumber = 1] = month.split('-').map(Number);
  const day = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/**
 * The months before a roll-out month and those after it that have ended, as periods (the
 * roll-out month itself belongs to neither: cameras were going in during it). A side with no
 * month is null.
 */
export function rolloutWindows(
  rolloutMonth: string,
  beforeMonths: number,
  afterMonths: number,
): { before: Period | null; after: Period | null } {
  return {
    before:
      beforeMonths > 0
        ? {
            from: `${addMonths(rolloutMonth, -beforeMonths)}-01`,
            to: monthEnd(addMonths(rolloutMonth, -1)),
          }
        : null,
    after:
      afterMonths > 0
        ? {
            from: `${addMonths(rolloutMonth, 1)}-01`,
            to: monthEnd(addMonths(rolloutMonth, afterMonths)),
          }
        : null,
  };
}
