import { projectionAt } from '../incidents/finder';

// Whether a way's shape is a street or a mess: too few points, a piece longer than any street
// block, a spike where the line turns straight back on itself, or a line crossing itself. Such
// files come from a broken export or a hand edit gone wrong; coverage computed on them would be
// nonsense, so the import refuses them and says where the problem is.

/** `[lat, lng]`. */
export type Point = [number, number];

export const wayLimits = {
  /** The crossing test compares every pair of pieces of a line; this keeps it quick. */
  maxPoints: 2000,
  longestSegmentM: 5000,
  /** A turn sharper than this is a spike (the line doubles back), not a street corner. */
  foldBackDegrees: 175,
} as const;

/** Metres east and north of the way's first point. */
function projectPart(part: readonly Point[], origin: Point): [number, number][] {
  const { northM, eastM } = projectionAt(origin[0]);
  return part.map(([lat, lng]) => [(lng - origin[1]) * eastM, (lat - origin[0]) * northM]);
}

const cross = (ax: number, ay: number, bx: number, by: number) => ax * by - ay * bx;

/** Orientation of c relative to the line a→b, scaled to the lengths involved. */
function orientation(a: [number, number], b: [number, number], c: [number, number]): number {
  return cross(b[0] - a[0], b[1] - a[1], c[0] - a[0], c[1] - a[1]);
}

/**
 * True when segments p and q properly cross (each one's ends strictly on either side of the
 * other) or lie on one line overlapping for some length. Touching at an end is allowed: a
 * closed way (a roundabout) and a way ending on itself are streets.
 */
export function segmentsCross(
  p1: [number, number],
  p2: [number, number],
  q1: [number, number],
  q2: [number, number],
): boolean {
  const d1 = orientation(q1, q2, p1);
  const d2 = orientation(q1, q2, p2);
  const d3 = orientation(p1, p2, q1);
  const d4 = orientation(p1, p2, q2);
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  const scale = Math.hypot(p2[0] - p1[0], p2[1] - p1[1]) * Math.hypot(q2[0] - q1[0], q2[1] - q1[1]);
  const flat = 1e-9 * scale;
  if ([d1, d2, d3, d4].some((d) => Math.abs(d) > flat)) return false;
  // Collinear: overlapping for a length along the shared line?
  const ux = p2[0] - p1[0];
  const uy = p2[1] - p1[1];
  const along = (r: [number, number]) => (r[0] - p1[0]) * ux + (r[1] - p1[1]) * uy;
  const pEnd = along(p2);
  const from = Math.max(0, Math.min(along(q1), along(q2)));
  const to = Math.min(pEnd, Math.max(along(q1), along(q2)));
  return to - from > 1e-6 * pEnd;
}

const describePoint = (parts: number, line: number, k: number) =>
  parts > 1 ? `line ${line}, point ${k}` : `point ${k}`;

function partProblem(
  metres: [number, number][],
  part: readonly Point[],
  line: number,
  parts: number,
): string | null {
  for (let k = 1; k < metres.length; k++) {
    const [a, b] = [metres[k - 1]!, metres[k]!];
    const lengthM = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (lengthM > wayLimits.longestSegmentM) {
      return (
        `has a straight piece of ${(lengthM / 1000).toFixed(1)} km ending at ` +
        `${describePoint(parts, line, k)}; the longest allowed is ${wayLimits.longestSegmentM / 1000} km`
      );
    }
    if (k >= 2) {
      const c = metres[k - 2]!;
      const u = [a[0] - c[0], a[1] - c[1]] as const;
      const v = [b[0] - a[0], b[1] - a[1]] as const;
      const cosine = (u[0] * v[0] + u[1] * v[1]) / (Math.hypot(...u) * Math.hypot(...v));
      const turn = (Math.acos(Math.max(-1, Math.min(1, cosine))) * 180) / Math.PI;
      if (turn > wayLimits.foldBackDegrees) {
        return `folds back on itself at ${describePoint(parts, line, k - 1)} (a ${turn.toFixed(1)}° turn)`;
      }
    }
  }
  for (let i = 0; i + 1 < metres.length; i++) {
    const [p1, p2] = [metres[i]!, metres[i + 1]!];
    const [minX, maxX] = [Math.min(p1[0], p2[0]), Math.max(p1[0], p2[0])];
    const [minY, maxY] = [Math.min(p1[1], p2[1]), Math.max(p1[1], p2[1])];
    for (let j = i + 2; j + 1 < metres.length; j++) {
      const [q1, q2] = [metres[j]!, metres[j + 1]!];
      if (Math.max(q1[0], q2[0]) < minX || Math.min(q1[0], q2[0]) > maxX) continue;
      if (Math.max(q1[1], q2[1]) < minY || Math.min(q1[1], q2[1]) > maxY) continue;
      if (!segmentsCross(p1, p2, q1, q2)) continue;
      const [lat, lng] = part[j]!;
      return (
        `crosses itself: the piece after ${describePoint(parts, line, i)} meets the piece after ` +
        `${describePoint(parts, line, j)} near (${lng.toFixed(6)}, ${lat.toFixed(6)})`
      );
    }
  }
  return null;
}

/** What is wrong with a way's lines (repeated points already dropped), or null. */
export function wayProblem(parts: readonly (readonly Point[])[]): string | null {
  const points = parts.reduce((n, part) => n + part.length, 0);
  if (points > wayLimits.maxPoints) {
    return `has ${points} points; at most ${wayLimits.maxPoints} per way (split it)`;
  }
  for (let line = 0; line < parts.length; line++) {
    const part = parts[line]!;
    if (part.length < 2) {
      const which = parts.length > 1 ? `line ${line} ` : '';
      return `${which}has fewer than two distinct points`;
    }
    const problem = partProblem(projectPart(part, part[0]!), part, line, parts.length);
    if (problem) return problem;
  }
  return null;
}
