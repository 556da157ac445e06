import type { Bbox } from '../cameras/camera.geo';
import type { ConsentTier } from '../cameras/camera.types';
import { badRequest } from '../platform/http/errors';
import { parseRange } from '../playback/footage-range';
import { clipSpans, holesBetween, mergeSpans, totalSeconds, type Span } from '../playback/timeline';

// The camera finder's decisions: which cameras could have seen a place during a window, in what
// order an officer should look at them, and how their footage can be had. Pure: the repo hands
// in the cameras around the point and what we recorded of the window.
//
// Distances use a local equirectangular projection around the incident point rather than the
// haversine formula. Within the 2 km the finder looks, the two differ by well under a metre
// (less than the error of a camera's registered position), the projection costs one cosine per
// query instead of several trigonometric calls per camera, the same arithmetic runs in SQL as
// the candidate prefilter (so the database and this file agree on who is within reach), and the
// web map draws field-of-view wedges with the same flat-earth approximation.

const earthRadiusM = 6_371_000;
const metersPerDegree = (earthRadiusM * Math.PI) / 180;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
const toDegrees = (radians: number) => (radians * 180) / Math.PI;

export const radiusLimits = { defaultM: 200, minM: 10, maxM: 2000 } as const;
/** Incident windows are short: a footage request may cover at most 12 hours either. */
export const longestWindowMs = 12 * 3_600_000;
/**
 * The longest range a registered camera may have (`rangeM` in the camera schema). A camera
 * beyond the search radius still counts when its wedge reaches the point, so the search looks
 * this far whatever the radius.
 */
export const longestRangeM = 1000;

export interface FinderQuery {
  latitude: number;
  longitude: number;
  radiusM: number;
  fromMs: number;
  toMs: number;
}

