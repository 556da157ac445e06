import type { Geometry, Position } from '../jurisdictions/jurisdiction-outline';

// Whether a point lies inside a unit's outline. GeoJSON rings are [longitude, latitude]; the
// first ring of a polygon is its outside, the others are holes (a commune inside a town). Plain
// ray casting on the degrees is exact enough here: units are small and far from the poles and
// the antimeridian, and the outlines themselves are drawn to tens of metres.

/** Ray casting: a point on a horizontal edge counts once, so shared edges do not double up. */
export function ringContains(ring: readonly Position[], lng: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

export function polygonContains(
  rings: readonly (readonly Position[])[],
  lng: number,
  lat: number,
): boolean {
  const [outer, ...holes] = rings;
  if (!outer || !ringContains(outer, lng, lat)) return false;
  return !holes.some((hole) => ringContains(hole, lng, lat));
}

export function geometryContains(geometry: Geometry, lng: number, lat: number): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((rings) => polygonContains(rings, lng, lat));
}
