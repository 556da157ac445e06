import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors';
import { formatValue, shareOf } from './report-format';
import {
  dueMonth,
  monthPeriod,
  releaseMs,
  reportFileBase,
  requireMonthOver,
  safeCode,
  vnMonth,
} from './report-month';
import { dueReports, pathsWithin } from './schedule-plan';

/** An instant given in Vietnam time. */
const vn = (local: string) => new Date(`${local}+07:00`);

function rejection(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('report months', () => {
  it('spans the whole calendar month, leap days included', () => {
    expect(monthPeriod('2026-03')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(monthPeriod('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthPeriod('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(vnMonth('2026-03')).toBe('03/2026');
  });

  it('refuses a month that is not over yet in Vietnam, naming month and when it can be made', () => {
    const error = rejection(() => requireMonthOver('2026-12', vn('2026-12-31T23:59:59')));
    expect(error.status).toBe(400);
    expect(error.field).toBe('month');
    expect(error.message).toBe('the report for 2026-12 can be made from 2027-01-01');
    // 00:00 on the 1st in Vietnam is still 31 December in UTC, and the month is over.
    expect(() => requireMonthOver('2026-12', vn('2027-01-01T00:00:00'))).not.toThrow();
  });

  it('refuses a malformed month, naming month', () => {
    expect(rejection(() => requireMonthOver('2026-13', vn('2027-05-01T00:00:00'))).field).toBe(
      'month',
    );
  });
});

describe('which reports are due', () => {
  it('makes the previous month from 06:00 on the 1st, Vietnam time', () => {
    expect(releaseMs('2026-03')).toBe(vn('2026-04-01T06:00:00').getTime());
    expect(dueMonth(vn('2026-04-01T06:00:00'))).toBe('2026-03');
    expect(dueMonth(vn('2026-04-20T12:00:00'))).toBe('2026-03');
    expect(dueMonth(vn('2026-01-01T07:00:00'))).toBe('2025-12');
  });

  it('before 06:00 on the 1st catches up on the month before last only', () => {
    expect(dueMonth(vn('2026-04-01T05:59:59'))).toBe('2026-02');
    expect(dueMonth(vn('2026-01-01T03:00:00'))).toBe('2025-11');
  });

  it('lists a unit only for the files it still lacks, and nothing once both exist', () => {
    const units = [{ code: 'A' }, { code: 'B' }, { code: 'C' }];
    const files = new Set(['B/2026-03.pdf', 'C/2026-03.pdf', 'C/2026-03.xlsx', 'A/2026-02.pdf']);
    const due = dueReports(vn('2026-04-02T08:00:00'), units, (unit, month, format) =>
      files.has(`${unit.code}/${month}.${format}`),
    );
    expect(due).toEqual([
      { unit: { code: 'A' }, month: '2026-03', formats: ['pdf', 'xlsx'] },
      { unit: { code: 'B' }, month: '2026-03', formats: ['xlsx'] },
    ]);
    const all = new Set(['A', 'B', 'C'].flatMap((c) => [`${c}/2026-03.pdf`, `${c}/2026-03.xlsx`]));
    expect(
      dueReports(vn('2026-04-02T08:00:00'), units, (u, m, f) => all.has(`${u.code}/${m}.${f}`)),
    ).toEqual([]);
  });

  it('finds every unit above the records’ own units', () => {
    expect([...pathsWithin(['/p/d/w/g/', '/p/d/w2/'])].sort()).toEqual([
      '/p/',
      '/p/d/',
      '/p/d/w/',
      '/p/d/w/g/',
      '/p/d/w2/',
    ]);
  });
});

describe('report file names and figures', () => {
  it('names files in ASCII and keeps unit codes safe as folder names', () => {
    expect(reportFileBase('00611', '2026-03')).toBe('bao-cao-camera-00611-2026-03');
    expect(safeCode('00611-TX1')).toBe('00611-TX1');
    expect(safeCode('../x')).toBe('_.._x');
    expect(safeCode('a/b c')).toBe('a_b_c');
  });

  it('prints figures the Vietnamese way and a missing rate as a dash, not a zero', () => {
    expect(formatValue(1234567, 'count')).toBe('1.234.567');
    expect(formatValue(150_000_000, 'vnd')).toBe('150.000.000 đ');
    expect(formatValue(0.625, 'share')).toBe('62,5 %');
    expect(formatValue(97.25, 'percent')).toBe('97,3 %');
    expect(formatValue(18.5, 'hours')).toBe('18,5 giờ');
    expect(formatValue(-2.83, 'rateChange')).toBe('-2,83');
    expect(formatValue(2, 'change')).toBe('+2');
    expect(formatValue('2025-09', 'month')).toBe('09/2025');
    expect(formatValue(null, 'share')).toBe('—');
    expect(formatValue(null, 'hours')).toBe('—');
    expect(shareOf(3, 8)).toBe('37,5 % số vụ');
    expect(shareOf(0, 0)).toBeUndefined();
  });
});
