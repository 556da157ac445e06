import { describe, expect, it } from 'vitest';
import { parseKey } from './keys';

describe('figure keys', () => {
  it('reads every documented kind of key', () => {
    expect(parseKey('incidents.total')).toEqual({ family: 'incidents', filter: { kind: 'all' } });
    expect(parseKey('funnel.incidents')).toEqual({ family: 'incidents', filter: { kind: 'all' } });
    expect(parseKey('incidents.byType.theft')).toEqual({
      family: 'incidents',
      filter: { kind: 'type', type: 'theft' },
    });
    expect(parseKey('incidents.byMonth.2025-03')).toEqual({
      family: 'incidents',
      filter: { kind: 'month', month: '2025-03' },
    });
    expect(parseKey('incidents.byHour.23')).toEqual({
      family: 'incidents',
      filter: { kind: 'hour', hour: 23 },
    });
    expect(parseKey('funnel.received')).toEqual({
      family: 'incidents',
      filter: { kind: 'funnel', step: 'received' },
    });
    expect(parseKey('solvedWithFootage')).toEqual({
      family: 'incidents',
      filter: { kind: 'solvedWithFootage' },
    });
    expect(parseKey('medianHoursToSolve.withoutFootage')).toEqual({
      family: 'incidents',
      filter: { kind: 'solveTime', withFootage: false },
    });
    expect(parseKey('cameras.byStatus.online')).toEqual({
      family: 'cameras',
      filter: { kind: 'status', value: 'online' },
    });
    expect(parseKey('cameras.byOwnerKind.residential_group')).toEqual({
      family: 'cameras',
      filter: { kind: 'ownerKind', value: 'residential_group' },
    });
    expect(parseKey('money.spent')).toEqual({ family: 'expenses' });
    expect(parseKey('money.camerasFunded')).toEqual({ family: 'camerasFunded' });
  });

  it('refuses keys no figure has', () => {
    for (const key of [
      'incidents',
      'incidents.byHour.24',
      'incidents.byMonth.2025-13',
      'funnel.bogus',
      'solved.x',
      'money.spent.x',
      'cameras.byStatus.ON LINE',
      '',
    ]) {
      expect([key, parseKey(key)]).toEqual([key, null]);
    }
  });
});
