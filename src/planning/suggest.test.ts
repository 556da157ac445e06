import { describe, expect, it } from 'vitest';
import type { Cam, Seg } from '../coverage/coverage.types';
import { camerasAffordable, greedyPlacement, type Candidate, type WhatIfIndex } from './suggest';

// A stand-in for the coverage index: streets of whole metres, and for each camera the metres it
// would see. Enough to check the greedy's decisions without any geometry.

const street = (id: string, name: string, lengthM: number): Seg => ({
  id,
  wayId: id,
  name,
  kind: 'residential',
  unitPath: '/u/',
  lat1: 0,
  lng1: 0,
  lat2: 0,
  lng2: 0,
  lengthM,
});

class FakeIndex implements WhatIfIndex<FakeIndex> {
  constructor(
    private readonly segments: Map<string, Seg>,
    private readonly sees: Map<string, { seg: string; from: number; to: number }>,
    readonly covered = new Set<string>(),
  ) {}

  private metres(camera: Cam): string[] {
    const view = this.sees.get(camera.id);
    if (!view) return [];
    return Array.from({ length: view.to - view.from }, (_, i) => `${view.seg}:${view.from + i}`);
  }

  gain(camera: Cam, weight?: (seg: Seg) => number): number {
    return this.metres(camera)
      .filter((m) => !this.covered.has(m))
      .reduce((sum, m) => sum + (weight ? weight(this.segments.get(m.split(':')[0]!)!) : 1), 0);
  }

  add(camera: Cam): void {
    for (const m of this.metres(camera)) this.covered.add(m);
  }

  clone(): FakeIndex {
    return new FakeIndex(this.segments, this.sees, new Set(this.covered));
  }
}

const cam = (id: string): Cam => ({
  id,
  latitude: 0,
  longitude: 0,
  heading: 0,
  fov: 90,
  rangeM: 30,
});
const candidate = (id: string): Candidate => ({ camera: cam(id), siteId: null, streetName: id });

function world() {
  const segments = new Map([
    ['main', street('main', 'Xuân Đỉnh', 200)],
    ['lane', street('lane', 'Ngõ 27', 100)],
  ]);
  const sees = new Map([
    ['A', { seg: 'main', from: 0, to: 50 }],
    ['B', { seg: 'main', from: 0, to: 80 }],
    ['C', { seg: 'main', from: 100, to: 130 }],
    ['LANE', { seg: 'lane', from: 0, to: 40 }],
  ]);
  return new FakeIndex(segments, sees);
}

describe('greedyPlacement', () => {
  it('picks the candidate with the largest gain first', () => {
    const { picks } = greedyPlacement(world(), ['A', 'C', 'B'].map(candidate), 1);
    expect(picks.map((p) => p.candidate.camera.id)).toEqual(['B']);
    expect(picks[0]!.gainM).toBe(80);
  });

  it('does not count twice what an earlier pick already covers', () => {
    const { picks } = greedyPlacement(world(), ['A', 'B', 'C'].map(candidate), 3);
    // A lies inside B's view: after B it adds nothing, so C (30 m) comes second and A never.
    expect(picks.map((p) => [p.candidate.camera.id, p.gainM])).toEqual([
      ['B', 80],
      ['C', 30],
    ]);
  });

  it('stops when the budget is spent', () => {
    const { picks } = greedyPlacement(world(), ['A', 'B', 'C', 'LANE'].map(candidate), 2);
    expect(picks.map((p) => p.candidate.camera.id)).toEqual(['B', 'LANE']);
  });

  it('stops early when no candidate gains anything, and never picks a useless one', () => {
    const { picks } = greedyPlacement(world(), ['A', 'B'].map(candidate), 10);
    expect(picks.map((p) => p.candidate.camera.id)).toEqual(['B']);
    expect(greedyPlacement(world(), [], 5).picks).toEqual([]);
    expect(greedyPlacement(world(), ['A'].map(candidate), 0).picks).toEqual([]);
  });

  it('moves the pick to the street with incidents when gain is weighted', () => {
    const candidates = ['A', 'LANE'].map(candidate);
    expect(greedyPlacement(world(), candidates, 1).picks[0]!.candidate.camera.id).toBe('A');
    // Two incidents by the lane at weight 1: each lane metre counts 1 + 1 × 2 = 3.
    const weight = (seg: Seg) => (seg.id === 'lane' ? 3 : 1);
    const [pick] = greedyPlacement(world(), candidates, 1, weight).picks;
    expect(pick!.candidate.camera.id).toBe('LANE');
    expect(pick!.gainM).toBe(40);
    expect(pick!.weightedGain).toBe(120);
  });

  it('leaves the index it was given unchanged and returns one holding the picks', () => {
    const index = world();
    const result = greedyPlacement(index, ['B'].map(candidate), 1);
    expect(index.covered.size).toBe(0);
    expect(result.index.gain(cam('A'))).toBe(0);
    expect(index.gain(cam('A'))).toBe(50);
  });

  it('breaks ties by the order of the candidates', () => {
    const sees = new Map([
      ['X', { seg: 'main', from: 0, to: 20 }],
      ['Y', { seg: 'main', from: 50, to: 70 }],
    ]);
    const index = new FakeIndex(new Map([['main', street('main', 'M', 100)]]), sees);
    const { picks } = greedyPlacement(index, ['Y', 'X'].map(candidate), 1);
    expect(picks[0]!.candidate.camera.id).toBe('Y');
  });
});

describe('camerasAffordable', () => {
  it('uses the camera count when only it is given', () => {
    expect(camerasAffordable({ cameras: 4 }, 15_000_000, 10)).toBe(4);
  });

  it('divides money by the unit cost, rounding down', () => {
    expect(camerasAffordable({ vnd: 100_000_000 }, 15_000_000, 10)).toBe(6);
  });

  it('takes the smaller when both are given', () => {
    expect(camerasAffordable({ cameras: 4, vnd: 100_000_000 }, 15_000_000, 10)).toBe(4);
    expect(camerasAffordable({ cameras: 9, vnd: 30_000_000 }, 15_000_000, 10)).toBe(2);
  });

  it('falls back when no budget is given', () => {
    expect(camerasAffordable({}, 15_000_000, 10)).toBe(10);
  });
});
