import { describe, expect, it } from 'vitest';
import {
  addCase,
  cellCentre,
  cellOf,
  classify,
  emptyStats,
  medianHours,
  type CaseRow,
} from './case-stats';

const row = (overrides: Partial<CaseRow>): CaseRow => ({
  path: '/hn/xd/',
  type: 'theft',
  fromMs: Date.parse('2025-03-02T20:00:00+07:00'),
  latitude: 21.074,
  longitude: 105.79,
  candidateCameras: 1,
  footageHelped: null,
  resolution: null,
  resolvedAt: null,
  requested: false,
  received: false,
  ...overrides,
});

const histogram = (minutes: number[]) => {
  const map = new Map<number, number>();
  for (const m of minutes) map.set(m, (map.get(m) ?? 0) + 1);
  return map;
};

describe('how one case counts', () => {
  it('stops the funnel at the first step a case misses', () => {
    // Footage received and helped, but no camera held the place: counted nowhere past the top.
    const noCandidates = classify(
      row({
        candidateCameras: 0,
        requested: true,
        received: true,
        footageHelped: 1,
        resolution: 'solved',
      }),
    );
    expect(noCandidates.funnel).toEqual({
      withCandidates: false,
      requested: false,
      received: false,
      used: false,
      solved: false,
    });
    expect(noCandidates.solvedWithFootage).toBe(true);
    // Received without being asked for cannot happen in the chain either.
    expect(classify(row({ received: true, footageHelped: 1 })).funnel.received).toBe(false);
    const all = classify(
      row({ requested: true, received: true, footageHelped: 1, resolution: 'solved' }),
    );
    expect(Object.values(all.funnel)).toEqual([true, true, true, true, true]);
  });

  it('measures the solve time in whole minutes from when it happened', () => {
    const facts = classify(row({ resolution: 'solved', resolvedAt: '2025-03-03T01:00:30.000Z' }));
    expect(facts.solveMinutes).toBe(720);
    expect(classify(row({ resolution: 'solved' })).solveMinutes).toBeNull();
    expect(
      classify(row({ resolution: 'unsolved', resolvedAt: '2025-03-03T01:00:00.000Z' }))
        .solveMinutes,
    ).toBeNull();
  });

  it('puts a point in the 0.002° cell that holds it', () => {
    expect(cellOf(21.074, 105.79)).toBe('10537:52895');
    expect(cellCentre('10537:52895')).toEqual({ lat: 21.075, lng: 105.791 });
  });

  it('adds cases up by type, month, hour and night', () => {
    const stats = emptyStats();
    addCase(stats, row({}));
    addCase(stats, row({ type: 'burglary', fromMs: Date.parse('2025-04-01T09:00:00+07:00') }));
    expect(stats.total).toBe(2);
    expect(stats.night).toBe(1);
    expect([...stats.byType]).toEqual([
      ['theft', 1],
      ['burglary', 1],
    ]);
    expect([...stats.byMonth]).toEqual([
      ['2025-03', 1],
      ['2025-04', 1],
    ]);
    expect(stats.byHour[20]).toBe(1);
    expect(stats.byHour[9]).toBe(1);
  });
});

describe('medians', () => {
  it('takes the middle value of an odd count and the mean of the two middle of an even one', () => {
    expect(medianHours(histogram([360, 720, 2880]))).toBe(12);
    expect(medianHours(histogram([600, 1440]))).toBe(17);
    expect(medianHours(histogram([60, 60, 60, 600]))).toBe(1);
    expect(medianHours(histogram([10]))).toBe(0.2);
    expect(medianHours(new Map())).toBeNull();
  });
});
