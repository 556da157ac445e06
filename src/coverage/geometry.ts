import { projectionAt } from '../incidents/finder';
import type { Cam, Interval, Seg } from './coverage.types';

// Which part of a straight street piece a camera sees, exactly: the piece is P(t) = A + t·D for
// t in [0, 1], in metres around the camera (the finder's flat-earth projection at the camera's
// latitude), and the camera sees the points within its range (a quadratic in t) that lie in its
// wedge. A wedge narrower than a half-turn is the intersection of the two half-planes bounded by
// its edges; a wider one is their union (the complement of the opposite wedge); each half-plane
// is a linear condition in t. No sampling: the answer's ends are the true crossing points.
//
// This agrees with the finder's `sighting()` on what a wedge is: within `rangeM` and within
// fov/2 of the heading, fov ≥ 360 all round, the camera's own position seen. The finder also
// takes any point within a metre of a camera as seen, because a reported place is that
// uncertain; a street's length is not, and counting a metre behind every camera would make a
// camera halfway along a street looking along it cover more than half of what it faces.

export interface Projection {
  northM: number;
  eastM: number;
}

type SegmentEnds = Pick<Seg, 'lat1' | 'lng1' | 'lat2' | 'lng2'>;
type Wedge = Pick<Cam, 'latitude' | 'longitude' | 'heading' | 'fov' | 'rangeM'>;

/** Pieces shorter than this share of a segment are rounding noise, not coverage. */
const epsilon = 1e-12;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Length of a straight piece in metres, projected at its middle latitude. */
export function segmentLengthM(ends: SegmentEnds): number {
  const { northM, eastM } = projectionAt((ends.lat1 + ends.lat2) / 2);
  return Math.hypot((ends.lat2 - ends.lat1) * northM, (ends.lng2 - ends.lng1) * eastM);
}

/** The point at parameter t of a segment, `[lat, lng]`. */
export function pointAt(ends: SegmentEnds, t: number): [number, number] {
  return [ends.lat1 + (ends.lat2 - ends.lat1) * t, ends.lng1 + (ends.lng2 - ends.lng1) * t];
}

/** {t ∈ [0, 1] : f0 + t·f1 ≤ 0}, an interval or null. */
function nonPositive(f0: number, f1: number): Interval | null {
  if (f1 === 0) return f0 <= 0 ? [0, 1] : null;
  const root = -f0 / f1;
  if (f1 > 0) return root < 0 ? null : [0, Math.min(1, root)];
  return root > 1 ? null : [Math.max(0, root), 1];
}

function intersect(a: Interval | null, b: Interval | null): Interval | null {
  if (!a || !b) return null;
  const from = Math.max(a[0], b[0]);
  const to = Math.min(a[1], b[1]);
  return from <= to ? [from, to] : null;
}

/** The t where |A + tD| ≤ range. */
function diskInterval(ax: number, ay: number, dx: number, dy: number, rangeM: number) {
  const a = dx * dx + dy * dy;
  const c = ax * ax + ay * ay - rangeM * rangeM;
  if (a === 0) return c <= 0 ? ([0, 1] as Interval) : null;
  const b = 2 * (ax * dx + ay * dy);
  const discriminant = b * b - 4 * a * c;
  if (discriminant < 0) return null;
  const root = Math.sqrt(discriminant);
  return intersect([(-b - root) / (2 * a), (-b + root) / (2 * a)], [0, 1]);
}

/** The t where A + tD lies in the wedge (no range); up to two pieces. */
function wedgeIntervals(ax: number, ay: number, dx: number, dy: number, camera: Wedge) {
  if (camera.fov >= 360) return [[0, 1] as Interval];
  if (camera.fov <= 0) return [];
  const half = toRadians(camera.fov / 2);
  const heading = toRadians(camera.heading);
  // Edge directions as (east, north) unit vectors; a compass bearing θ is (sin θ, cos θ).
  const lx = Math.sin(heading - half);
  const ly = Math.cos(heading - half);
  const rx = Math.sin(heading + half);
  const ry = Math.cos(heading + half);
  // cross(U, X) = Ux·Xy − Uy·Xx is ≤ 0 when X lies clockwise of U, within a half-turn.
  const clockwiseOfLeft = nonPositive(lx * ay - ly * ax, lx * dy - ly * dx);
  const anticlockwiseOfRight = nonPositive(-(rx * ay - ry * ax), -(rx * dy - ry * dx));
  if (camera.fov <= 180) {
    const both = intersect(clockwiseOfLeft, anticlockwiseOfRight);
    return both ? [both] : [];
  }
  return mergeIntervals([clockwiseOfLeft, anticlockwiseOfRight].filter((i) => i !== null));
}

/**
 * The parameter intervals of the segment inside the camera's wedge, within its range: sorted,
 * disjoint, each of positive length. `projection` defaults to the camera's latitude.
 */
export function segmentCover(
  segment: SegmentEnds,
  camera: Wedge,
  projection: Projection = projectionAt(camera.latitude),
): Interval[] {
  const ax = (segment.lng1 - camera.longitude) * projection.eastM;
  const ay = (segment.lat1 - camera.latitude) * projection.northM;
  const dx = (segment.lng2 - segment.lng1) * projection.eastM;
  const dy = (segment.lat2 - segment.lat1) * projection.northM;
  const disk = diskInterval(ax, ay, dx, dy, camera.rangeM);
  if (!disk) return [];
  const pieces: Interval[] = [];
  for (const piece of wedgeIntervals(ax, ay, dx, dy, camera)) {
    const seen = intersect(disk, piece);
    if (seen && seen[1] - seen[0] > epsilon) pieces.push(seen);
  }
  return pieces;
}

/** Sorted, disjoint intervals covering the same points; touching ones are joined. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter(([from, to]) => to - from > epsilon)
    .map(([from, to]): Interval => [from, to])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval[0] <= last[1] + epsilon) last[1] = Math.max(last[1], interval[1]);
    else merged.push(interval);
  }
  return merged;
}

/** The share of [0, 1] the intervals cover (overlaps counted once). */
export function coveredFraction(intervals: readonly Interval[]): number {
  let total = 0;
  for (const [from, to] of mergeIntervals(intervals)) {
    total += Math.max(0, Math.min(1, to) - Math.max(0, from));
  }
  return total;
}

/** The parts of [0, 1] that sorted, disjoint intervals leave out. */
export function complementIntervals(merged: readonly Interval[]): Interval[] {
  const gaps: Interval[] = [];
  let at = 0;
  for (const [from, to] of merged) {
    if (from - at > epsilon) gaps.push([at, from]);
    at = Math.max(at, to);
  }
  if (1 - at > epsilon) gaps.push([at, 1]);
  return gaps;
}
