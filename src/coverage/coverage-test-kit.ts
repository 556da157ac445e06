import { projectionAt } from '../incidents/finder';
import type { Cam, Seg } from './coverage.types';
import { segmentLengthM } from './geometry';

// Builders for the coverage unit tests: streets and cameras placed in metres east and north of
// a point in Xuân Đỉnh, so the expected answers can be worked out on paper.

export const origin = { lat: 21.07, lng: 105.79 };
const { northM, eastM } = projectionAt(origin.lat);

/** The point `east` and `north` metres from the origin, as [lat, lng]. */
export function at(east: number, north: number): [number, number] {
  return [origin.lat + north / northM, origin.lng + east / eastM];
}

export function seg(
  id: string,
  from: [number, number],
  to: [number, number],
  facts: Partial<Seg> = {},
): Seg {
  const [lat1, lng1] = at(from[0], from[1]);
  const [lat2, lng2] = at(to[0], to[1]);
  const ends = { lat1, lng1, lat2, lng2 };
  return {
    id,
    wayId: facts.wayId ?? id,
    name: facts.name ?? `Street ${id}`,
    kind: facts.kind ?? 'residential',
    unitPath: facts.unitPath ?? '/hn/xd/',
    ...ends,
    lengthM: segmentLengthM(ends),
  };
}

/** A way cut into segments through the given metre points, ids `${wayId}-0`, `-1`, … */
export function way(wayId: string, points: [number, number][], facts: Partial<Seg> = {}): Seg[] {
  return points
    .slice(1)
    .map((to, i) => seg(`${wayId}-${i}`, points[i]!, to, { ...facts, wayId }));
}

export function cam(
  id: string,
  east: number,
  north: number,
  wedge: { heading: number; fov: number; rangeM: number },
): Cam {
  const [latitude, longitude] = at(east, north);
  return { id, latitude, longitude, ...wedge };
}

/** A small deterministic generator, so random cases repeat. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
