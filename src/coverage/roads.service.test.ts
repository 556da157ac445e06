import { describe, expect, it } from 'vitest';
import type { Outline } from '../incidents/unit-at-point';
import { AppError } from '../platform/http/errors';
import { seg, way, at } from './coverage-test-kit';
import type { PlannedSegment } from './road-import';
import { placeSegments } from './road-units';
import { wayLines } from './roads.service';

function square(id: string, path: string, level: Outline['level'], half: number): Outline {
  const [lat, lng] = at(0, 0);
  const ring: [number, number][] = [
    [lng - half, lat - half],
    [lng + half, lat - half],
    [lng + half, lat + half],
    [lng - half, lat + half],
    [lng - half, lat - half],
  ];
  return {
    id,
    code: id,
    level,
    path,
    validFrom: '2025-07-01',
    validTo: null,
    bbox: { minLng: lng - half, minLat: lat - half, maxLng: lng + half, maxLat: lat + half },
    geometry: { type: 'Polygon', coordinates: [ring] },
  };
}

const planned = (east: number, feature = 0): PlannedSegment => {
  const s = seg('s', [east, 0], [east + 20, 0]);
  return { ...s, feature, seq: 0 };
};

const ward = { id: 'xd', name: 'Xuân Đỉnh', path: '/hn/xd/' };
// The ward is ±0.006° (about ±620 m east–west), its group ±0.002° (about ±210 m).
const outlines = [
  square('xd', '/hn/xd/', 'commune', 0.006),
  square('tx1', '/hn/xd/tx1/', 'residential_group', 0.002),
  square('cn', '/hn/cn/', 'commune', 0.5),
];

describe('placeSegments', () => {
  it('gives each segment the deepest unit of the subtree holding its midpoint', () => {
    expect(placeSegments([planned(0), planned(400)], ward, outlines, '2025-09-01')).toEqual([
      '/hn/xd/tx1/',
      '/hn/xd/',
    ]);
  });

  it('refuses a segment outside the importing unit, naming its feature', () => {
    try {
      placeSegments([planned(0), planned(900, 4)], ward, outlines, '2025-09-01');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).field).toBe('features[4].geometry');
      expect((error as AppError).message).toMatch(/runs outside Xuân Đỉnh/);
    }
  });

  it('gives a unit without an outline its own path where no child holds the segment', () => {
    const noOutline = outlines.filter((o) => o.id !== 'xd');
    expect(placeSegments([planned(0), planned(900)], ward, noOutline, '2025-09-01')).toEqual([
      '/hn/xd/tx1/',
      '/hn/xd/',
    ]);
  });
});

describe('wayLines', () => {
  it('joins a way’s segments into one line and starts a new one where it breaks', () => {
    const segments = [
      ...way('a', [[0, 0], [100, 0], [200, 0]], { name: 'Tân Xuân' }),
      seg('a-9', [0, 300], [50, 300], { wayId: 'a', name: 'Tân Xuân' }),
      ...way('b', [[200, 0], [200, 100]]),
    ];
    const lines = wayLines(segments);
    expect(lines.map((l) => [l.properties.wayId, l.geometry.coordinates.length])).toEqual([
      ['a', 3],
      ['a', 2],
      ['b', 2],
    ]);
    expect(lines[0]!.properties.lengthM).toBeCloseTo(200, 1);
    // GeoJSON order: longitude first.
    expect(lines[0]!.geometry.coordinates[0]![0]).toBeGreaterThan(100);
  });
});
