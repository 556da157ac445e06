import { badRequest } from '../../platform/http/errors';
import { addMonths, isMonth, monthOfMs, monthStartMs } from '../period';

// Months of a report in the Vietnam calendar (the analytics calendar in `period.ts`): when a
// month is over, when the schedule makes its report, and how files are named. Pure, so the
// rules are tested alone.

/** Scheduled reports are made after 06:00 on the 1st, once the night's late filings are in. */
export const releaseHour = 6;

const pad = (value: number) => String(value).padStart(2, '0');

export function requireMonth(month: string): void {
  if (!isMonth(month)) throw badRequest(`month must be YYYY-MM, got "${month}"`, 'month');
}

/** The month's first and last day, `YYYY-MM-DD`, as a dashboard period (inclusive). */
export function monthPeriod(month: string): { from: string; to: string } {
  const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
  return { from: `${month}-01`, to: `${month}-${pad(lastDay.getUTCDate())}` };
}

/** A report describes a whole month, so it can be made once the next month has begun. */
export function requireMonthOver(month: string, now: Date): void {
  requireMonth(month);
  const next = addMonths(month, 1);
  if (now.getTime() < monthStartMs(next)) {
    throw badRequest(`the report for ${month} can be made from ${next}-01`, 'month');
  }
}

/** When the schedule makes a month's report: 06:00 Vietnam time on the 1st of the next month. */
export function releaseMs(month: string): number {
  return monthStartMs(addMonths(month, 1)) + releaseHour * 3_600_000;
}

/**
 * The latest month whose report is due at `now`. Before 06:00 on the 1st that is still the
 * month before last, so a restart in those hours catches up on it and on nothing older.
 */
export function dueMonth(now: Date): string {
  const previous = addMonths(monthOfMs(now.getTime()), -1);
  return now.getTime() >= releaseMs(previous) ? previous : addMonths(previous, -1);
}

/** `03/2026`, as Vietnamese documents write a month. */
export function vnMonth(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/** A unit code as a folder or file name: letters, digits, `.`, `_`, `-`, never a dot first. */
export function safeCode(code: string): string {
  const cleaned = code.replace(/[^A-Za-z0-9._-]/g, '_');
  return cleaned.startsWith('.') || cleaned === '' ? `_${cleaned}` : cleaned;
}

/** `bao-cao-camera-00611-2026-03`: ASCII, so every browser and mail client keeps it. */
export function reportFileBase(unitCode: string, month: string): string {
  return `bao-cao-camera-${safeCode(unitCode)}-${month}`;
}
