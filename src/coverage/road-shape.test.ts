import { describe, expect, it } from 'vitest';
import { segmentsCross, wayLimits, wayProblem, type Point } from './road-shape';

describe('segmentsCross', () => {
  it('finds a proper crossing', () => {
    expect(segmentsCross([0, 0], [10, 10], [0, 10], [10, 0])).toBe(true);
  });

  it('allows segments that only touch at an end', () => {
    expect(segmentsCross([0, 0], [10, 0], [10, 0], [10, 10])).toBe(false);
    expect(segmentsCross([0, 0], [10, 0], [5, 0], [5, 10])).toBe(false);
  });

  it('finds collinear pieces lying over each other', () => {
    expect(segmentsCross([0, 0], [10, 0], [5, 0], [20, 0])).toBe(true);
    expect(segmentsCross([0, 0], [10, 0], [10, 0], [20, 0])).toBe(false);
  });
});

describe('wayProblem', () => {
  it('names a crossing of one line of a MultiLineString', () => {
    const good: Point[] = [
      [21.07, 105.79],
      [21.071, 105.79],
    ];
    const bowTie: Point[] = [
      [21.07, 105.79],
      [21.072, 105.792],
      [21.07, 105.792],
      [21.072, 105.79],
    ];
    expect(wayProblem([good, bowTie])).toMatch(/line 1, point 0 .* line 1, point 2/);
  });

  it('refuses a way with too many points to check', () => {
    const zigzag = Array.from(
      { length: wayLimits.maxPoints + 1 },
      (_, k): Point => [21.07 + k * 1e-5, 105.79 + (k % 2) * 1e-5],
    );
    expect(wayProblem([zigzag])).toMatch(/at most 2000/);
  });

  it('accepts a street of many points that does not cross itself', () => {
    const curve = Array.from({ length: 500 }, (_, k): Point => [
      21.07 + Math.sin(k / 100) * 0.01,
      105.79 + k * 2e-5,
    ]);
    expect(wayProblem([curve])).toBeNull();
  });
});
