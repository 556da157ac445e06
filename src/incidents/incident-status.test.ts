import { describe, expect, it } from 'vitest';
import type { IncidentStatus } from '../platform/db/schema';
import { AppError } from '../platform/http/errors';
import { planStatusChange, readHelpedBy, type StatusInput } from './incident-status';

const now = '2026-03-01T08:00:00.000Z';

function refusal(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const move = (from: IncidentStatus, input: StatusInput) =>
  planStatusChange({ status: from }, input, now);

describe('incident lifecycle', () => {
  it('moves an open case to investigating and stamps when', () => {
    expect(move('open', { status: 'investigating' })).toEqual({
      status: 'investigating',
      investigating_at: now,
      updated_at: now,
    });
  });

  it('solves a case with footage that identified the suspect and the vehicle', () => {
    expect(
      move('investigating', {
        status: 'solved',
        footageHelped: true,
        helpedBy: ['suspect', 'vehicle', 'suspect'],
        note: '  Bắt được nghi phạm  ',
      }),
    ).toEqual({
      status: 'solved',
      resolved_at: now,
      resolution: 'solved',
      updated_at: now,
      footage_helped: 1,
      helped_by: '["suspect","vehicle"]',
      outcome_note: 'Bắt được nghi phạm',
    });
  });

  it('lets an open case be solved, left unsolved or closed without investigating first', () => {
    expect(
      move('open', { status: 'solved', footageHelped: false, helpedBy: ['none'] }),
    ).toMatchObject({
      status: 'solved',
      resolution: 'solved',
      footage_helped: 0,
      helped_by: '["none"]',
    });
    expect(move('open', { status: 'unsolved' })).toMatchObject({
      status: 'unsolved',
      resolved_at: now,
      resolution: 'unsolved',
      footage_helped: null,
      helped_by: null,
    });
    expect(move('open', { status: 'closed' })).toMatchObject({ status: 'closed', closed_at: now });
  });

  it('closes a solved or unsolved case, and refuses any move of a closed one naming status', () => {
    expect(move('solved', { status: 'closed' })).toMatchObject({ closed_at: now });
    expect(move('unsolved', { status: 'closed' })).toMatchObject({ closed_at: now });
    for (const to of ['open', 'investigating', 'solved', 'closed'] as const) {
      const error = refusal(() => move('closed', { status: to }));
      expect([error.status, error.field]).toEqual([409, 'status']);
    }
  });

  it('refuses going back: solved to unsolved, investigating to open, solved to investigating', () => {
    for (const [from, to] of [
      ['solved', 'unsolved'],
      ['investigating', 'open'],
      ['solved', 'investigating'],
      ['open', 'open'],
    ] as const) {
      const error = refusal(() => move(from, { status: to }));
      expect([error.status, error.field]).toEqual([409, 'status']);
    }
  });

  it('requires a solved case to say whether and how footage helped, naming the field', () => {
    const missingHelped = refusal(() => move('open', { status: 'solved', helpedBy: ['route'] }));
    expect([missingHelped.status, missingHelped.field]).toEqual([400, 'footageHelped']);
    const missingHow = refusal(() => move('open', { status: 'solved', footageHelped: true }));
    expect([missingHow.status, missingHow.field]).toEqual([400, 'helpedBy']);
    const empty = refusal(() =>
      move('open', { status: 'solved', footageHelped: true, helpedBy: [] }),
    );
    expect(empty.field).toBe('helpedBy');
  });

  it('allows none only alone and only when footage did not help', () => {
    const noneWithHelp = refusal(() =>
      move('open', { status: 'solved', footageHelped: true, helpedBy: ['none'] }),
    );
    expect(noneWithHelp.field).toBe('helpedBy');
    const noneAndSuspect = refusal(() =>
      move('open', { status: 'solved', footageHelped: false, helpedBy: ['none', 'suspect'] }),
    );
    expect(noneAndSuspect.field).toBe('helpedBy');
    const helpWithoutFootage = refusal(() =>
      move('open', { status: 'solved', footageHelped: false, helpedBy: ['route'] }),
    );
    expect(helpWithoutFootage.field).toBe('helpedBy');
    const unknown = refusal(() =>
      move('open', { status: 'solved', footageHelped: true, helpedBy: ['luck'] }),
    );
    expect(unknown.field).toBe('helpedBy');
  });

  it('lets an unsolved case record that footage did not help, and nothing more', () => {
    expect(move('investigating', { status: 'unsolved', footageHelped: false })).toMatchObject({
      footage_helped: 0,
      helped_by: '["none"]',
    });
    const helped = refusal(() =>
      move('investigating', { status: 'unsolved', footageHelped: true }),
    );
    expect([helped.status, helped.field]).toEqual([400, 'footageHelped']);
    const how = refusal(() => move('investigating', { status: 'unsolved', helpedBy: ['vehicle'] }));
    expect(how.field).toBe('helpedBy');
  });

  it('refuses an outcome on a move that records none', () => {
    const error = refusal(() => move('open', { status: 'investigating', footageHelped: true }));
    expect([error.status, error.field]).toEqual([400, 'footageHelped']);
    expect(refusal(() => move('solved', { status: 'closed', helpedBy: ['route'] })).field).toBe(
      'helpedBy',
    );
  });

  it('reads stored helped-by lists, ignoring damage', () => {
    expect(readHelpedBy('["suspect","route"]')).toEqual(['suspect', 'route']);
    expect(readHelpedBy(null)).toEqual([]);
    expect(readHelpedBy('not json')).toEqual([]);
    expect(readHelpedBy('["suspect","weather"]')).toEqual(['suspect']);
  });
});
