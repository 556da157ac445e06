import { inScope, type Actor } from '../auth/actor';
import { longestRangeM, projectionAt } from '../incidents/finder';
import type { AppContext } from '../platform/context';
import type { Db } from '../platform/db/database';
import { badRequest, forbidden, notFound } from '../platform/http/errors';
import type { Bbox } from '../cameras/camera.geo';
import { CoverageIndex } from './coverage-index';
import * as repo from './coverage.repo';
import type { UnitRef } from './coverage.repo';
import { percentOf, type CoverageMode, type Totals, type UnitCoverage } from './coverage.types';

// A unit's coverage: its streets (every segment whose deepest unit lies in its subtree), the
// installed cameras within reach of them (a camera across the border can see into the ward),
// and the index computed from both. Computations are kept in memory per unit and mode and
// reused while two cheap aggregates (the road imports, and the count and newest change of the
// cameras around the streets) say nothing changed, so a page of children, targets and the public
// campaign page do not each recompute a ward.

export type { UnitRef } from './coverage.repo';

interface Computed {
  stamp: string;
  unit: UnitRef;
  index: CoverageIndex;
}

/** Units kept per database; past this the oldest computation is dropped. */
const cacheSize = 200;
const caches = new WeakMap<Db, Map<string, Computed>>();

/** The streets' box widened by the longest range a camera may have. */
function reachOf(box: Bbox): Bbox {
  const { northM, eastM } = projectionAt(Math.max(Math.abs(box.minLat), Math.abs(box.maxLat)));
  const dLat = (longestRangeM + 1) / northM;
  const dLng = (longestRangeM + 1) / eastM;
  return {
    minLat: box.minLat - dLat,
    maxLat: box.maxLat + dLat,
    minLng: box.minLng - dLng,
    maxLng: box.maxLng + dLng,
  };
}

export async function loadUnit(ctx: AppContext, unitId: string): Promise<UnitRef> {
  const unit = await repo.findUnit(ctx.db.kysely, unitId);
  if (!unit) throw notFound('unit');
  return unit;
}

async function computed(ctx: AppContext, unitId: string, mode: CoverageMode): Promise<Computed> {
  const unit = await loadUnit(ctx, unitId);
  const roads = await repo.roadStamp(ctx.db, unit.path);
  const reach = roads.bbox ? reachOf(roads.bbox) : null;
  const cameras = reach ? await repo.cameraStamp(ctx.db, reach, mode) : '-';
  const stamp = [unit.path, roads.segments, roads.imports, roads.newestImport, cameras].join('|');
  let cache = caches.get(ctx.db);
  if (!cache) {
    cache = new Map();
    caches.set(ctx.db, cache);
  }
  const key = `${unitId}|${mode}`;
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit;
  const segments = roads.segments > 0 ? await repo.segmentsUnder(ctx.db, unit.path) : [];
  const around = reach ? await repo.camerasAround(ctx.db, reach, mode) : [];
  const entry: Computed = { stamp, unit, index: new CoverageIndex(segments, around) };
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > cacheSize) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return entry;
}

/**
 * The coverage index of a unit's streets and the cameras counted in a mode. The index is the
 * caller's own copy: add and remove cameras on it freely (what-if planning).
 */
export async function coverageIndexFor(
  ctx: AppContext,
  unitId: string,
  mode: CoverageMode,
): Promise<{ index: CoverageIndex; unit: { id: string; name: string; path: string } }> {
  const { unit, index } = await computed(ctx, unitId, mode);
  return { index: index.clone(), unit: { id: unit.id, name: unit.name, path: unit.path } };
}

/** Covered street length of a unit and its subtree; pct null when it has no roads. */
export async function unitCoverage(
  ctx: AppContext,
  unitId: string,
  mode: CoverageMode,
): Promise<UnitCoverage> {
  const { unit, index } = await computed(ctx, unitId, mode);
  const totals = index.totals();
  return { unitId: unit.id, name: unit.name, ...roundTotals(totals), pct: percentOf(totals) };
}

export const roundM = (metres: number) => Math.round(metres * 10) / 10;

function roundTotals(totals: Totals): Totals {
  return { lengthM: roundM(totals.lengthM), coveredM: roundM(totals.coveredM) };
}

/** The unit a request names (or the actor's own), checked against the actor's jurisdiction. */
export async function readableUnit(
  ctx: AppContext,
  actor: Actor,
  unitId: string | undefined,
): Promise<UnitRef> {
  const id = unitId ?? actor.jurisdictionId;
  if (!id) throw badRequest('unitId is required', 'unitId');
  const unit = await loadUnit(ctx, id);
  if (!inScope(actor, unit.path)) throw forbidden('this unit is outside your jurisdiction');
  return unit;
}

export interface CoverageSummary extends Totals {
  unit: { id: string; name: string; level: string };
  mode: CoverageMode;
  pct: number | null;
  cameras: number;
  streets: (Totals & { name: string; kind: string; pct: number | null })[];
  children: (Totals & { unitId: string; name: string; level: string; pct: number | null })[];
}

/** Sums per-path totals over the paths under a prefix. */
function totalUnder(byPath: ReadonlyMap<string, Totals>, prefix: string): Totals {
  const sum = { lengthM: 0, coveredM: 0 };
  for (const [path, totals] of byPath) {
    if (!path.startsWith(prefix)) continue;
    sum.lengthM += totals.lengthM;
    sum.coveredM += totals.coveredM;
  }
  return sum;
}

/** The coverage page: the unit's totals, its streets, and its direct children that have roads. */
export async function coverageSummary(
  ctx: AppContext,
  unit: UnitRef,
  mode: CoverageMode,
): Promise<CoverageSummary> {
  const { index } = await computed(ctx, unit.id, mode);
  const totals = index.totals();
  const byPath = index.byUnitPath();
  const children = (await repo.childUnits(ctx.db, unit.id))
    .map((child) => ({ child, totals: totalUnder(byPath, child.path) }))
    .filter(({ totals: t }) => t.lengthM > 0)
    .map(({ child, totals: t }) => ({
      unitId: child.id,
      name: child.name,
      level: child.level,
      ...roundTotals(t),
      pct: percentOf(t),
    }));
  return {
    unit: { id: unit.id, name: unit.name, level: unit.level },
    mode,
    ...roundTotals(totals),
    pct: percentOf(totals),
    cameras: await repo.cameraCountUnder(ctx.db, unit.path, mode),
    streets: index.byStreet().map((street) => ({
      name: street.name,
      kind: street.kind,
      ...roundTotals(street),
      pct: percentOf(street),
    })),
    children,
  };
}

/** The computed index itself, shared: for reading only (the map and the gaps). */
export async function sharedIndex(
  ctx: AppContext,
  unit: UnitRef,
  mode: CoverageMode,
): Promise<CoverageIndex> {
  return (await computed(ctx, unit.id, mode)).index;
}
