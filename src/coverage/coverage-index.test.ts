import { describe, expect, it } from 'vitest';
import { CoverageIndex } from './coverage-index';
import { cam, random, seg, way } from './coverage-test-kit';
import type { Cam, Seg } from './coverage.types';

// A 300 m way of three 100 m segments, west to east, from -150 to +150 m.
const mainWay = () => way('w1', [[-150, 0], [-50, 0], [50, 0], [150, 0]], { name: 'Xuân Đỉnh' });

/** A synthetic block of streets every 80 m and cameras on them, for incremental checks. */
function city(seed: number): { segments: Seg[]; cameras: Cam[] } {
  const next = random(seed);
  const segments: Seg[] = [];
  for (let line = 0; line < 8; line++) {
    const points = Array.from({ length: 9 }, (_, k): [number, number] => [k * 80, line * 80]);
    segments.push(...way(`ew${line}`, points));
    const across = Array.from({ length: 9 }, (_, k): [number, number] => [line * 80, k * 80]);
    segments.push(...way(`ns${line}`, across, { kind: 'service', name: '' }));
  }
  const cameras = Array.from({ length: 60 }, (_, i) =>
    cam(`c${i}`, next() * 640, Math.floor(next() * 8) * 80 + (next() - 0.5) * 10, {
      heading: Math.floor(next() * 360),
      fov: 60 + Math.floor(next() * 60),
      rangeM: 20 + Math.floor(next() * 60),
    }),
  );
  return { segments, cameras };
}

function perSegment(index: CoverageIndex, segments: Seg[]): number[] {
  return segments.map((s) => index.segmentCoveredM(s.id));
}

