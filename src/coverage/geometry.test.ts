import { describe, expect, it } from 'vitest';
import { projectionAt, sighting } from '../incidents/finder';
import { cam, random, seg } from './coverage-test-kit';
import type { Interval } from './coverage.types';
import {
  complementIntervals,
  coveredFraction,
  mergeIntervals,
  pointAt,
  segmentCover,
  segmentLengthM,
} from './geometry';

// A straight street 200 m long running west to east, its middle at the origin.
const street = seg('main', [-100, 0], [100, 0]);

function expectIntervals(actual: Interval[], expected: Interval[]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach(([from, to], i) => {
    expect(from).toBeCloseTo(expected[i]![0], 5);
    expect(to).toBeCloseTo(expected[i]![1], 5);
  });
}

describe('segmentCover', () => {
  it('covers exactly half of a straight street from its middle looking along it', () => {
    const camera = cam('c', 0, 0, { heading: 90, fov: 90, rangeM: 100 });
    const seen = segmentCover(street, camera);
    expectIntervals(seen, [[0.5, 1]]);
    expect(coveredFraction(seen) * 100).toBeCloseTo(50, 1);
    expect(street.lengthM).toBeCloseTo(200, 3);
  });

  it('covers nothing when the camera faces away from the street', () => {
    // At the east end, looking further east.
    expect(segmentCover(street, cam('c', 100, 0, { heading: 90, fov: 90, rangeM: 80 }))).toEqual(
      [],
    );
    // Beside the street, looking away from it.
    expect(segmentCover(street, cam('c', 0, 10, { heading: 0, fov: 120, rangeM: 80 }))).toEqual(
      [],
    );
  });

  it('covers nothing beyond the range', () => {
    expect(segmentCover(street, cam('c', 150, 0, { heading: 270, fov: 90, rangeM: 40 }))).toEqual(
      [],
    );
  });

  it('stops at the range: from the west end looking east 50 m sees the first quarter', () => {
    const seen = segmentCover(street, cam('c', -100, 0, { heading: 90, fov: 60, rangeM: 50 }));
    expectIntervals(seen, [[0, 0.25]]);
  });

  it('cuts the street at the wedge edges when looking at it from the side', () => {
    // 30 m north, looking south with ±45°: the edges meet the street 30 m either side; the
    // 50 m range would reach 40 m either side, so the wedge decides.
    const seen = segmentCover(street, cam('c', 0, 30, { heading: 180, fov: 90, rangeM: 50 }));
    expectIntervals(seen, [[0.35, 0.65]]);
  });

  it('cuts the street at the range circle when the wedge is wider', () => {
    // 30 m north, looking south with ±70°: the 50 m circle meets the street 40 m either side.
    const seen = segmentCover(street, cam('c', 0, 30, { heading: 180, fov: 140, rangeM: 50 }));
    expectIntervals(seen, [[0.3, 0.7]]);
  });

  it('sees all round with a 360° field of view', () => {
    const seen = segmentCover(street, cam('c', 0, 0, { heading: 17, fov: 360, rangeM: 50 }));
    expectIntervals(seen, [[0.25, 0.75]]);
  });

  it('leaves out the opposite wedge when the field of view is wider than a half-turn', () => {
    // 30 m north looking north with 270°: blind within 45° of due south, which on the street
    // is the 60 m under the camera; the 50 m range ends 40 m either side.
    const seen = segmentCover(street, cam('c', 0, 30, { heading: 0, fov: 270, rangeM: 50 }));
    expectIntervals(seen, [
      [0.3, 0.35],
      [0.65, 0.7],
    ]);
  });

  it('takes a half-turn field of view as the half-plane in front', () => {
    const seen = segmentCover(street, cam('c', 20, 0, { heading: 270, fov: 180, rangeM: 500 }));
    expectIntervals(seen, [[0, 0.6]]);
  });

  it('counts the camera’s own position as seen but gives a street crossing it no length', () => {
    // Looking north across an east–west street: only the point under the camera is in the wedge.
    const camera = cam('c', 0, 0, { heading: 0, fov: 90, rangeM: 50 });
    expect(segmentCover(street, camera)).toEqual([]);
    const [lat, lng] = pointAt(street, 0.5);
    expect(sighting({ latitude: lat, longitude: lng }, camera).sees).toBe(true);
  });

  it('handles a street running north–south and a wedge across north', () => {
    const northSouth = seg('ns', [0, -100], [0, 100]);
    // At the south end looking north-north-west with ±30°: the street is 20° off axis.
    const seen = segmentCover(northSouth, cam('c', 0, -100, { heading: 340, fov: 60, rangeM: 100 }));
    expectIntervals(seen, [[0, 0.5]]);
  });

  it('agrees with the finder’s sighting at random points of random streets', () => {
    const next = random(6);
    let checked = 0;
    for (let n = 0; n < 400; n++) {
      const s = seg('r', [next() * 200 - 100, next() * 200 - 100], [next() * 200 - 100, 0]);
      const camera = cam('c', next() * 100 - 50, next() * 100 - 50, {
        heading: Math.floor(next() * 360),
        fov: 1 + Math.floor(next() * 360),
        rangeM: 5 + Math.floor(next() * 120),
      });
      const seen = segmentCover(s, camera);
      const projection = projectionAt(camera.latitude);
      for (let k = 0; k <= 40; k++) {
        const t = k / 40;
        // Points on an interval's edge could fall either way by rounding; the finder also takes
        // anything within a metre of the camera as seen.
        if (seen.some(([from, to]) => Math.abs(t - from) < 1e-4 || Math.abs(t - to) < 1e-4))
          continue;
        const [latitude, longitude] = pointAt(s, t);
        const view = sighting({ latitude, longitude }, camera, projection);
        if (view.distanceM < 1.5 || Math.abs(view.distanceM - camera.rangeM) < 0.01) continue;
        if (Math.abs(view.offAxis - camera.fov / 2) < 0.01) continue;
        const inside = seen.some(([from, to]) => t >= from && t <= to);
        expect(inside, `t=${t} ${JSON.stringify({ s, camera })}`).toBe(view.sees);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});

describe('intervals', () => {
  it('merges overlapping and touching intervals, whatever the order', () => {
    expect(
      mergeIntervals([
        [0.5, 0.7],
        [0.1, 0.2],
        [0.6, 0.9],
        [0.2, 0.3],
      ]),
    ).toEqual([
      [0.1, 0.3],
      [0.5, 0.9],
    ]);
  });

  it('does not count overlapping cameras twice', () => {
    const west = segmentCover(street, cam('w', -100, 0, { heading: 90, fov: 90, rangeM: 120 }));
    const middle = segmentCover(street, cam('m', 0, 0, { heading: 90, fov: 90, rangeM: 100 }));
    expectIntervals(west, [[0, 0.6]]);
    expect(coveredFraction([...west, ...middle])).toBeCloseTo(1, 6);
  });

  it('drops empty intervals and does not edit its input', () => {
    const input: Interval[] = [
      [0.4, 0.4],
      [0.2, 0.5],
    ];
    expect(mergeIntervals(input)).toEqual([[0.2, 0.5]]);
    expect(input).toEqual([
      [0.4, 0.4],
      [0.2, 0.5],
    ]);
  });

  it('gives the uncovered rest of a segment', () => {
    expect(
      complementIntervals([
        [0, 0.25],
        [0.5, 0.75],
      ]),
    ).toEqual([
      [0.25, 0.5],
      [0.75, 1],
    ]);
    expect(complementIntervals([])).toEqual([[0, 1]]);
    expect(complementIntervals([[0, 1]])).toEqual([]);
  });

  it('measures a segment in metres', () => {
    // 0.001° of latitude is 111.2 m.
    expect(segmentLengthM({ lat1: 21, lng1: 105.8, lat2: 21.001, lng2: 105.8 })).toBeCloseTo(
      111.19,
      1,
    );
  });
});
