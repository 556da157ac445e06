import { projectionAt } from '../incidents/finder';
import type { Cam, Seg } from './coverage.types';

// A uniform grid over the street segments, so a camera is tested only against the segments in
// the cells its range reaches rather than against the whole network. Cells are square in metres
// at the network's middle latitude; a segment is listed in every cell its bounding box touches,
// so a camera's box of cells finds every segment that can come within its range.

export class SegmentGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly originLat: number;
  private readonly originLng: number;
  private readonly cellLat: number;
  private readonly cellLng: number;
  private readonly columns: number;
  private readonly rows: number;
  /** Per segment, the query number that last listed it: one query lists a segment once. */
  private readonly listed: Uint32Array;
  private query = 0;

  constructor(segments: readonly Seg[], cellM: number) {
    let minLat = Infinity;
    let maxLat = -Infinity;
    let minLng = Infinity;
    let maxLng = -Infinity;
    for (const s of segments) {
      minLat = Math.min(minLat, s.lat1, s.lat2);
      maxLat = Math.max(maxLat, s.lat1, s.lat2);
      minLng = Math.min(minLng, s.lng1, s.lng2);
      maxLng = Math.max(maxLng, s.lng1, s.lng2);
    }
    if (segments.length === 0) minLat = maxLat = minLng = maxLng = 0;
    const { northM, eastM } = projectionAt((minLat + maxLat) / 2);
    this.cellLat = cellM / northM;
    this.cellLng = cellM / eastM;
    this.originLat = minLat;
    this.originLng = minLng;
    this.rows = Math.floor((maxLat - minLat) / this.cellLat) + 1;
    this.columns = Math.floor((maxLng - minLng) / this.cellLng) + 1;
    this.listed = new Uint32Array(segments.length);
    segments.forEach((s, index) => {
      const [r0, r1] = this.span(Math.min(s.lat1, s.lat2), Math.max(s.lat1, s.lat2), 'lat');
      const [c0, c1] = this.span(Math.min(s.lng1, s.lng2), Math.max(s.lng1, s.lng2), 'lng');
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const key = r * this.columns + c;
          const cell = this.cells.get(key);
          if (cell) cell.push(index);
          else this.cells.set(key, [index]);
        }
      }
    });
  }

  /** The rows or columns a range of degrees falls in, clamped to the grid. */
  private span(from: number, to: number, axis: 'lat' | 'lng'): [number, number] {
    const origin = axis === 'lat' ? this.originLat : this.originLng;
    const size = axis === 'lat' ? this.cellLat : this.cellLng;
    const last = (axis === 'lat' ? this.rows : this.columns) - 1;
    const first = Math.max(0, Math.floor((from - origin) / size));
    return [first, Math.min(last, Math.floor((to - origin) / size))];
  }

  /** Every segment in the cells within the camera's range (each once), as indexes. */
  near(camera: Pick<Cam, 'latitude' | 'longitude' | 'rangeM'>): number[] {
    const { northM, eastM } = projectionAt(camera.latitude);
    // A metre of slack so rounding never drops a segment that ends exactly at the range.
    const dLat = (camera.rangeM + 1) / northM;
    const dLng = (camera.rangeM + 1) / eastM;
    const [r0, r1] = this.span(camera.latitude - dLat, camera.latitude + dLat, 'lat');
    const [c0, c1] = this.span(camera.longitude - dLng, camera.longitude + dLng, 'lng');
    const found: number[] = [];
    if (r0 > r1 || c0 > c1) return found;
    this.query = (this.query + 1) >>> 0 || 1;
    if (this.query === 1) this.listed.fill(0);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        for (const index of this.cells.get(r * this.columns + c) ?? []) {
          if (this.listed[index] === this.query) continue;
          this.listed[index] = this.query;
          found.push(index);
        }
      }
    }
    return found;
  }
}