describe('CoverageIndex', () => {
  it('counts overlapping cameras once in the totals', () => {
    const street = [seg('s', [-100, 0], [100, 0])];
    const index = new CoverageIndex(street, [
      cam('west', -100, 0, { heading: 90, fov: 90, rangeM: 120 }),
      cam('middle', 0, 0, { heading: 90, fov: 90, rangeM: 100 }),
    ]);
    const totals = index.totals();
    expect(totals.lengthM).toBeCloseTo(200, 3);
    expect(totals.coveredM).toBeCloseTo(200, 3);
  });

  it('reports half of a street covered by a camera at its middle looking along it', () => {
    const index = new CoverageIndex(
      [seg('s', [-100, 0], [100, 0])],
      [cam('c', 0, 0, { heading: 90, fov: 90, rangeM: 100 })],
    );
    const { lengthM, coveredM } = index.totals();
    expect((coveredM / lengthM) * 100).toBeCloseTo(50, 1);
    expect(index.segmentIntervals('s')[0]![0]).toBeCloseTo(0.5, 6);
  });

  it('gives the same coverage after adds and removes as a fresh computation', () => {
    const { segments, cameras } = city(11);
    const incremental = new CoverageIndex(segments, cameras.slice(0, 30), { cellM: 50 });
    for (const camera of cameras.slice(30)) incremental.add(camera);
    for (const camera of cameras.slice(0, 10)) incremental.remove(camera.id);
    const fresh = new CoverageIndex(segments, cameras.slice(10));
    const a = perSegment(incremental, segments);
    const b = perSegment(fresh, segments);
    a.forEach((value, i) => expect(value).toBeCloseTo(b[i]!, 6));
    expect(incremental.cameraCount().total).toBe(50);
  });

  it('replaces a camera added again under the same id', () => {
    const street = [seg('s', [-100, 0], [100, 0])];
    const index = new CoverageIndex(street, [cam('c', 0, 0, { heading: 90, fov: 90, rangeM: 100 })]);
    index.add(cam('c', 0, 0, { heading: 90, fov: 90, rangeM: 50 }));
    expect(index.totals().coveredM).toBeCloseTo(50, 3);
  });

  it('gives a camera’s gain without changing the index, counting only new metres', () => {
    const street = [seg('s', [-100, 0], [100, 0])];
    const index = new CoverageIndex(street, [cam('a', 0, 0, { heading: 90, fov: 90, rangeM: 100 })]);
    const overlapping = cam('b', -50, 0, { heading: 90, fov: 90, rangeM: 100 });
    expect(index.gain(overlapping)).toBeCloseTo(50, 3);
    expect(index.totals().coveredM).toBeCloseTo(100, 3);
    expect(index.gain(overlapping, () => 2)).toBeCloseTo(100, 3);
    expect(index.gain(cam('far', 500, 500, { heading: 0, fov: 90, rangeM: 50 }))).toBe(0);
    index.add(overlapping);
    expect(index.totals().coveredM).toBeCloseTo(150, 3);
  });

  it('matches a gain with the change an add makes, at random', () => {
    const { segments, cameras } = city(12);
    const index = new CoverageIndex(segments, cameras.slice(0, 40));
    for (const camera of cameras.slice(40)) {
      const before = index.totals().coveredM;
      const gain = index.gain(camera);
      index.add(camera);
      expect(index.totals().coveredM - before).toBeCloseTo(gain, 6);
    }
  });

  it('clones so that changes to the copy leave the original alone', () => {
    const { segments, cameras } = city(13);
    const index = new CoverageIndex(segments, cameras.slice(0, 20));
    const before = index.totals().coveredM;
    const copy = index.clone();
    for (const camera of cameras.slice(20)) copy.add(camera);
    copy.remove(cameras[0]!.id);
    expect(index.totals().coveredM).toBe(before);
    expect(copy.totals().coveredM).toBeGreaterThan(before);
    expect(index.cameraCount().total).toBe(20);
  });

  it('groups streets by name and kind, unnamed ways of a kind together', () => {
    const segments = [
      ...way('a', [[0, 0], [100, 0]], { name: 'Tân Xuân', kind: 'tertiary' }),
      ...way('b', [[100, 0], [200, 0]], { name: 'Tân Xuân', kind: 'tertiary' }),
      ...way('c', [[0, 50], [60, 50]], { name: '', kind: 'service' }),
      ...way('d', [[0, 90], [40, 90]], { name: '', kind: 'service' }),
      ...way('e', [[0, 130], [30, 130]], { name: '', kind: 'footway' }),
    ];
    const index = new CoverageIndex(segments, [
      cam('c', 0, 0, { heading: 90, fov: 90, rangeM: 50 }),
    ]);
    const streets = index.byStreet();
    expect(streets.map((s) => [s.name, s.kind, Math.round(s.lengthM)])).toEqual([
      ['Tân Xuân', 'tertiary', 200],
      ['', 'service', 100],
      ['', 'footway', 30],
    ]);
    expect(streets[0]!.coveredM).toBeCloseTo(50, 3);
  });

  it('sums coverage per unit path', () => {
    const segments = [
      seg('a', [0, 0], [100, 0], { unitPath: '/hn/xd/tx1/' }),
      seg('b', [100, 0], [200, 0], { unitPath: '/hn/xd/' }),
    ];
    const index = new CoverageIndex(segments, [cam('c', 50, 0, { heading: 90, fov: 90, rangeM: 100 })]);
    const units = index.byUnitPath();
    expect(units.get('/hn/xd/tx1/')!.coveredM).toBeCloseTo(50, 3);
    expect(units.get('/hn/xd/')!.coveredM).toBeCloseTo(50, 3);
  });

  it('joins uncovered pieces along a way into stretches and skips short ones', () => {
    // Covered: 40 m around the middle of the second segment (-20…+20).
    const index = new CoverageIndex(mainWay(), [
      cam('c', 0, 30, { heading: 180, fov: 68, rangeM: 40 }),
    ]);
    const covered = index.coveredStretches();
    expect(covered).toHaveLength(1);
    const gaps = index.uncoveredStretches(50);
    expect(gaps.map((g) => g.wayId)).toEqual(['w1', 'w1']);
    const lengths = gaps.map((g) => g.lengthM).sort((a, b) => a - b);
    const coveredM = covered[0]!.lengthM;
    expect(lengths[0]).toBeCloseTo(lengths[1]!, 3);
    expect(lengths[0]! + lengths[1]! + coveredM).toBeCloseTo(300, 3);
    // The western stretch runs from -150 m through the vertex at -50 m to the covered part.
    const west = gaps.find((g) => g.points[0]![1] < 105.79)!;
    expect(west.points).toHaveLength(3);
    expect(west.name).toBe('Xuân Đỉnh');
    // Its middle lies halfway along it.
    expect(west.mid[1]).toBeCloseTo((west.points[0]![1] + west.points[2]![1]) / 2, 6);
    expect(index.uncoveredStretches(200)).toEqual([]);
  });

  it('gives a whole uncovered way as one stretch and keeps apart pieces that do not join', () => {
    const segments = [
      ...way('w', [[0, 0], [100, 0], [200, 0]]),
      // A second piece of the same way elsewhere (a MultiLineString part).
      seg('w-9', [0, 300], [100, 300], { wayId: 'w' }),
    ];
    const gaps = new CoverageIndex(segments, []).uncoveredStretches(0);
    expect(gaps.map((g) => Math.round(g.lengthM))).toEqual([200, 100]);
    expect(gaps[0]!.points).toHaveLength(3);
  });
});
