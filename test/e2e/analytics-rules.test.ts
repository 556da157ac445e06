import { describe, expect, it } from 'vitest';
import type { LeagueRow } from '../../web/src/api/analytics';
import vi from '../../web/src/i18n/analytics.vi.json';
import en from '../../web/src/i18n/analytics.en.json';
import {
  addMonths,
  countRows,
  formatDifference,
  formatHours,
  formatRate,
  formatShare,
  heatRadius,
  isNightHour,
  lastFinishedMonth,
  monthEnd,
  monthLabel,
  nextSort,
  presetOf,
  presetPeriod,
  rolloutWindows,
  scaleBars,
  sortLeague,
  stepPct,
} from '../../web/src/views/analytics/analyticsRules';

// The dashboard's pure decisions (no browser needed): which dates a period preset means on
// Vietnam's calendar, how shares, rates and differences read, how bars scale, how the league
// table sorts.

const nbsp = '\u00a0';
/** An instant given as Vietnam wall-clock time (UTC+7). */
const vietnam = (local: string) => Date.parse(`${local}+07:00`);

describe('period presets on the Vietnamese calendar', () => {
  it('counts the current month as the first of the last N months, through today', () => {
    const now = vietnam('2026-03-15T10:00:00');
    expect(presetPeriod('thisMonth', now)).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(presetPeriod('last3', now)).toEqual({ from: '2026-01-01', to: '2026-03-15' });
    expect(presetPeriod('last6', now)).toEqual({ from: '2025-10-01', to: '2026-03-15' });
    expect(presetPeriod('last12', now)).toEqual({ from: '2025-04-01', to: '2026-03-15' });
    expect(presetPeriod('last18', now)).toEqual({ from: '2024-10-01', to: '2026-03-15' });
  });

  it('takes the day from Vietnam time, not UTC, around midnight', () => {
    // 00:30 on 1 April in Hà Nội is still 31 March in UTC.
    const now = vietnam('2026-04-01T00:30:00');
    expect(presetPeriod('thisMonth', now)).toEqual({ from: '2026-04-01', to: '2026-04-01' });
    expect(lastFinishedMonth(now)).toBe('2026-03');
    // 23:30 on 31 March in Hà Nội: March is not over yet.
    expect(lastFinishedMonth(vietnam('2026-03-31T23:30:00'))).toBe('2026-02');
  });

  it('recognises a preset from its dates and calls anything else custom', () => {
    const now = vietnam('2026-03-15T10:00:00');
    expect(presetOf({ from: '2025-10-01', to: '2026-03-15' }, now)).toBe('last6');
    expect(presetOf({ from: '2025-10-02', to: '2026-03-15' }, now)).toBe('custom');
  });

  it('moves months across years and finds the last day of any month', () => {
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-11', 14)).toBe('2026-01');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2025-02')).toBe('2025-02-28');
    expect(monthEnd('2025-12')).toBe('2025-12-31');
    expect(monthLabel('2025-03')).toBe('03/2025');
  });

  it('leaves the roll-out month out of both the months before and after it', () => {
    expect(rolloutWindows('2025-03', 6, 6)).toEqual({
      before: { from: '2024-09-01', to: '2025-02-28' },
      after: { from: '2025-04-01', to: '2025-09-30' },
    });
  });

  it('stops the months after at those that have ended, and has none right after a roll-out', () => {
    expect(rolloutWindows('2025-11', 6, 2).after).toEqual({ from: '2025-12-01', to: '2026-01-31' });
    expect(rolloutWindows('2026-03', 6, 0).after).toBeNull();
  });
});

