// The shapes the coverage engine works on. A segment is one straight piece of a street (two
// points of an imported way); a camera is its position and field-of-view wedge.

/** A straight piece of a street, in the order of its way (`seq`). */
export interface Seg {
  id: string;
  wayId: string;
  name: string;
  /** OpenStreetMap `highway` value. */
  kind: string;
  /** The deepest unit holding the segment's midpoint. */
  unitPath: string;
  lat1: number;
  lng1: number;
  lat2: number;
  lng2: number;
  lengthM: number;
}

/** What coverage needs of a camera: where it stands and its wedge (compass degrees, metres). */
export interface Cam {
  id: string;
  latitude: number;
  longitude: number;
  heading: number;
  fov: number;
  rangeM: number;
}

/** A closed piece of a segment's parameter range, `0 ≤ from ≤ to ≤ 1` (0 = first point). */
export type Interval = [number, number];

/** Consecutive covered (or uncovered) pieces along one way, joined. Points are `[lat, lng]`. */
export interface Stretch {
  wayId: string;
  name: string;
  kind: string;
  lengthM: number;
  points: [number, number][];
  mid: [number, number];
}

/** Which cameras count: those we record, or every installed camera in the registry. */
export type CoverageMode = 'recorded' | 'all';
export const coverageModes: readonly CoverageMode[] = ['recorded', 'all'];

export interface Totals {
  lengthM: number;
  coveredM: number;
}

export interface StreetCoverage extends Totals {
  name: string;
  kind: string;
}

export interface UnitCoverage extends Totals {
  unitId: string;
  name: string;
  /** 0–100 with one decimal; null when the unit has no roads. */
  pct: number | null;
}

/** Percent with one decimal, or null when there is nothing to cover. */
export function percentOf(totals: Totals): number | null {
  if (totals.lengthM <= 0) return null;
  return Math.round((Math.min(totals.coveredM, totals.lengthM) / totals.lengthM) * 1000) / 10;
}
