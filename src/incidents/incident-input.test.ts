import { describe, expect, it } from 'vitest';
import type { IncidentTable } from '../platform/db/schema';
import { AppError } from '../platform/http/errors';
import {
  checkIncident,
  checkPatch,
  checkPhone,
  formatCaseNumber,
  vietnamYear,
  type IncidentInput,
} from './incident-input';

const nowMs = Date.parse('2026-03-01T08:00:00Z');
const valid: IncidentInput = {
  type: 'theft',
  description: 'Mất trộm xe máy',
  latitude: 21.0752,
  longitude: 105.7871,
  from: '2026-03-01T05:00:00Z',
  to: '2026-03-01T07:00:00Z',
};

function fieldOf(action: () => unknown): [number, string | undefined] {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return [error.status, error.field];
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('incident input', () => {
  it('accepts a case and normalises its text, blank optional text becoming null', () => {
    const checked = checkIncident(
      {
        ...valid,
        description: '  Cướp giật túi xách  ',
        address: '   ',
        reporterName: ' Nguyễn Văn A ',
        reporterPhone: '+84 912.345-678',
      },
      nowMs,
    );
    expect(checked).toEqual({
      type: 'theft',
      description: 'Cướp giật túi xách',
      latitude: 21.0752,
      longitude: 105.7871,
      address: null,
      fromMs: Date.parse(valid.from),
      toMs: Date.parse(valid.to),
      reporterName: 'Nguyễn Văn A',
      reporterPhone: '+84912345678',
    });
  });

  it('names the field of each bad input', () => {
    expect(fieldOf(() => checkIncident({ ...valid, type: 'arson' }, nowMs))).toEqual([400, 'type']);
    expect(fieldOf(() => checkIncident({ ...valid, description: '  ' }, nowMs))).toEqual([
      400,
      'description',
    ]);
    expect(
      fieldOf(() => checkIncident({ ...valid, description: 'x'.repeat(2001) }, nowMs)),
    ).toEqual([400, 'description']);
    expect(
      fieldOf(() => checkIncident({ ...valid, from: '2026-02-26T07:00:00Z', to: valid.to }, nowMs)),
    ).toEqual([400, 'to']);
    expect(
      fieldOf(() =>
        checkIncident(
          { ...valid, from: '2026-03-01T09:00:00Z', to: '2026-03-01T10:00:00Z' },
          nowMs,
        ),
      ),
    ).toEqual([400, 'from']);
    expect(fieldOf(() => checkIncident({ ...valid, latitude: 91 }, nowMs))).toEqual([
      400,
      'latitude',
    ]);
    expect(fieldOf(() => checkIncident({ ...valid, reporterPhone: '12345' }, nowMs))).toEqual([
      400,
      'reporterPhone',
    ]);
  });

  it('checks phone numbers: 8 to 15 digits with an optional leading +', () => {
    expect(checkPhone('0912345678')).toBe('0912345678');
    expect(checkPhone('')).toBeNull();
    expect(checkPhone(null)).toBeNull();
    expect(fieldOf(() => checkPhone('09123abc78'))[1]).toBe('reporterPhone');
    expect(fieldOf(() => checkPhone('1234567890123456'))[1]).toBe('reporterPhone');
    expect(fieldOf(() => checkPhone('84+912345678'))[1]).toBe('reporterPhone');
  });

  it('checks an edited window whole, keeping the end not given', () => {
    const row = {
      latitude: valid.latitude,
      longitude: valid.longitude,
      from_ms: Date.parse(valid.from),
      to_ms: Date.parse(valid.to),
    } as IncidentTable;
    expect(checkPatch(row, { from: '2026-03-01T04:00:00Z' }, nowMs)).toEqual({
      from_ms: Date.parse('2026-03-01T04:00:00Z'),
      to_ms: Date.parse(valid.to),
    });
    expect(fieldOf(() => checkPatch(row, { from: '2026-02-28T07:00:00Z' }, nowMs))).toEqual([
      400,
      'to',
    ]);
    expect(checkPatch(row, { address: 'Số 5 ngõ 12' }, nowMs)).toEqual({ address: 'Số 5 ngõ 12' });
  });

  it('numbers cases in the Vietnamese year: 31 December 18:00 UTC is already next year', () => {
    expect(vietnamYear(new Date('2025-12-31T16:59:59Z'))).toBe(2025);
    expect(vietnamYear(new Date('2025-12-31T17:00:00Z'))).toBe(2026);
    expect(formatCaseNumber('00611', 2026, 1)).toBe('00611-2026-0001');
    expect(formatCaseNumber('00611', 2026, 12345)).toBe('00611-2026-12345');
  });
});