/** The finder's input as a client sends it (types already checked by the route schema). */
export interface FinderInput {
  latitude?: number | undefined;
  longitude?: number | undefined;
  radiusM?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function coordinate(value: number | undefined, field: 'latitude' | 'longitude', limit: number) {
  if (value === undefined) throw badRequest(`${field} is required`, field);
  if (!Number.isFinite(value) || Math.abs(value) > limit) {
    throw badRequest(`${field} must be between -${limit} and ${limit}`, field);
  }
  return value;
}

/** Checks a finder request; every refusal names the field at fault. */
export function parseFinderQuery(input: FinderInput, nowMs: number): FinderQuery {
  const latitude = coordinate(input.latitude, 'latitude', 90);
  const longitude = coordinate(input.longitude, 'longitude', 180);
  const radiusM = input.radiusM ?? radiusLimits.defaultM;
  if (!Number.isFinite(radiusM) || radiusM < radiusLimits.minM || radiusM > radiusLimits.maxM) {
    throw badRequest(
      `radiusM must be between ${radiusLimits.minM} and ${radiusLimits.maxM} metres`,
      'radiusM',
    );
  }
  const { fromMs, toMs } = parseRange(input, longestWindowMs);
  if (fromMs >= nowMs) throw badRequest('from must be in the past', 'from');
  return { latitude, longitude, radiusM, fromMs, toMs };
}

/**
 * The finder only serves places inside a unit: a point at sea or abroad has no ward to ask and
 * no police in charge. The caller resolves the point to a unit and passes the result here.
 */
export function requirePointInUnit(unitId: string | null): string {
  if (unitId === null) {
    throw badRequest(
      'the point is not inside any administrative unit (at sea or outside the country)',
      'point',
    );
  }
  return unitId;
}

/** Metres per degree of latitude and of longitude at the incident point. */
export function projectionAt(latitude: number): { northM: number; eastM: number } {
  return { northM: metersPerDegree, eastM: metersPerDegree * Math.cos(toRadians(latitude)) };
}

/** The bounding box the repo searches: the radius, or a camera's longest range if greater. */
export function searchBox(query: Pick<FinderQuery, 'latitude' | 'longitude' | 'radiusM'>): {
  bbox: Bbox;
  reachM: number;
} {
  const reachM = Math.max(query.radiusM, longestRangeM);
  const { northM, eastM } = projectionAt(query.latitude);
  // A metre of slack so rounding never drops a camera exactly on the edge.
  const dLat = (reachM + 1) / northM;
  const dLng = Math.min(180, (reachM + 1) / Math.max(eastM, 1e-9));
  return {
    reachM,
    bbox: {
      minLat: query.latitude - dLat,
      maxLat: query.latitude + dLat,
      minLng: query.longitude - dLng,
      maxLng: query.longitude + dLng,
    },
  };
}

/** What the finder needs to know of a camera. `consentTier` is the tier in force now. */
export interface FinderCamera {
  id: string;
  code: string;
  latitude: number;
  longitude: number;
  heading: number;
  fov: number;
  rangeM: number;
  status: string;
  consentTier: ConsentTier;
  ownerKind: string;
  /** We record this camera (recording is on and it has a stream). */
  recording: boolean;
}

export interface Sighting {
  distanceM: number;
  /** Compass bearing from the camera to the point, 0–360. */
  bearing: number;
  /** How far the point lies off the camera's axis, 0–180 degrees. */
  offAxis: number;
  /** The point lies inside the field-of-view wedge, within the camera's range. */
  sees: boolean;
}

/** A point this close is where the camera stands: it is taken as seen whatever the heading. */
const atCameraM = 1;

export function sighting(
  point: { latitude: number; longitude: number },
  camera: Pick<FinderCamera, 'latitude' | 'longitude' | 'heading' | 'fov' | 'rangeM'>,
  projection = projectionAt(point.latitude),
): Sighting {
  const north = (point.latitude - camera.latitude) * projection.northM;
  const east = (point.longitude - camera.longitude) * projection.eastM;
  const distanceM = Math.hypot(north, east);
  const bearing = (toDegrees(Math.atan2(east, north)) + 360) % 360;
  const offAxis =
    distanceM < atCameraM ? 0 : Math.abs(((bearing - camera.heading + 540) % 360) - 180);
  const inWedge = camera.fov >= 360 || offAxis <= camera.fov / 2;
  return { distanceM, bearing, offAxis, sees: distanceM <= camera.rangeM && inWedge };
}

/**
 * How the footage can be had. What we recorded of the window comes first, whatever the camera's
 * status now; then a camera that was down, or that we record but have nothing of; then the
 * owner's consent: any sharing tier means a request, none means contacting the owner.
 */
export type Availability = 'recorded' | 'on_request' | 'registry_only' | 'offline';
export const availabilities: readonly Availability[] = [
  'recorded',
  'on_request',
  'registry_only',
  'offline',
];

export interface FoundCamera extends Sighting {
  camera: FinderCamera;
  withinRadius: boolean;
  availability: Availability;
  coverage: 'full' | 'partial' | 'none';
  /** What we recorded of the window, merged; and the parts of it (up to now) we did not. */
  recorded: Span[];
  gaps: Span[];
  recordedSeconds: number;
}

export interface FinderResult {
  query: FinderQuery;
  /** Cameras whose wedge holds the point, and those merely within the radius. */
  seeing: number;
  nearby: number;
  groups: Record<Availability, FoundCamera[]>;
}

function availabilityOf(camera: FinderCamera, recorded: readonly Span[]): Availability {
  if (recorded.length > 0) return 'recorded';
  if (camera.status === 'offline' || camera.status === 'decommissioned') return 'offline';
  if (camera.recording) return 'offline';
  return camera.consentTier === 'registry_only' ? 'registry_only' : 'on_request';
}

/** Seeing cameras first, then the nearest, then the one looking most squarely at the point. */
export function compareFound(a: FoundCamera, b: FoundCamera): number {
  if (a.sees !== b.sees) return a.sees ? -1 : 1;
  return (
    a.distanceM - b.distanceM ||
    a.offAxis - b.offAxis ||
    (a.camera.code < b.camera.code ? -1 : a.camera.code > b.camera.code ? 1 : 0)
  );
}

/**
 * The finder's answer. `cameras` may include any camera around the point (the repo's box holds
 * more than the answer); `coverage` maps a camera id to what we recorded of the window.
 */
export function findCameras(
  query: FinderQuery,
  cameras: Iterable<FinderCamera>,
  coverage: ReadonlyMap<string, readonly Span[]>,
  nowMs: number,
): FinderResult {
  const projection = projectionAt(query.latitude);
  const found: FoundCamera[] = [];
  for (const camera of cameras) {
    // A planned camera is not on the street yet: it cannot have seen anything.
    if (camera.status === 'planned') continue;
    const seen = sighting(query, camera, projection);
    const withinRadius = seen.distanceM <= query.radiusM;
    if (!seen.sees && !withinRadius) continue;
    const spans = [...(coverage.get(camera.id) ?? [])].sort((a, b) => a.startMs - b.startMs);
    const recorded = mergeSpans(clipSpans(spans, query.fromMs, query.toMs));
    // The future is not a gap: holes are counted up to now.
    const gaps =
      recorded.length === 0
        ? []
        : holesBetween(recorded, query.fromMs, Math.min(query.toMs, nowMs));
    found.push({
      ...seen,
      camera,
      withinRadius,
      availability: availabilityOf(camera, recorded),
      coverage: recorded.length === 0 ? 'none' : gaps.length === 0 ? 'full' : 'partial',
      recorded,
      gaps,
      recordedSeconds: totalSeconds(recorded),
    });
  }
  found.sort(compareFound);
  const groups: Record<Availability, FoundCamera[]> = {
    recorded: [],
    on_request: [],
    registry_only: [],
    offline: [],
  };
  for (const item of found) groups[item.availability].push(item);
  const seeing = found.filter((item) => item.sees).length;
  return { query, seeing, nearby: found.length - seeing, groups };
}
