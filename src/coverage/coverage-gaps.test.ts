import { describe, expect, it } from 'vitest';
import { at, way } from './coverage-test-kit';
import { distanceToLineM, incidentsNear, rankGaps } from './coverage-gaps';
import type { Stretch } from './coverage.types';

const point = (east: number, north: number) => {
  const [latitude, longitude] = at(east, north);
  return { latitude, longitude };
};

function stretch(wayId: string, from: [number, number], to: [number, number]): Stretch {
  const a = at(...from);
  const b = at(...to);
  const lengthM = Math.hypot(to[0] - from[0], to[1] - from[1]);
  return { wayId, name: wayId, kind: 'residential', lengthM, points: [a, b], mid: a };
}

describe('gaps', () => {
  it('measures the distance to the nearest point of a line, not to its middle', () => {
    const line = [at(0, 0), at(400, 0)];
    expect(distanceToLineM(point(390, 60), line)).toBeCloseTo(60, 1);
    expect(distanceToLineM(point(-30, 40), line)).toBeCloseTo(50, 1);
  });

  it('counts incidents within 100 m of any point of a stretch', () => {
    const long = stretch('long', [0, 0], [400, 0]);
    const incidents = [point(390, 60), point(200, -99), point(200, 101), point(-80, 70)];
    expect(incidentsNear(long, incidents, 100)).toBe(2);
  });

  it('ranks gaps by length or by incidents nearby', () => {
    const stretches = [
      stretch('long', [0, 0], [400, 0]),
      stretch('short', [0, 500], [80, 500]),
      stretch('middle', [0, 1000], [200, 1000]),
    ];
    const incidents = [point(40, 520), point(10, 480), point(100, 1010)];
    const byLength = rankGaps(stretches, incidents, { sort: 'length', limit: 10 });
    expect(byLength.map((g) => g.wayId)).toEqual(['long', 'middle', 'short']);
    const byIncidents = rankGaps(stretches, incidents, { sort: 'incidents', limit: 2 });
    expect(byIncidents.map((g) => [g.wayId, g.incidentsNearby])).toEqual([
      ['short', 2],
      ['middle', 1],
    ]);
  });

  it('keeps the test kit’s ways in metres', () => {
    expect(way('w', [[0, 0], [100, 0]])[0]!.lengthM).toBeCloseTo(100, 3);
  });
});