describe('figures as people read them', () => {
  it('shows a share held as a fraction as a percentage with one decimal', () => {
    expect(formatShare(0.4567, 'vi')).toBe(`45,7${nbsp}%`);
    expect(formatShare(0.4567, 'en')).toBe(`45.7${nbsp}%`);
    expect(formatShare(1, 'vi')).toBe(`100,0${nbsp}%`);
    expect(formatShare(0, 'en')).toBe(`0.0${nbsp}%`);
  });

  it('shows an unknown share, rate or median as a dash, never as zero', () => {
    expect(formatShare(null, 'vi')).toBe('—');
    expect(formatRate(null, 'vi')).toBe('—');
    expect(formatHours(null, 'en')).toBe('—');
    expect(formatDifference(null, 'vi')).toBe('—');
  });

  it('gives rates and hours one decimal', () => {
    expect(formatRate(3.25, 'vi')).toBe('3,3');
    expect(formatRate(1234.5, 'en')).toBe('1,234.5');
    expect(formatHours(36, 'vi')).toBe('36,0');
  });

  it('always signs a difference, with a true minus sign', () => {
    expect(formatDifference(-0.84, 'vi')).toBe('\u22120,8');
    expect(formatDifference(1.2, 'en')).toBe('+1.2');
    expect(formatDifference(0.01, 'en')).toBe('±0.0');
  });

  it('gives each funnel step as a share of the step before, none after an empty step', () => {
    expect(stepPct(45, 60)).toBe(75);
    expect(stepPct(1, 3)).toBe(33.3);
    expect(stepPct(0, 0)).toBeNull();
  });

  it('counts 18:00 to 05:59 as night', () => {
    const night = Array.from({ length: 24 }, (_, hour) => hour).filter(isNightHour);
    expect(night).toEqual([0, 1, 2, 3, 4, 5, 18, 19, 20, 21, 22, 23]);
  });

  it('lists counts largest first, ties by name', () => {
    expect(countRows({ theft: 3, robbery: 5, burglary: 3 })).toEqual([
      ['robbery', 5],
      ['burglary', 3],
      ['theft', 3],
    ]);
  });
});

describe('bars', () => {
  it('scales the largest value to the full length and the rest in proportion', () => {
    expect(scaleBars([10, 5, 0, 2.5], 110)).toEqual([110, 55, 0, 27.5]);
    expect(scaleBars([1, 2, 3], 100)).toEqual([33.3, 66.7, 100]);
  });

  it('draws nothing when every value is zero, and never a negative bar', () => {
    expect(scaleBars([0, 0], 100)).toEqual([0, 0]);
    expect(scaleBars([], 100)).toEqual([]);
    expect(scaleBars([-1, 4], 100)).toEqual([0, 100]);
  });

  it('gives heat circles an area in proportion to their count', () => {
    expect(heatRadius(100, 100)).toBe(22);
    expect(heatRadius(25, 100)).toBe(13);
    expect(heatRadius(0, 100)).toBe(4);
  });

  it('keeps circles small when even the busiest place has few cases', () => {
    expect(heatRadius(1, 1)).toBe(7.6);
    expect(heatRadius(25, 25)).toBe(22);
  });
});

describe('league table', () => {
  const row = (name: string, incidents: number, per1000: number | null): LeagueRow => ({
    unitId: name,
    name,
    level: 'commune',
    incidents,
    solved: 0,
    solvedWithFootage: 0,
    solvedWithFootageShare: null,
    camerasInstalled: 0,
    camerasPer1000: per1000,
    coveragePct: null,
  });
  const rows = [row('Xuân Đỉnh', 5, 2.5), row('Cổ Nhuế', 9, null), row('Đông Ngạc', 5, 4)];

  it('sorts by a count either way, ties by name', () => {
    const names = (sorted: LeagueRow[]) => sorted.map((r) => r.name);
    expect(names(sortLeague(rows, 'incidents', 'desc'))).toEqual([
      'Cổ Nhuế',
      'Đông Ngạc',
      'Xuân Đỉnh',
    ]);
    expect(names(sortLeague(rows, 'incidents', 'asc'))).toEqual([
      'Đông Ngạc',
      'Xuân Đỉnh',
      'Cổ Nhuế',
    ]);
  });

  it('puts unknown values last whichever the direction', () => {
    const last = (direction: 'asc' | 'desc') =>
      sortLeague(rows, 'camerasPer1000', direction).at(-1)?.name;
    expect(last('asc')).toBe('Cổ Nhuế');
    expect(last('desc')).toBe('Cổ Nhuế');
  });

  it('flips a column clicked twice and starts a new count column largest first', () => {
    expect(nextSort({ column: 'incidents', direction: 'desc' }, 'incidents')).toEqual({
      column: 'incidents',
      direction: 'asc',
    });
    expect(nextSort({ column: 'incidents', direction: 'asc' }, 'solved')).toEqual({
      column: 'solved',
      direction: 'desc',
    });
    expect(nextSort({ column: 'incidents', direction: 'desc' }, 'name').direction).toBe('asc');
  });
});

describe('the catalogues', () => {
  it('carry the same keys in Vietnamese and English, none left empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const text of [...Object.values(vi), ...Object.values(en)]) expect(text).toMatch(/\S/);
  });
});
