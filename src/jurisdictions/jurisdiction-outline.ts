// Unit outlines for the map: GeoJSON Polygon/MultiPolygon geometries stored as text, checked
// on the way in and filtered by the map's bounding box on the way out.

export interface BoundingBox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export type Position = [number, number];
export type Geometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** Parses `minLng,minLat,maxLng,maxLat`; returns a reason when it is not one. */
export function parseBbox(raw: string): BoundingBox | string {
  const parts = raw.split(',').map((p) => p.trim());
  const numbers = parts.map(Number);
  if (
    parts.length !== 4 ||
    parts.some((p) => p === '') ||
    numbers.some((n) => !Number.isFinite(n))
  ) {
    return 'bbox must be four numbers: minLng,minLat,maxLng,maxLat';
  }
  const [minLng, minLat, maxLng, maxLat] = numbers as [number, number, number, number];
  if (Math.abs(minLat) > 90 || Math.abs(maxLat) > 90) return 'bbox latitudes must be within -90…90';
  if (Math.abs(minLng) > 180 || Math.abs(maxLng) > 180)
    return 'bbox longitudes must be within -180…180';
  if (minLat > maxLat || minLng > maxLng) return 'bbox minimums must not exceed its maximums';
  return { minLng, minLat, maxLng, maxLat };
}

function isPosition(value: unknown): value is Position {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) return false;
  const [lng, lat] = value as unknown[];
  return (
    typeof lng === 'number' &&
    typeof lat === 'number' &&
    Math.abs(lng) <= 180 &&
    Math.abs(lat) <= 90
  );
}

function ringProblem(ring: unknown): string | null {
  if (!Array.isArray(ring) || ring.length < 4) return 'each ring needs at least 4 positions';
  if (!ring.every(isPosition)) return 'each position must be [longitude, latitude] within range';
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) return 'each ring must end where it starts';
  return null;
}

function polygonProblem(rings: unknown): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return 'a polygon needs at least one ring';
  for (const ring of rings) {
    const problem = ringProblem(ring);
    if (problem) return problem;
  }
  return null;
}

/** Names what is wrong with an outline, or null for a valid GeoJSON Polygon or MultiPolygon. */
export function boundaryProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'boundary must be a GeoJSON geometry';
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') return polygonProblem(coordinates);
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0)
      return 'a MultiPolygon needs polygons';
    for (const polygon of coordinates) {
      const problem = polygonProblem(polygon);
      if (problem) return problem;
    }
    return null;
  }
  return 'boundary must be a GeoJSON Polygon or MultiPolygon';
}

/** The box around an outline's outer rings. */
export function geometryBbox(geometry: Geometry): BoundingBox {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const box = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity };
  for (const polygon of polygons) {
    for (const [lng, lat] of polygon[0] ?? []) {
      box.minLng = Math.min(box.minLng, lng);
      box.maxLng = Math.max(box.maxLng, lng);
      box.minLat = Math.min(box.minLat, lat);
      box.maxLat = Math.max(box.maxLat, lat);
    }
  }
  return box;
}

export function boxesIntersect(a: BoundingBox, b: BoundingBox): boolean {
  return (
    a.minLng <= b.maxLng && b.minLng <= a.maxLng && a.minLat <= b.maxLat && b.minLat <= a.maxLat
  );
}

/** Widens a box by `margin` degrees, clamped to the globe. */
export function expandBbox(box: BoundingBox, margin: number): BoundingBox {
  return {
    minLng: Math.max(-180, box.minLng - margin),
    minLat: Math.max(-90, box.minLat - margin),
    maxLng: Math.min(180, box.maxLng + margin),
    maxLat: Math.min(90, box.maxLat + margin),
  };
}

export interface OutlineUnit {
  id: string;
  code: string;
  name: string;
  level: string;
  kind: string;
  boundary: string;
}

export interface OutlineFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: { id: string; code: string; name: string; level: string; kind: string };
}

/** Turns stored outlines into map features, keeping those that touch `bbox` (all when absent). */
export function outlineFeatures(
  units: readonly OutlineUnit[],
  bbox: BoundingBox | null,
): OutlineFeature[] {
  const features: OutlineFeature[] = [];
  for (const unit of units) {
    const geometry = JSON.parse(unit.boundary) as Geometry;
    if (bbox && !boxesIntersect(geometryBbox(geometry), bbox)) continue;
    const { id, code, name, level, kind } = unit;
    features.push({ type: 'Feature', id, geometry, properties: { id, code, name, level, kind } });
  }
  return features;
}
