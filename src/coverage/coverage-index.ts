import { projectionAt } from '../incidents/finder';
import type {
  Cam,
  Interval,
  Seg,
  Stretch,
  StreetCoverage,
  Totals,
} from './coverage.types';
import {
  complementIntervals,
  coveredFraction,
  mergeIntervals,
  pointAt,
  segmentCover,
} from './geometry';
import { SegmentGrid } from './segment-grid';

// Coverage of a street network by a set of cameras, kept up to date one camera at a time. Each
// segment keeps what every camera sees of it and the union of that; adding or removing a camera
// touches only the segments in the grid cells its range reaches, so planning "what if we put a
// camera here" costs a few segment tests, not a recomputation of the city.

interface Hit {
  cameraId: string;
  intervals: Interval[];
}

/** What never changes after the index is built, shared by its clones. */
interface Shared {
  segments: readonly Seg[];
  byId: ReadonlyMap<string, number>;
  grid: SegmentGrid;
  /** Each way's segments in order, as indexes. */
  ways: readonly number[][];
}

/** What adding and removing cameras changes; copied by `clone()`. */
interface State {
  hits: Hit[][];
  /** Per segment, the union of its hits; replaced when it changes, never edited in place. */
  merged: Interval[][];
  coveredM: Float64Array;
  cameras: Map<string, { camera: Cam; segments: number[] }>;
}

/** Segment ends closer than this (degrees, about a centimetre) are the same point. */
const sameVertex = 1e-7;
/** Pieces of a stretch shorter than this are rounding noise between two cameras' views. */
const shortestPieceM = 0.01;

function groupWays(segments: readonly Seg[]): number[][] {
  const ways = new Map<string, number[]>();
  segments.forEach((segment, index) => {
    const way = ways.get(segment.wayId);
    if (way) way.push(index);
    else ways.set(segment.wayId, [index]);
  });
  return [...ways.values()];
}

const joins = (before: Seg, after: Seg) =>
  Math.abs(before.lat2 - after.lat1) < sameVertex && Math.abs(before.lng2 - after.lng1) < sameVertex;

function polylineMid(points: readonly [number, number][]): [number, number] {
  const first = points[0] ?? [0, 0];
  const { northM, eastM } = projectionAt(first[0]);
  const legs = points.slice(1).map((p, i) => {
    const q = points[i]!;
    return Math.hypot((p[0] - q[0]) * northM, (p[1] - q[1]) * eastM);
  });
  let remaining = legs.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < legs.length; i++) {
    const leg = legs[i]!;
    if (remaining <= leg && leg > 0) {
      const t = remaining / leg;
      const [a, b] = [points[i]!, points[i + 1]!];
      return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    }
    remaining -= leg;
  }
  return first;
}

export class CoverageIndex {
  private shared!: Shared;
  private state!: State;

  /**
   * Builds the grid and computes every camera's view of every segment. Segments of one way
   * must come in their order along it (`seq`), as the repo reads them.
   */
  constructor(segments: Seg[], cameras: Cam[], options: { cellM?: number } = {}) {
    const list = [...segments];
    this.shared = {
      segments: list,
      byId: new Map(list.map((segment, index) => [segment.id, index])),
      grid: new SegmentGrid(list, options.cellM ?? 100),
      ways: groupWays(list),
    };
    this.state = {
      hits: list.map(() => []),
      merged: list.map(() => []),
      coveredM: new Float64Array(list.length),
      cameras: new Map(),
    };
    for (const camera of cameras) {
      if (this.state.cameras.has(camera.id)) continue;
      this.state.cameras.set(camera.id, { camera, segments: this.attach(camera) });
    }
    list.forEach((_, index) => this.remerge(index));
  }

  /** Records what the camera sees on each segment near it; returns those segments. */
  private attach(camera: Cam): number[] {
    const projection = projectionAt(camera.latitude);
    const touched: number[] = [];
    for (const index of this.shared.grid.near(camera)) {
      const intervals = segmentCover(this.shared.segments[index]!, camera, projection);
      if (intervals.length === 0) continue;
      this.state.hits[index]!.push({ cameraId: camera.id, intervals });
      touched.push(index);
    }
    return touched;
  }

  private remerge(index: number): void {
    const merged = mergeIntervals(this.state.hits[index]!.flatMap((hit) => hit.intervals));
    this.state.merged[index] = merged;
    this.state.coveredM[index] = coveredFraction(merged) * this.shared.segments[index]!.lengthM;
  }

  /** Adds a camera (replacing one with the same id), updating only the segments it reaches. */
  add(camera: Cam): void {
    if (this.state.cameras.has(camera.id)) this.remove(camera.id);
    const touched = this.attach(camera);
    for (const index of touched) this.remerge(index);
    this.state.cameras.set(camera.id, { camera, segments: touched });
  }

  remove(cameraId: string): void {
    const entry = this.state.cameras.get(cameraId);
    if (!entry) return;
    for (const index of entry.segments) {
      this.state.hits[index] = this.state.hits[index]!.filter((hit) => hit.cameraId !== cameraId);
      this.remerge(index);
    }
    this.state.cameras.delete(cameraId);
  }

