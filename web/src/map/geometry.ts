// Field-of-view geometry. Ranges are at most a kilometre, so a local flat-earth
// approximation around the camera is accurate to well under a metre.

const earthRadiusM = 6_371_000;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
const toDegrees = (radians: number) => (radians * 180) / Math.PI;

export type LatLngTuple = [number, number];

/** The point `distanceM` metres from (lat, lng) along compass bearing `bearing` (0 = north). */
export function offsetPoint(
  lat: number,
  lng: number,
  bearing: number,
  distanceM: number,
): LatLngTuple {
  const angle = toRadians(bearing);
  const dLat = (distanceM * Math.cos(angle)) / earthRadiusM;
  const dLng = (distanceM * Math.sin(angle)) / (earthRadiusM * Math.cos(toRadians(lat)));
  return [lat + toDegrees(dLat), lng + toDegrees(dLng)];
}

export interface ViewCone {
  latitude: number;
  longitude: number;
  heading: number;
  fov: number;
  rangeM: number;
}

/** A camera that sees all around is drawn as a circle rather than a wedge. */
export const isPanoramic = (cone: Pick<ViewCone, 'fov'>) => cone.fov >= 360;

/**
 * The wedge outline: the camera's position, then the arc from the left edge to the right.
 * A panoramic camera's outline is the full circle alone.
 */
export function wedgePolygon(cone: ViewCone, stepDegrees = 5): LatLngTuple[] {
  const { latitude, longitude, heading, rangeM } = cone;
  const fov = Math.min(Math.max(cone.fov, 1), 360);
  const start = heading - fov / 2;
  const steps = Math.max(2, Math.ceil(fov / stepDegrees));
  const points: LatLngTuple[] = isPanoramic({ fov }) ? [] : [[latitude, longitude]];
  for (let i = 0; i <= steps; i++) {
    points.push(offsetPoint(latitude, longitude, start + (fov * i) / steps, rangeM));
  }
  return points;
}

/** Compass bearing in whole degrees (0–359) from one point towards another. */
export function bearingBetween(from: LatLngTuple, to: LatLngTuple): number {
  const dNorth = to[0] - from[0];
  const dEast = (to[1] - from[1]) * Math.cos(toRadians(from[0]));
  const degrees = Math.round(toDegrees(Math.atan2(dEast, dNorth)));
  return ((degrees % 360) + 360) % 360;
}

/** Distance in metres between two nearby points (same approximation as above). */
export function distanceBetween(from: LatLngTuple, to: LatLngTuple): number {
  const dNorth = toRadians(to[0] - from[0]) * earthRadiusM;
  const dEast = toRadians(to[1] - from[1]) * earthRadiusM * Math.cos(toRadians(from[0]));
  return Math.hypot(dNorth, dEast);
}
