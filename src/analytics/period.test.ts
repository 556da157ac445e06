import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/http/errors';
import { addMonths, hourOfMs, isNightHour, monthOfMs, parsePeriod, splitPeriod } from './period';

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.field ?? ''}`;
    throw error;
  }
  return 'accepted';
};

describe('periods', () => {
  it('turns two Vietnamese days into a half-open range of instants and its months', () => {
    const period = parsePeriod({ from: '2025-01-31', to: '2025-03-01' }, '2025-06-01');
    expect(new Date(period.fromMs).toISOString()).toBe('2025-01-30T17:00:00.000Z');
    expect(new Date(period.toMs).toISOString()).toBe('2025-03-01T17:00:00.000Z');
    expect(period.months).toEqual(['2025-01', '2025-02', '2025-03']);
  });

  it('names `to` when the period ends before it starts, `from` when it is all in the future', () => {
    expect(refusal(() => parsePeriod({ from: '2025-03-02', to: '2025-03-01' }, '2025-06-01'))).toBe(
      '400 to',
    );
    expect(refusal(() => parsePeriod({ from: '2025-06-02', to: '2025-07-01' }, '2025-06-01'))).toBe(
      '400 from',
    );
    expect(refusal(() => parsePeriod({ from: '2025-02-30', to: '2025-03-01' }, '2025-06-01'))).toBe(
      '400 from',
    );
    expect(refusal(() => parsePeriod({ from: '2025-02-01', to: '2025-3-1' }, '2025-06-01'))).toBe(
      '400 to',
    );
    // Reaching past today is fine: this month so far.
    expect(refusal(() => parsePeriod({ from: '2025-06-01', to: '2025-06-30' }, '2025-06-01'))).toBe(
      'accepted',
    );
  });

  it('splits a period into whole months and the part months at its ends', () => {
    const whole = parsePeriod({ from: '2025-01-01', to: '2025-03-31' }, '2025-06-01');
    expect(splitPeriod(whole)).toEqual({ whole: ['2025-01', '2025-02', '2025-03'], partial: [] });
    const ragged = parsePeriod({ from: '2025-01-15', to: '2025-04-10' }, '2025-06-01');
    const split = splitPeriod(ragged);
    expect(split.whole).toEqual(['2025-02', '2025-03']);
    expect(split.partial.map((r) => [monthOfMs(r.fromMs), monthOfMs(r.toMs - 1)])).toEqual([
      ['2025-01', '2025-01'],
      ['2025-04', '2025-04'],
    ]);
    const inside = parsePeriod({ from: '2025-01-05', to: '2025-01-20' }, '2025-06-01');
    expect(splitPeriod(inside)).toEqual({
      whole: [],
      partial: [{ fromMs: inside.fromMs, toMs: inside.toMs }],
    });
  });

  it('reads hours and months in Vietnam time and calls 18:00–05:59 night', () => {
    const at = Date.parse('2025-03-31T23:30:00+07:00');
    expect(hourOfMs(at)).toBe(23);
    expect(monthOfMs(at)).toBe('2025-03');
    expect(monthOfMs(Date.parse('2025-03-31T17:00:00Z'))).toBe('2025-04');
    expect([5, 6, 17, 18, 0].map(isNightHour)).toEqual([true, false, false, true, true]);
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-11', 14)).toBe('2026-01');
  });
});
