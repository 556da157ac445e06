import type { Actor } from '../auth/actor';
import type { Seg } from '../coverage/coverage.types';
import { coverageIndexFor } from '../coverage/coverage.service';
import { projectionAt } from '../incidents/finder';
import type { AppContext } from '../platform/context';
import { loadUnitInScope } from './planning.access';
import { greedyPlacement, type Candidate } from './suggest';
import { incidentCounts, plannedCandidates, sampledCandidates } from './suggest-candidates';
import { checkSuggestionInput, type SuggestionInput } from './suggestion-input';
import { listSiteRows } from './sites.repo';
import { incidentPointsIn, segmentsUnder } from './suggestions.repo';

// Where the next cameras buy the most coverage: the coverage index of the unit, candidates
// (the ward's planned sites, or points along its uncovered streets), and the greedy choice.

/** Incidents this close to a street, in the last year, make it weigh more. */
export const incidentRadiusM = 100;
const incidentWindowMs = 365 * 86_400_000;

export interface CoverageFigures {
  lengthM: number;
  coveredM: number;
  pct: number | null;
}

export interface Suggestion {
  rank: number;
  latitude: number;
  longitude: number;
  heading: number;
  fov: number;
  rangeM: number;
  gainM: number;
  weightedGain: number;
  cumulativeCoveredM: number;
  costVnd: number;
  siteId: string | null;
  streetName: string;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function figures(totals: { lengthM: number; coveredM: number }): CoverageFigures {
  return {
    lengthM: round1(totals.lengthM),
    coveredM: round1(totals.coveredM),
    pct: totals.lengthM > 0 ? round1((totals.coveredM / totals.lengthM) * 100) : null,
  };
}

/** 1 + weight × incidents within 100 m in the last year, per segment; undefined when unweighted. */
async function incidentWeighting(
  ctx: AppContext,
  segments: readonly Seg[],
  incidentWeight: number,
): Promise<((seg: Seg) => number) | undefined> {
  if (incidentWeight === 0 || segments.length === 0) return undefined;
  const lats = segments.flatMap((s) => [s.lat1, s.lat2]);
  const lngs = segments.flatMap((s) => [s.lng1, s.lng2]);
  const { northM, eastM } = projectionAt(lats[0]!);
  const dLat = incidentRadiusM / northM;
  const dLng = incidentRadiusM / eastM;
  const points = await incidentPointsIn(
    ctx.db,
    {
      minLat: Math.min(...lats) - dLat,
      maxLat: Math.max(...lats) + dLat,
      minLng: Math.min(...lngs) - dLng,
      maxLng: Math.max(...lngs) + dLng,
    },
    ctx.now().getTime() - incidentWindowMs,
  );
  const counts = incidentCounts(segments, points, incidentRadiusM);
  return (seg) => 1 + incidentWeight * (counts.get(seg.id) ?? 0);
}

export async function suggestPlacements(
  ctx: AppContext,
  actor: Actor,
  input: SuggestionInput,
): Promise<{ before: CoverageFigures; after: CoverageFigures; items: Suggestion[] }> {
  const plan = checkSuggestionInput(input);
  const unit = await loadUnitInScope(ctx, actor, plan.unitId);
  const { index } = await coverageIndexFor(ctx, unit.id, plan.mode);
  const segments = await segmentsUnder(ctx.db, unit.path);
  let candidates: Candidate[];
  if (plan.candidates === 'planned') {
    const sites = await listSiteRows(ctx.db, { pathPrefix: unit.path, notInstalled: true });
    candidates = plannedCandidates(sites, segments);
  } else {
    // Slivers shorter than a metre are rounding at the edge of a wedge, not a gap to fill.
    const stretches = index.uncoveredStretches(Math.min(10, plan.spacingM));
    candidates = sampledCandidates(stretches, plan.spacingM, plan);
  }
  const weight = await incidentWeighting(ctx, segments, plan.incidentWeight);
  const before = index.totals();
  const result = greedyPlacement(index, candidates, plan.cameras, weight);
  let cumulative = before.coveredM;
  const items = result.picks.map((pick, i): Suggestion => {
    cumulative += pick.gainM;
    const { camera } = pick.candidate;
    return {
      rank: i + 1,
      latitude: camera.latitude,
      longitude: camera.longitude,
      heading: camera.heading,
      fov: camera.fov,
      rangeM: camera.rangeM,
      gainM: round1(pick.gainM),
      weightedGain: round1(pick.weightedGain),
      cumulativeCoveredM: round1(cumulative),
      costVnd: plan.unitCostVnd,
      siteId: pick.candidate.siteId,
      streetName: pick.candidate.streetName,
    };
  });
  // The picks went into a clone of the cached index: its totals are the coverage after.
  const after = result.index.totals();
  return { before: figures(before), after: figures(after), items };
}
