import { isCalendarDate } from '../jurisdictions/jurisdiction-tree';
import type { CoverageTargetTable } from '../platform/db/schema';
import { badRequest } from '../platform/http/errors';
import { normalizeText } from '../platform/text';

// A target as a city leader sets it: so many cameras, or so much of the street length covered,
// by a date. Checked field by field so the refusal names the one at fault.

export const targetMetrics = ['cameras', 'coverage_pct'] as const;
export type TargetMetric = CoverageTargetTable['metric'];

export interface TargetInput {
  unitId: string;
  metric: TargetMetric;
  targetValue: number;
  dueOn: string;
  note?: string | null | undefined;
}

export function checkTarget(
  input: Omit<TargetInput, 'unitId'>,
): Pick<CoverageTargetTable, 'metric' | 'target_value' | 'due_on' | 'note'> {
  const value = input.targetValue;
  if (!Number.isFinite(value) || value <= 0) {
    throw badRequest('targetValue must be more than 0', 'targetValue');
  }
  if (input.metric === 'cameras' && !Number.isSafeInteger(value)) {
    throw badRequest('a camera target is a whole number of cameras', 'targetValue');
  }
  if (input.metric === 'coverage_pct' && value > 100) {
    throw badRequest('a coverage target is a percentage, at most 100', 'targetValue');
  }
  if (!isCalendarDate(input.dueOn)) {
    throw badRequest('dueOn must be a date written YYYY-MM-DD', 'dueOn');
  }
  const note = normalizeText(input.note ?? '');
  if (note.length > 1000) throw badRequest('note may be at most 1000 characters', 'note');
  return {
    metric: input.metric,
    target_value: value,
    due_on: input.dueOn,
    note: note.length === 0 ? null : note,
  };
}
