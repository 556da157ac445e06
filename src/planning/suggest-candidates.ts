import type { Cam, Seg } from '../coverage/coverage.types';
import { projectionAt } from '../incidents/finder';
import type { Candidate } from './suggest';

// Where a new camera could go. Either the ward's own planned sites (as surveyed, with their
// heading), or points every `spacingM` along the streets no camera sees yet, each tried looking
// both ways along the street: a camera on a pole looks along the street, not across it.

const toDegrees = (radians: number) => (radians * 180) / Math.PI;

/** What sampling needs of an uncovered stretch (the coverage index's `Stretch`). */
export interface StretchLike {
  name: string;
  points: [number, number][];
}

export interface Lens {
  fov: number;
  rangeM: number;
}

/** Compass bearing from one point to another on the finder's flat-earth projection. */
export function bearingBetween(from: [number, number], to: [number, number]): number {
  const { northM, eastM } = projectionAt(from[0]);
  const north = (to[0] - from[0]) * northM;
  const east = (to[1] - from[1]) * eastM;
  return (toDegrees(Math.atan2(east, north)) + 360) % 360;
}

function distanceM(from: [number, number], to: [number, number]): number {
  const { northM, eastM } = projectionAt(from[0]);
  return Math.hypot((to[0] - from[0]) * northM, (to[1] - from[1]) * eastM);
}

/** Points every `spacingM` along a polyline, half a spacing in from its start, with the bearing there. */
export function samplePolyline(
  points: readonly [number, number][],
  spacingM: number,
): { at: [number, number]; bearing: number }[] {
  const legs = points.slice(1).map((to, i) => ({
    from: points[i]!,
    to,
    lengthM: distanceM(points[i]!, to),
  }));
  const total = legs.reduce((sum, leg) => sum + leg.lengthM, 0);
  if (total <= 0) return [];
  const count = Math.max(1, Math.floor(total / spacingM));
  // Centred: the samples leave equal margins at both ends of the stretch.
  const first = (total - (count - 1) * spacingM) / 2;
  const samples: { at: [number, number]; bearing: number }[] = [];
  let leg = 0;
  let walked = 0;
  for (let k = 0; k < count; k++) {
    const distance = first + k * spacingM;
    while (leg < legs.length - 1 && walked + legs[leg]!.lengthM < distance) {
      walked += legs[leg]!.lengthM;
      leg++;
    }
    const { from, to, lengthM } = legs[leg]!;
    const t = lengthM > 0 ? Math.min(1, Math.max(0, (distance - walked) / lengthM)) : 0;
    samples.push({
      at: [from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t],
      bearing: bearingBetween(from, to),
    });
  }
  return samples;
}

const round = (value: number, places: number) => Number(value.toFixed(places));

/** Two candidates (both directions along the street) per sampled point of every stretch. */
export function sampledCandidates(
  stretches: readonly StretchLike[],
  spacingM: number,
  lens: Lens,
): Candidate[] {
  const candidates: Candidate[] = [];
  stretches.forEach((stretch, s) => {
    samplePolyline(stretch.points, spacingM).forEach((sample, k) => {
      [sample.bearing, (sample.bearing + 180) % 360].forEach((heading, direction) => {
        const camera: Cam = {
          id: `sample-${s}-${k}-${direction}`,
          latitude: round(sample.at[0], 6),
          longitude: round(sample.at[1], 6),
          heading: round(heading, 1),
          fov: lens.fov,
          rangeM: lens.rangeM,
        };
        candidates.push({ camera, siteId: null, streetName: stretch.name });
      });
    });
  });
  return candidates;
}

export interface SiteLike {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  heading: number;
  fov: number;
  range_m: number;
}

/** A planned site as a candidate: where and how it was surveyed, named by its nearest street. */
export function plannedCandidates(
  sites: readonly SiteLike[],
  segments: readonly Seg[],
): Candidate[] {
  return sites.map((site) => ({
    camera: {
      id: `site-${site.id}`,
      latitude: site.latitude,
      longitude: site.longitude,
      heading: site.heading,
      fov: site.fov,
      rangeM: site.range_m,
    },
    siteId: site.id,
    streetName: nearestStreet(segments, site.latitude, site.longitude) ?? site.name,
  }));
}

/** Metres from a point to a segment, on the flat-earth projection around the point. */
export function distanceToSegmentM(latitude: number, longitude: number, seg: Seg): number {
  const { northM, eastM } = projectionAt(latitude);
  const ax = (seg.lng1 - longitude) * eastM;
  const ay = (seg.lat1 - latitude) * northM;
  const bx = (seg.lng2 - longitude) * eastM;
  const by = (seg.lat2 - latitude) * northM;
  const dx = bx - ax;
  const dy = by - ay;
  const squared = dx * dx + dy * dy;
  const t = squared > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / squared)) : 0;
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** The name of the street nearest a point (within 200 m), or null. */
export function nearestStreet(
  segments: readonly Seg[],
  latitude: number,
  longitude: number,
): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const seg of segments) {
    const distance = distanceToSegmentM(latitude, longitude, seg);
    if (distance <= 200 && (best === null || distance < best.distance)) {
      best = { name: seg.name, distance };
    }
  }
  return best?.name ?? null;
}

/** How many of the points lie within `radiusM` of each segment, by segment id. */
export function incidentCounts(
  segments: readonly Seg[],
  points: readonly { latitude: number; longitude: number }[],
  radiusM: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  if (points.length === 0) return counts;
  const { northM, eastM } = projectionAt(points[0]!.latitude);
  const dLat = radiusM / northM;
  const dLng = radiusM / eastM;
  for (const seg of segments) {
    const minLat = Math.min(seg.lat1, seg.lat2) - dLat;
    const maxLat = Math.max(seg.lat1, seg.lat2) + dLat;
    const minLng = Math.min(seg.lng1, seg.lng2) - dLng;
    const maxLng = Math.max(seg.lng1, seg.lng2) + dLng;
    let count = 0;
    for (const p of points) {
      if (p.latitude < minLat || p.latitude > maxLat) continue;
      if (p.longitude < minLng || p.longitude > maxLng) continue;
      if (distanceToSegmentM(p.latitude, p.longitude, seg) <= radiusM) count++;
    }
    if (count > 0) counts.set(seg.id, count);
  }
  return counts;
}
