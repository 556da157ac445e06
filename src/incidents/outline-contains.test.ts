import { describe, expect, it } from 'vitest';
import type { Geometry, Position } from '../jurisdictions/jurisdiction-outline';
import { geometryContains, ringContains } from './outline-contains';

const square = (lng: number, lat: number, half: number): Position[] => [
  [lng - half, lat - half],
  [lng + half, lat - half],
  [lng + half, lat + half],
  [lng - half, lat + half],
  [lng - half, lat - half],
];

describe('point in outline', () => {
  it('finds a point inside a square ring and not one outside it', () => {
    const ring = square(105.79, 21.07, 0.01);
    expect(ringContains(ring, 105.79, 21.07)).toBe(true);
    expect(ringContains(ring, 105.8, 21.079)).toBe(true);
    expect(ringContains(ring, 105.81, 21.07)).toBe(false);
    expect(ringContains(ring, 105.79, 21.0801)).toBe(false);
  });

  it('handles a concave outline: the notch of an L is outside', () => {
    const l: Position[] = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
      [0, 0],
    ];
    expect(ringContains(l, 0.5, 1.5)).toBe(true);
    expect(ringContains(l, 1.5, 0.5)).toBe(true);
    expect(ringContains(l, 1.5, 1.5)).toBe(false);
  });

  it('leaves out a point in a polygon’s hole', () => {
    const town: Geometry = {
      type: 'Polygon',
      coordinates: [square(105.8, 21.0, 0.05), square(105.8, 21.0, 0.01)],
    };
    expect(geometryContains(town, 105.8, 21.0)).toBe(false);
    expect(geometryContains(town, 105.83, 21.0)).toBe(true);
    expect(geometryContains(town, 105.9, 21.0)).toBe(false);
  });

  it('finds a point in any part of a MultiPolygon (an island commune)', () => {
    const islands: Geometry = {
      type: 'MultiPolygon',
      coordinates: [[square(106.0, 20.0, 0.01)], [square(107.0, 20.5, 0.02)]],
    };
    expect(geometryContains(islands, 106.0, 20.0)).toBe(true);
    expect(geometryContains(islands, 107.01, 20.49)).toBe(true);
    expect(geometryContains(islands, 106.5, 20.25)).toBe(false);
  });

  it('tolerates a ring given clockwise as well as anticlockwise', () => {
    const clockwise = [...square(105.79, 21.07, 0.01)].reverse();
    expect(ringContains(clockwise, 105.79, 21.07)).toBe(true);
    expect(ringContains(clockwise, 105.9, 21.07)).toBe(false);
  });
});