  /**
   * Metres the camera would newly cover (each segment's share times `weight`, default 1),
   * counting only what no camera in the index sees already. The index is not changed.
   */
  gain(camera: Cam, weight?: (segment: Seg) => number): number {
    const projection = projectionAt(camera.latitude);
    let total = 0;
    for (const index of this.shared.grid.near(camera)) {
      const segment = this.shared.segments[index]!;
      const seen = segmentCover(segment, camera, projection);
      if (seen.length === 0) continue;
      const before = this.state.merged[index]!;
      const added = coveredFraction([...before, ...seen]) - coveredFraction(before);
      if (added <= 0) continue;
      total += added * segment.lengthM * (weight ? weight(segment) : 1);
    }
    return total;
  }

  /** A copy to try changes on; the network and grid are shared, the coverage is not. */
  clone(): CoverageIndex {
    const copy = Object.create(CoverageIndex.prototype) as CoverageIndex;
    copy.shared = this.shared;
    copy.state = {
      hits: this.state.hits.map((hits) => hits.slice()),
      merged: this.state.merged.slice(),
      coveredM: this.state.coveredM.slice(),
      cameras: new Map(
        [...this.state.cameras].map(([id, entry]) => [
          id,
          { camera: entry.camera, segments: entry.segments.slice() },
        ]),
      ),
    };
    return copy;
  }

  get segments(): readonly Seg[] {
    return this.shared.segments;
  }

  /** Cameras in the index, and how many of them see some street. */
  cameraCount(): { total: number; seeing: number } {
    let seeing = 0;
    for (const entry of this.state.cameras.values()) if (entry.segments.length > 0) seeing++;
    return { total: this.state.cameras.size, seeing };
  }

  /** The covered parameter intervals of one segment (empty for an unknown id). */
  segmentIntervals(segId: string): Interval[] {
    const index = this.shared.byId.get(segId);
    if (index === undefined) return [];
    return this.state.merged[index]!.map(([from, to]): Interval => [from, to]);
  }

  /** Covered metres of one segment. */
  segmentCoveredM(segId: string): number {
    const index = this.shared.byId.get(segId);
    return index === undefined ? 0 : this.state.coveredM[index]!;
  }

  totals(): Totals {
    let lengthM = 0;
    let coveredM = 0;
    this.shared.segments.forEach((segment, index) => {
      lengthM += segment.lengthM;
      coveredM += this.state.coveredM[index]!;
    });
    return { lengthM, coveredM };
  }

  /** Streets by name and kind (unnamed ways of one kind together, as ''), longest first. */
  byStreet(): StreetCoverage[] {
    const streets = new Map<string, StreetCoverage>();
    this.shared.segments.forEach((segment, index) => {
      const key = `${segment.kind}\u0000${segment.name}`;
      let street = streets.get(key);
      if (!street) {
        street = { name: segment.name, kind: segment.kind, lengthM: 0, coveredM: 0 };
        streets.set(key, street);
      }
      street.lengthM += segment.lengthM;
      street.coveredM += this.state.coveredM[index]!;
    });
    return [...streets.values()].sort(
      (a, b) => b.lengthM - a.lengthM || a.name.localeCompare(b.name, 'vi'),
    );
  }

  /** Totals per deepest unit path; a unit's own total is the sum over paths starting with it. */
  byUnitPath(): Map<string, Totals> {
    const units = new Map<string, Totals>();
    this.shared.segments.forEach((segment, index) => {
      const unit = units.get(segment.unitPath) ?? { lengthM: 0, coveredM: 0 };
      unit.lengthM += segment.lengthM;
      unit.coveredM += this.state.coveredM[index]!;
      units.set(segment.unitPath, unit);
    });
    return units;
  }

  /** Uncovered stretches at least `minLengthM` long, longest first. */
  uncoveredStretches(minLengthM: number): Stretch[] {
    return this.stretches(false).filter((stretch) => stretch.lengthM >= minLengthM);
  }

  /** Covered stretches, longest first. */
  coveredStretches(): Stretch[] {
    return this.stretches(true);
  }

  /**
   * Covered or uncovered pieces, joined along each way where one piece ends at a segment's end
   * and the next starts at the following segment's start (the way goes on through the vertex).
   */
  private stretches(covered: boolean): Stretch[] {
    const result: Stretch[] = [];
    const { segments, ways } = this.shared;
    for (const way of ways) {
      let open: Stretch | null = null;
      let openToEnd = false;
      const close = () => {
        if (open && open.lengthM >= shortestPieceM) {
          open.mid = polylineMid(open.points);
          result.push(open);
        }
        open = null;
      };
      way.forEach((index, position) => {
        const segment = segments[index]!;
        const previous = position > 0 ? segments[way[position - 1]!] : undefined;
        const merged = this.state.merged[index]!;
        const pieces = covered ? merged : complementIntervals(merged);
        const continues = openToEnd && previous !== undefined && joins(previous, segment);
        if (!continues) close();
        openToEnd = false;
        for (const [from, to] of pieces) {
          const lengthM = (to - from) * segment.lengthM;
          const current: Stretch | null = open;
          if (current !== null && from <= 1e-9 && continues) {
            current.points.push(pointAt(segment, to));
            current.lengthM += lengthM;
          } else {
            close();
            open = {
              wayId: segment.wayId,
              name: segment.name,
              kind: segment.kind,
              lengthM,
              points: [pointAt(segment, from), pointAt(segment, to)],
              mid: [0, 0],
            };
          }
          openToEnd = to >= 1 - 1e-9;
        }
        if (!openToEnd) close();
      });
      close();
    }
    return result.sort((a, b) => b.lengthM - a.lengthM);
  }
}
