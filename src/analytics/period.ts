import { isCalendarDate } from '../jurisdictions/jurisdiction-tree';
import { badRequest } from '../platform/http/errors';

// The calendar of the figures: periods are Vietnamese calendar days (UTC+7 all year, no
// daylight saving since 1975, so a fixed offset is exact), and a case belongs to the day, hour
// and month in which it happened (`from_ms`), not the day it was reported.

export const vietnamOffsetMs = 7 * 3_600_000;
export const dayMs = 86_400_000;
export const hourMs = 3_600_000;

export interface Period {
  from: string;
  to: string;
  /** First instant of `from` in Việt Nam. */
  fromMs: number;
  /** First instant after `to` (exclusive), so a period is `[fromMs, toMs)`. */
  toMs: number;
  /** Every calendar month the period touches, `YYYY-MM`, oldest first. */
  months: string[];
}

/** First instant (UTC ms) of a Vietnamese calendar day. */
export function dayStartMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - vietnamOffsetMs;
}

/** First instant of a month `YYYY-MM`. */
export function monthStartMs(month: string): number {
  return dayStartMs(`${month}-01`);
}

/** The month after `YYYY-MM`, or `n` months later (negative: earlier). */
export function addMonths(month: string, n: number): string {
  const year = Number(month.slice(0, 4));
  const index = year * 12 + Number(month.slice(5, 7)) - 1 + n;
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String(index - y * 12 + 1).padStart(2, '0')}`;
}

export function monthEndMs(month: string): number {
  return monthStartMs(addMonths(month, 1));
}

/** Months from `first` to `last`, both included. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The Vietnamese calendar month of an instant. */
export function monthOfMs(ms: number): string {
  return new Date(ms + vietnamOffsetMs).toISOString().slice(0, 7);
}

/** Hour of the day (0–23) of an instant in Việt Nam. */
export function hourOfMs(ms: number): number {
  return Math.floor(((((ms + vietnamOffsetMs) % dayMs) + dayMs) % dayMs) / hourMs);
}

/** Night is 18:00–05:59: the hours when most thefts happen and cameras see worst. */
export function isNightHour(hour: number): boolean {
  return hour >= 18 || hour < 6;
}

export const isMonth = (value: string): boolean =>
  /^\d{4}-(0[1-9]|1[0-2])$/.test(value) && Number(value.slice(0, 4)) >= 1970;

/**
 * A period from two dates (both included), checked: each a real date, `to` not before `from`,
 * and not wholly in the future (`from` after `today`). A period reaching past today is fine.
 */
export function parsePeriod(input: { from: string; to: string }, today: string): Period {
  if (!isCalendarDate(input.from)) throw badRequest('from must be a date YYYY-MM-DD', 'from');
  if (!isCalendarDate(input.to)) throw badRequest('to must be a date YYYY-MM-DD', 'to');
  if (input.from < '1970-01-01') throw badRequest('from must be 1970 or later', 'from');
  if (input.to < input.from) {
    throw badRequest(`the period ends (${input.to}) before it starts (${input.from})`, 'to');
  }
  if (input.from > today) {
    throw badRequest(`the period starts after today (${today}): there is nothing yet`, 'from');
  }
  const fromMs = dayStartMs(input.from);
  const toMs = dayStartMs(input.to) + dayMs;
  return {
    from: input.from,
    to: input.to,
    fromMs,
    toMs,
    months: monthsBetween(input.from.slice(0, 7), input.to.slice(0, 7)),
  };
}

export interface PeriodSplit {
  /** Months wholly inside the period. */
  whole: string[];
  /** The parts of the edge months inside the period, as `[fromMs, toMs)` ranges. */
  partial: { fromMs: number; toMs: number }[];
}

/** Splits a period into whole months (read from the monthly rollup) and the pieces left over. */
export function splitPeriod(period: Pick<Period, 'fromMs' | 'toMs' | 'months'>): PeriodSplit {
  const whole = period.months.filter(
    (month) => monthStartMs(month) >= period.fromMs && monthEndMs(month) <= period.toMs,
  );
  if (whole.length === 0) return { whole, partial: [{ fromMs: period.fromMs, toMs: period.toMs }] };
  const partial: PeriodSplit['partial'] = [];
  const start = monthStartMs(whole[0]!);
  const end = monthEndMs(whole.at(-1)!);
  if (period.fromMs < start) partial.push({ fromMs: period.fromMs, toMs: start });
  if (end < period.toMs) partial.push({ fromMs: end, toMs: period.toMs });
  return { whole, partial };
}
