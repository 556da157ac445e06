import type { IncidentTable } from '../platform/db/schema';
import { badRequest } from '../platform/http/errors';
import { normalizeText } from '../platform/text';
import { parseFinderQuery } from './finder';
import { isIncidentType, type IncidentType } from './incident.vocabulary';

// Checks what an officer types about a case, naming the field at fault. The place and window
// follow the finder's rules (a window of at most 12 hours that has begun), because the finder,
// holds and footage requests all work on that window.

export const descriptionLimit = 2000;
const shortTextLimit = { address: 300, reporterName: 200 } as const;

export interface IncidentInput {
  type: string;
  description: string;
  latitude: number;
  longitude: number;
  address?: string | null | undefined;
  from: string;
  to: string;
  reporterName?: string | null | undefined;
  reporterPhone?: string | null | undefined;
}

export type IncidentPatch = Partial<Omit<IncidentInput, 'latitude' | 'longitude'>>;

export interface CheckedIncident {
  type: IncidentType;
  description: string;
  latitude: number;
  longitude: number;
  address: string | null;
  fromMs: number;
  toMs: number;
  reporterName: string | null;
  reporterPhone: string | null;
}

export function checkType(value: string): IncidentType {
  if (!isIncidentType(value)) throw badRequest('type is not a known incident type', 'type');
  return value;
}

export function checkDescription(value: string): string {
  const text = normalizeText(value);
  if (text.length === 0) throw badRequest('a description is required', 'description');
  if (text.length > descriptionLimit) {
    throw badRequest(
      `the description may be at most ${descriptionLimit} characters`,
      'description',
    );
  }
  return text;
}

/** Optional short text: blank is null. */
function optionalText(
  value: string | null | undefined,
  field: keyof typeof shortTextLimit,
): string | null {
  const text = normalizeText(value ?? '');
  if (text.length === 0) return null;
  if (text.length > shortTextLimit[field]) {
    throw badRequest(`${field} may be at most ${shortTextLimit[field]} characters`, field);
  }
  return text;
}

/** Digits, 8 to 15 of them, an optional leading +; spaces, dots and dashes typed between are dropped. */
export function checkPhone(value: string | null | undefined): string | null {
  const compact = (value ?? '').replace(/[\s.-]/g, '');
  if (compact.length === 0) return null;
  if (!/^\+?\d{8,15}$/.test(compact)) {
    throw badRequest('reporterPhone must be 8 to 15 digits, optionally after a +', 'reporterPhone');
  }
  return compact;
}

/** A new case's fields, checked; the window must have begun before `nowMs`. */
export function checkIncident(input: IncidentInput, nowMs: number): CheckedIncident {
  const type = checkType(input.type);
  const description = checkDescription(input.description);
  const { latitude, longitude, fromMs, toMs } = parseFinderQuery(
    { latitude: input.latitude, longitude: input.longitude, from: input.from, to: input.to },
    nowMs,
  );
  return {
    type,
    description,
    latitude,
    longitude,
    address: optionalText(input.address, 'address'),
    fromMs,
    toMs,
    reporterName: optionalText(input.reporterName, 'reporterName'),
    reporterPhone: checkPhone(input.reporterPhone),
  };
}

/** The row changes of an edit; a new window is checked whole, with the end or start it keeps. */
export function checkPatch(
  row: IncidentTable,
  patch: IncidentPatch,
  nowMs: number,
): Partial<IncidentTable> {
  const changes: Partial<IncidentTable> = {};
  if (patch.type !== undefined) changes.type = checkType(patch.type);
  if (patch.description !== undefined) changes.description = checkDescription(patch.description);
  if (patch.address !== undefined) changes.address = optionalText(patch.address, 'address');
  if (patch.reporterName !== undefined) {
    changes.reporter_name = optionalText(patch.reporterName, 'reporterName');
  }
  if (patch.reporterPhone !== undefined) changes.reporter_phone = checkPhone(patch.reporterPhone);
  if (patch.from !== undefined || patch.to !== undefined) {
    const { fromMs, toMs } = parseFinderQuery(
      {
        latitude: row.latitude,
        longitude: row.longitude,
        from: patch.from ?? new Date(Number(row.from_ms)).toISOString(),
        to: patch.to ?? new Date(Number(row.to_ms)).toISOString(),
      },
      nowMs,
    );
    changes.from_ms = fromMs;
    changes.to_ms = toMs;
  }
  return changes;
}

/** The year a case is numbered in: the calendar year in Việt Nam (UTC+7) when it was opened. */
export function vietnamYear(at: Date): number {
  return new Date(at.getTime() + 7 * 3_600_000).getUTCFullYear();
}

/** `00611-2026-0001`: the ward's code, the year, and the ward's count of cases that year. */
export function formatCaseNumber(unitCode: string, year: number, seq: number): string {
  return `${unitCode}-${year}-${String(seq).padStart(4, '0')}`;
}
