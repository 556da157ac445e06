import type { Cam, Seg } from '../coverage/coverage.types';

// Placement suggestions: greedy by newly covered (weighted) street length. Pure: the caller hands
// in a coverage index (anything that can say what a camera would add, add it, and be copied) and
// the candidates. Covered length is a coverage function, so a camera's gain can only shrink as
// others are added; that lets the greedy re-evaluate lazily (a candidate whose stale gain is
// already below the best fresh one need not be recomputed), which keeps thousands of sampled
// candidates cheap. Greedy is not optimal, but it is within 1 − 1/e of the best choice and each
// pick's marginal gain is exactly what it adds, which is what a planner wants to see.

/** What the greedy needs of a coverage index; `CoverageIndex` is one. */
export interface WhatIfIndex<Self> {
  gain(camera: Cam, weight?: (seg: Seg) => number): number;
  add(camera: Cam): void;
  clone(): Self;
}

export interface Candidate {
  camera: Cam;
  siteId: string | null;
  streetName: string;
}

export interface Pick {
  candidate: Candidate;
  /** Newly covered metres. */
  gainM: number;
  /** Newly covered metres times the weight of the streets they lie on. */
  weightedGain: number;
}

/** Below this a candidate adds nothing worth a camera (rounding of interval ends). */
const negligible = 1e-6;

interface Entry {
  index: number;
  bound: number;
  /** The number of picks made when `bound` was computed; current means it is exact. */
  round: number;
}

/** Max-heap on bound, ties to the earlier candidate so results do not depend on heap order. */
class EntryHeap {
  private readonly items: Entry[] = [];

  private before(a: Entry, b: Entry): boolean {
    return a.bound > b.bound || (a.bound === b.bound && a.index < b.index);
  }

  get size(): number {
    return this.items.length;
  }

  push(entry: Entry): void {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): Entry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < items.length && this.before(items[left]!, items[best]!)) best = left;
      if (right < items.length && this.before(items[right]!, items[best]!)) best = right;
      if (best === i) break;
      [items[i], items[best]] = [items[best]!, items[i]!];
      i = best;
    }
    return top;
  }
}

/**
 * Picks up to `budget` candidates, each time the one with the largest weighted gain over what
 * is covered so far (the index's cameras and the earlier picks). Stops early when no candidate
 * gains anything. The index passed in is not changed; `index` in the result holds the picks.
 */
export function greedyPlacement<I extends WhatIfIndex<I>>(
  index: I,
  candidates: readonly Candidate[],
  budget: number,
  weight?: (seg: Seg) => number,
): { picks: Pick[]; index: I } {
  const working = index.clone();
  const picks: Pick[] = [];
  const heap = new EntryHeap();
  candidates.forEach((_, i) => heap.push({ index: i, bound: Number.POSITIVE_INFINITY, round: -1 }));
  while (picks.length < budget && heap.size > 0) {
    const top = heap.pop()!;
    const candidate = candidates[top.index]!;
    if (top.round !== picks.length) {
      const bound = working.gain(candidate.camera, weight);
      // A candidate that gains nothing now never will: drop it.
      if (bound > negligible) heap.push({ index: top.index, bound, round: picks.length });
      continue;
    }
    const gainM = weight === undefined ? top.bound : working.gain(candidate.camera);
    working.add(candidate.camera);
    picks.push({ candidate, gainM, weightedGain: top.bound });
  }
  return { picks, index: working };
}

/** How many cameras a budget buys: a count, money at a unit cost, or the smaller of the two. */
export function camerasAffordable(
  budget: { cameras?: number | undefined; vnd?: number | undefined },
  unitCostVnd: number,
  fallback: number,
): number {
  const byMoney = budget.vnd === undefined ? undefined : Math.floor(budget.vnd / unitCostVnd);
  if (budget.cameras === undefined) return byMoney ?? fallback;
  return byMoney === undefined ? budget.cameras : Math.min(budget.cameras, byMoney);
}
