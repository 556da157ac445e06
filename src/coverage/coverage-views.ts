import type { AppContext } from '../platform/context';
import { gapDefaults, rankGaps, stretchesBox, type Gap, type GapSort } from './coverage-gaps';
import { incidentsIn, type UnitRef } from './coverage.repo';
import { roundM, sharedIndex } from './coverage.service';
import type { CoverageMode, Stretch } from './coverage.types';

// The map overlay and the gap list of a unit, from its computed coverage.

export interface CoverageMapFeature {
  type: 'Feature';
  geometry: { type: 'LineString'; coordinates: [number, number][] };
  properties: { covered: boolean; name: string; wayId: string; kind: string; lengthM: number };
}

const feature = (stretch: Stretch, covered: boolean): CoverageMapFeature => ({
  type: 'Feature',
  geometry: {
    type: 'LineString',
    coordinates: stretch.points.map(([lat, lng]): [number, number] => [lng, lat]),
  },
  properties: {
    covered,
    name: stretch.name,
    wayId: stretch.wayId,
    kind: stretch.kind,
    lengthM: roundM(stretch.lengthM),
  },
});

/** Every stretch of the unit's streets, covered (green) or not (red). */
export async function coverageMap(
  ctx: AppContext,
  unit: UnitRef,
  mode: CoverageMode,
): Promise<{ type: 'FeatureCollection'; features: CoverageMapFeature[] }> {
  const index = await sharedIndex(ctx, unit, mode);
  return {
    type: 'FeatureCollection',
    features: [
      ...index.coveredStretches().map((stretch) => feature(stretch, true)),
      ...index.uncoveredStretches(0).map((stretch) => feature(stretch, false)),
    ],
  };
}

/** Uncovered stretches at least `minLengthM` long, with the incidents of the last year near them. */
export async function coverageGaps(
  ctx: AppContext,
  unit: UnitRef,
  query: { mode?: CoverageMode; minLengthM?: number; sort?: GapSort; limit?: number },
): Promise<{ items: Gap[] }> {
  const index = await sharedIndex(ctx, unit, query.mode ?? 'all');
  const stretches = index.uncoveredStretches(query.minLengthM ?? gapDefaults.minLengthM);
  const box = stretchesBox(stretches, gapDefaults.nearM + 1);
  const sinceMs = ctx.now().getTime() - gapDefaults.lookbackDays * 86_400_000;
  const incidents = box ? await incidentsIn(ctx.db, box, sinceMs) : [];
  return {
    items: rankGaps(stretches, incidents, {
      sort: query.sort ?? 'length',
      limit: query.limit ?? gapDefaults.limit,
    }),
  };
}
