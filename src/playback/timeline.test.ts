import { describe, expect, it } from 'vitest';
import { clipSpans, explainHoles, holesBetween, mergeSpans, totalSeconds } from './timeline';

const s = (startMs: number, endMs: number) => ({ startMs, endMs });

describe('timeline arithmetic', () => {
  it('joins segments at most 1.5 s apart and keeps a longer pause as a break', () => {
    expect(
      mergeSpans([s(0, 10_000), s(10_020, 20_000), s(21_500, 30_000), s(31_501, 40_000)]),
    ).toEqual([s(0, 30_000), s(31_501, 40_000)]);
  });

  it('joins overlapping segments without shrinking the first', () => {
    expect(mergeSpans([s(0, 30_000), s(10_000, 20_000), s(25_000, 35_000)])).toEqual([
      s(0, 35_000),
    ]);
  });

  it('clips spans to the period and drops those outside it', () => {
    expect(clipSpans([s(0, 10), s(20, 40), s(50, 60)], 5, 50)).toEqual([s(5, 10), s(20, 40)]);
  });

  it('finds the holes before, between and after the recorded ranges', () => {
    expect(holesBetween([s(10, 20), s(30, 40)], 0, 50)).toEqual([s(0, 10), s(20, 30), s(40, 50)]);
    expect(holesBetween([s(0, 50)], 0, 50)).toEqual([]);
    expect(holesBetween([], 0, 50)).toEqual([s(0, 50)]);
  });

  it('labels holes with a missing file first, then the recorder gap, else null', () => {
    const holes = [s(0, 100), s(200, 300)];
    const missing = [s(20, 40)];
    const gaps = [{ startMs: 10, endMs: 60, reason: 'connection_lost' }];
    expect(explainHoles(holes, missing, gaps)).toEqual([
      { startMs: 0, endMs: 10, reason: null },
      { startMs: 10, endMs: 20, reason: 'connection_lost' },
      { startMs: 20, endMs: 40, reason: 'missing' },
      { startMs: 40, endMs: 60, reason: 'connection_lost' },
      { startMs: 60, endMs: 100, reason: null },
      { startMs: 200, endMs: 300, reason: null },
    ]);
  });

  it('ignores recorder gaps that fall on recorded time', () => {
    expect(explainHoles([s(50, 60)], [], [{ startMs: 0, endMs: 55, reason: 'stall' }])).toEqual([
      { startMs: 50, endMs: 55, reason: 'stall' },
      { startMs: 55, endMs: 60, reason: null },
    ]);
  });

  it('labels a month of ten-second holes (250,000) in under two seconds', () => {
    const holes = Array.from({ length: 250_000 }, (_, i) =>
      s(i * 10_000 + 9_000, i * 10_000 + 10_000),
    );
    const started = performance.now();
    const gaps = explainHoles(holes, [], [{ startMs: 0, endMs: 1_000_000, reason: 'stall' }]);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(gaps).toHaveLength(250_000);
    expect(gaps[0]).toEqual({ startMs: 9_000, endMs: 10_000, reason: 'stall' });
    expect(gaps.at(-1)?.reason).toBeNull();
  });

  it('adds up recorded time in seconds', () => {
    expect(totalSeconds([s(0, 1_500), s(2_000, 3_000)])).toBe(2.5);
  });
});
