import { describe, expect, it } from 'vitest';
import type { CaseRow } from './case-stats';
import { buildMonth, monthFingerprints, pathsAbove } from './rollup-build';

const row = (path: string, overrides: Partial<CaseRow> = {}): CaseRow => ({
  path,
  type: 'theft',
  fromMs: Date.parse('2025-03-02T20:00:00+07:00'),
  latitude: 21.074,
  longitude: 105.79,
  candidateCameras: 1,
  footageHelped: 1,
  resolution: 'solved',
  resolvedAt: '2025-03-03T01:00:00.000Z',
  requested: true,
  received: true,
  ...overrides,
});

describe('the monthly rollup', () => {
  it('counts a case for its unit and every unit above it', () => {
    expect(pathsAbove('/p/d/w/')).toEqual(['/p/', '/p/d/', '/p/d/w/']);
    const levels = new Map([
      ['/p/', 'province'],
      ['/p/d/', 'district'],
      ['/p/d/w/', 'commune'],
    ]);
    const month = buildMonth([row('/p/d/w/'), row('/p/d/w/', { resolution: null })], levels);
    expect(month.unitMonths.get('/p/d/w/')).toEqual({
      incidents: 2,
      solved: 1,
      solvedWithFootage: 1,
    });
    expect(month.unitMonths.get('/p/')).toEqual({ incidents: 2, solved: 1, solvedWithFootage: 1 });
    // Every figure only for provinces and districts; a ward is counted from its cases.
    expect(month.counts.get('/p/d/\u0000night')).toBe(2);
    expect(month.counts.get('/p/\u0000funnel:solved')).toBe(1);
    expect(month.counts.get('/p/d/w/\u0000night')).toBeUndefined();
    expect(month.minutes.get('/p/\u00001\u0000720')).toBe(1);
    expect(month.heat.get('/p/d/\u000010537:52895')).toBe(2);
  });

  it('fingerprints months from their days, so a change on any day shows', () => {
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    const fingerprints = monthFingerprints(
      [
        { day: day('2025-03-01'), part: 'i', n: 2, at: '2025-03-05' },
        { day: day('2025-03-31'), part: 'i', n: 1, at: '2025-04-09' },
        { day: day('2025-03-31'), part: 'r', n: 4, at: '2025-04-01' },
        { day: day('2025-04-01'), part: 'i', n: 1, at: null },
      ],
      'u1',
    );
    expect(fingerprints.get('2025-03')).toBe('u1|i:3/2025-04-09|r:4/2025-04-01|e:0/');
    expect(fingerprints.get('2025-04')).toBe('u1|i:1/|r:0/|e:0/');
  });
});
