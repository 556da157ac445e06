import type { Bbox } from '../cameras/camera.geo';
import { projectionAt } from '../incidents/finder';
import type { Stretch } from './coverage.types';

// Ranking the uncovered stretches a planner should fill first: the longest, or those where
// cases happen. An incident counts for a stretch when it lies within `nearM` of any point of it
// (not just its middle: a 400 m gap is near a theft at either end). Pure: the repo hands in the
// incident points of the area.

export const gapDefaults = { minLengthM: 50, limit: 50, nearM: 100, lookbackDays: 365 } as const;
export type GapSort = 'length' | 'incidents';

export interface Gap {
  wayId: string;
  name: string;
  kind: string;
  lengthM: number;
  incidentsNearby: number;
  mid: [number, number];
  points: [number, number][];
}

export interface IncidentPoint {
  latitude: number;
  longitude: number;
}

/** The box around stretches, widened by `marginM`; null for none. */
export function stretchesBox(stretches: readonly Stretch[], marginM: number): Bbox | null {
  if (stretches.length === 0) return null;
  const box = { minLat: Infinity, maxLat: -Infinity, minLng: Infinity, maxLng: -Infinity };
  for (const stretch of stretches) {
    for (const [lat, lng] of stretch.points) {
      box.minLat = Math.min(box.minLat, lat);
      box.maxLat = Math.max(box.maxLat, lat);
      box.minLng = Math.min(box.minLng, lng);
      box.maxLng = Math.max(box.maxLng, lng);
    }
  }
  const { northM, eastM } = projectionAt(Math.max(Math.abs(box.minLat), Math.abs(box.maxLat)));
  const dLat = marginM / northM;
  const dLng = marginM / eastM;
  return {
    minLat: box.minLat - dLat,
    maxLat: box.maxLat + dLat,
    minLng: box.minLng - dLng,
    maxLng: box.maxLng + dLng,
  };
}

/** Distance in metres from a point to a polyline of `[lat, lng]` points. */
export function distanceToLineM(point: IncidentPoint, line: readonly [number, number][]): number {
  const { northM, eastM } = projectionAt(point.latitude);
  const local = line.map(([lat, lng]): [number, number] => [
    (lng - point.longitude) * eastM,
    (lat - point.latitude) * northM,
  ]);
  let best = Infinity;
  for (let i = 0; i < local.length; i++) {
    const a = local[i]!;
    const b = local[i + 1] ?? a;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const lengthSquared = dx * dx + dy * dy;
    // The closest point of the leg to the origin (the incident).
    const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(a[0] * dx + a[1] * dy) / lengthSquared));
    best = Math.min(best, Math.hypot(a[0] + t * dx, a[1] + t * dy));
  }
  return best;
}

export function incidentsNear(
  stretch: Stretch,
  incidents: readonly IncidentPoint[],
  nearM: number,
): number {
  const box = stretchesBox([stretch], nearM);
  if (!box) return 0;
  let count = 0;
  for (const incident of incidents) {
    if (incident.latitude < box.minLat || incident.latitude > box.maxLat) continue;
    if (incident.longitude < box.minLng || incident.longitude > box.maxLng) continue;
    if (distanceToLineM(incident, stretch.points) <= nearM) count++;
  }
  return count;
}

/** The gaps with their incident counts, ranked, the first `limit`. */
export function rankGaps(
  stretches: readonly Stretch[],
  incidents: readonly IncidentPoint[],
  options: { sort: GapSort; limit: number; nearM?: number },
): Gap[] {
  const nearM = options.nearM ?? gapDefaults.nearM;
  const gaps: Gap[] = stretches.map((stretch) => ({
    wayId: stretch.wayId,
    name: stretch.name,
    kind: stretch.kind,
    lengthM: Math.round(stretch.lengthM * 10) / 10,
    incidentsNearby: incidentsNear(stretch, incidents, nearM),
    mid: stretch.mid,
    points: stretch.points,
  }));
  const byLength = (a: Gap, b: Gap) => b.lengthM - a.lengthM || a.wayId.localeCompare(b.wayId);
  gaps.sort(
    options.sort === 'incidents'
      ? (a, b) => b.incidentsNearby - a.incidentsNearby || byLength(a, b)
      : (a, b) => byLength(a, b) || b.incidentsNearby - a.incidentsNearby,
  );
  return gaps.slice(0, options.limit);
}
