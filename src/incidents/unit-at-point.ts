import type { Db } from '../platform/db/database';
import type { JurisdictionTable } from '../platform/db/schema';
import {
  geometryBbox,
  type BoundingBox,
  type Geometry,
} from '../jurisdictions/jurisdiction-outline';
import { isValidOn, vietnamDate } from '../jurisdictions/jurisdiction-tree';
import { geometryContains } from './outline-contains';

// Which unit a point lies in, from the units' GeoJSON outlines: the deepest current unit whose
// outline holds the point gives the incident its jurisdiction path (who may work the case), and
// its commune-level ancestor numbers the case. Unit centres are not enough: a ward is not a
// circle, and a point near a border is often nearer the neighbour's centre.
//
// Outlines are parsed once per process and kept with their bounding boxes; there are a few
// thousand at most. The cache is checked against the number of outlines and the newest unit on
// every lookup (one cheap aggregate), and reloaded at least every minute so an outline
// re-imported in place is picked up without a restart.

export interface Outline {
  id: string;
  code: string;
  level: JurisdictionTable['level'];
  path: string;
  validFrom: string;
  validTo: string | null;
  bbox: BoundingBox;
  geometry: Geometry;
}

export interface UnitAtPoint {
  unitId: string;
  path: string;
  caseUnitId: string;
  caseUnitCode: string;
}

const levelRank: Record<JurisdictionTable['level'], number> = {
  province: 0,
  district: 1,
  commune: 2,
  residential_group: 3,
};

const depth = (path: string) => path.split('/').filter(Boolean).length;

/** The deepest unit current on `date` (a Vietnamese calendar day) whose outline holds the point. */
export function deepestUnit(
  outlines: readonly Outline[],
  latitude: number,
  longitude: number,
  date: string,
): Outline | null {
  let best: Outline | null = null;
  for (const unit of outlines) {
    const { bbox } = unit;
    if (latitude < bbox.minLat || latitude > bbox.maxLat) continue;
    if (longitude < bbox.minLng || longitude > bbox.maxLng) continue;
    if (!isValidOn(unit, date)) continue;
    if (!geometryContains(unit.geometry, longitude, latitude)) continue;
    const deeper =
      best === null ||
      levelRank[unit.level] > levelRank[best.level] ||
      (unit.level === best.level && depth(unit.path) > depth(best.path));
    if (deeper) best = unit;
  }
  return best;
}

/**
 * The unit whose sequence numbers a case: the nearest commune-level unit among the unit and
 * its ancestors (`ancestors` in any order), else the unit itself.
 */
export function caseUnitOf<T extends { id: string; level: string }>(
  unit: T & { path: string },
  ancestors: readonly T[],
): T {
  if (unit.level === 'commune') return unit;
  const byId = new Map(ancestors.map((row) => [row.id, row]));
  const ids = unit.path.split('/').filter(Boolean).reverse();
  for (const id of ids) {
    const row = byId.get(id);
    if (row?.level === 'commune') return row;
  }
  return unit;
}

interface Cache {
  key: string;
  loadedAtMs: number;
  outlines: Outline[];
}

const caches = new WeakMap<Db, Cache>();
const reloadAfterMs = 60_000;

function parseOutline(row: Pick<JurisdictionTable, 'boundary'>): Geometry | null {
  if (row.boundary === null) return null;
  try {
    const geometry = JSON.parse(row.boundary) as Geometry;
    return geometry.type === 'Polygon' || geometry.type === 'MultiPolygon' ? geometry : null;
  } catch (error) {
    // Imports check outlines; one damaged by hand is skipped rather than failing every case.
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

async function outlinesOf(db: Db): Promise<Outline[]> {
  const stamp = await db.kysely
    .selectFrom('jurisdictions')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('newest')])
    .where('boundary', 'is not', null)
    .executeTakeFirst();
  const key = `${Number(stamp?.n ?? 0)}|${stamp?.newest ?? ''}`;
  const cached = caches.get(db);
  if (cached && cached.key === key && Date.now() - cached.loadedAtMs < reloadAfterMs) {
    return cached.outlines;
  }
  const rows = await db.kysely
    .selectFrom('jurisdictions')
    .select(['id', 'code', 'level', 'path', 'valid_from', 'valid_to', 'boundary'])
    .where('boundary', 'is not', null)
    .execute();
  const outlines: Outline[] = [];
  for (const row of rows) {
    const geometry = parseOutline(row);
    if (!geometry) continue;
    outlines.push({
      id: row.id,
      code: row.code,
      level: row.level,
      path: row.path,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      bbox: geometryBbox(geometry),
      geometry,
    });
  }
  caches.set(db, { key, loadedAtMs: Date.now(), outlines });
  return outlines;
}

/** The unit a point lies in and the unit numbering its cases, or null (at sea, abroad). */
export async function unitAtPoint(
  db: Db,
  latitude: number,
  longitude: number,
  now: Date = new Date(),
): Promise<UnitAtPoint | null> {
  const unit = deepestUnit(await outlinesOf(db), latitude, longitude, vietnamDate(now));
  if (!unit) return null;
  const ancestorIds = unit.path.split('/').filter(Boolean);
  const ancestors =
    unit.level === 'commune'
      ? []
      : await db.kysely
          .selectFrom('jurisdictions')
          .select(['id', 'code', 'level'])
          .where('id', 'in', ancestorIds)
          .execute();
  const caseUnit = caseUnitOf(unit, ancestors);
  return { unitId: unit.id, path: unit.path, caseUnitId: caseUnit.id, caseUnitCode: caseUnit.code };
}
