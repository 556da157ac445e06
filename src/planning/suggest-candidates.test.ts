import { describe, expect, it } from 'vitest';
import type { Seg } from '../coverage/coverage.types';
import {
  bearingBetween,
  distanceToSegmentM,
  incidentCounts,
  nearestStreet,
  samplePolyline,
  sampledCandidates,
} from './suggest-candidates';

// 0.001° of latitude is about 111.2 m anywhere; a street running due north of 21.07, 105.79.
const north: [number, number][] = [
  [21.07, 105.79],
  [21.071, 105.79],
];
const seg = (
  id: string,
  name: string,
  lat1: number,
  lng1: number,
  lat2: number,
  lng2: number,
): Seg => ({
  id,
  wayId: id,
  name,
  kind: 'residential',
  unitPath: '/u/',
  lat1,
  lng1,
  lat2,
  lng2,
  lengthM: 0,
});

describe('sampling along uncovered streets', () => {
  it('places points every spacing, centred on the stretch, with the street’s bearing', () => {
    const samples = samplePolyline(north, 25);
    // 111.2 m holds 4 spacings of 25 m; the leftover is split between both ends.
    expect(samples).toHaveLength(4);
    expect(bearingBetween(north[0]!, north[1]!)).toBeCloseTo(0, 6);
    const offsets = samples.map((s) => (s.at[0] - 21.07) * 111_194.9);
    expect(offsets[1]! - offsets[0]!).toBeCloseTo(25, 3);
    expect(offsets[0]!).toBeCloseTo(111.19 - offsets[3]!, 1);
  });

  it('gives a stretch shorter than the spacing one point in its middle', () => {
    const samples = samplePolyline(north, 500);
    expect(samples).toHaveLength(1);
    expect(samples[0]!.at[0]).toBeCloseTo(21.0705, 6);
  });

  it('tries every point looking both ways along the street', () => {
    const candidates = sampledCandidates([{ name: 'Ngõ 27', points: north }], 50, {
      fov: 90,
      rangeM: 30,
    });
    expect(candidates.map((c) => c.camera.heading)).toEqual([0, 180, 0, 180]);
    expect(new Set(candidates.map((c) => c.camera.id)).size).toBe(4);
    expect(candidates[0]).toMatchObject({ siteId: null, streetName: 'Ngõ 27' });
    expect(candidates[0]!.camera).toMatchObject({ fov: 90, rangeM: 30 });
  });
});

describe('incidents near streets', () => {
  const street = seg('s1', 'Xuân Đỉnh', 21.07, 105.79, 21.071, 105.79);
  const far = seg('s2', 'Tân Xuân', 21.08, 105.8, 21.081, 105.8);

  it('measures the distance to the nearest point of a segment', () => {
    expect(distanceToSegmentM(21.0705, 105.79, street)).toBeCloseTo(0, 6);
    // 0.0005° east at 21.07° N is about 51.9 m.
    expect(distanceToSegmentM(21.0705, 105.7905, street)).toBeCloseTo(51.9, 0);
    // Beyond the end, the distance is to the end point.
    expect(distanceToSegmentM(21.072, 105.79, street)).toBeCloseTo(111.2, 0);
  });

  it('counts incidents within the radius of each segment', () => {
    const incidents = [
      { latitude: 21.0705, longitude: 105.7905 },
      { latitude: 21.0702, longitude: 105.79 },
      { latitude: 21.0705, longitude: 105.792 },
    ];
    const counts = incidentCounts([street, far], incidents, 100);
    expect(counts.get('s1')).toBe(2);
    expect(counts.has('s2')).toBe(false);
  });

  it('names the nearest street within 200 m', () => {
    expect(nearestStreet([street, far], 21.0705, 105.7901)).toBe('Xuân Đỉnh');
    expect(nearestStreet([street], 21.09, 105.79)).toBeNull();
  });
});
