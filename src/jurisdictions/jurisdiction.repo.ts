import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/db/schema';
import { likePattern } from '../platform/text';
import type { BoundingBox, OutlineUnit } from './jurisdiction-outline';
import type { PlannedUnit } from './jurisdiction-plan';
import type { JurisdictionLevel, JurisdictionRow } from './jurisdiction.types';

// SQL for the `jurisdictions` table; every function works on SQLite and PostgreSQL alike.

type Executor = Kysely<Database>;

/** Keeps each statement well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 400;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const levelOrder = sql<number>`case level when 'province' then 0 when 'district' then 1 when 'commune' then 2 else 3 end`;

export async function findById(db: Executor, id: string): Promise<JurisdictionRow | undefined> {
  return db.selectFrom('jurisdictions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByIds(db: Executor, ids: readonly string[]): Promise<JurisdictionRow[]> {
  const rows: JurisdictionRow[] = [];
  for (const part of chunks([...new Set(ids)])) {
    rows.push(
      ...(await db.selectFrom('jurisdictions').selectAll().where('id', 'in', part).execute()),
    );
  }
  return rows;
}

export async function findByCodes(
  db: Executor,
  codes: readonly string[],
): Promise<JurisdictionRow[]> {
  const rows: JurisdictionRow[] = [];
  for (const part of chunks([...new Set(codes)])) {
    rows.push(
      ...(await db.selectFrom('jurisdictions').selectAll().where('code', 'in', part).execute()),
    );
  }
  return rows;
}

export interface ListFilter {
  /** Folded search words; a unit matches when its search text holds every one. */
  words: string[];
  level?: JurisdictionLevel;
  parentId?: string;
  /** Only units valid on this date; null includes historic and future units. */
  validOn: string | null;
  limit: number;
}

export async function list(db: Executor, filter: ListFilter): Promise<JurisdictionRow[]> {
  let query = db.selectFrom('jurisdictions').selectAll();
  for (const word of filter.words) {
    query = query.where(sql<boolean>`search_text like ${likePattern(word)} escape '\\'`);
  }
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.parentId) query = query.where('parent_id', '=', filter.parentId);
  const date = filter.validOn;
  if (date) {
    query = query
      .where('valid_from', '<=', date)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]));
  }
  return query
    .orderBy(levelOrder)
    .orderBy('name')
    .orderBy('valid_from')
    .limit(filter.limit)
    .execute();
}

export async function children(db: Executor, parentId: string): Promise<JurisdictionRow[]> {
  return db
    .selectFrom('jurisdictions')
    .selectAll()
    .where('parent_id', '=', parentId)
    .orderBy('name')
    .orderBy('valid_from')
    .execute();
}

/**
 * Units with an outline whose centre lies within `near` (the map's box widened by the
 * largest outline we expect, so a unit overlapping the edge is not missed), valid on `date`.
 */
export async function outlines(
  db: Executor,
  filter: {
    near: BoundingBox | null;
    validOn: string | null;
    level?: JurisdictionLevel;
    limit: number;
  },
): Promise<OutlineUnit[]> {
  let query = db
    .selectFrom('jurisdictions')
    .select(['id', 'code', 'name', 'level', 'kind', 'boundary'])
    .where('boundary', 'is not', null);
  const { near, validOn, level } = filter;
  if (near) {
    query = query
      .where('latitude', '>=', near.minLat)
      .where('latitude', '<=', near.maxLat)
      .where('longitude', '>=', near.minLng)
      .where('longitude', '<=', near.maxLng);
  }
  if (validOn) {
    query = query
      .where('valid_from', '<=', validOn)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', validOn)]));
  }
  if (level) query = query.where('level', '=', level);
  const rows = await query.orderBy(levelOrder).orderBy('code').limit(filter.limit).execute();
  return rows.flatMap((row) => (row.boundary === null ? [] : [{ ...row, boundary: row.boundary }]));
}

function toRow(unit: PlannedUnit, searchText: string, createdAt: string): JurisdictionRow {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    search_text: searchText,
    level: unit.level,
    kind: unit.kind,
    parent_id: unit.parentId,
    path: unit.path,
    valid_from: unit.validFrom,
    valid_to: unit.validTo,
    successor_id: null,
    latitude: unit.latitude,
    longitude: unit.longitude,
    boundary: unit.boundary ?? null,
    population: unit.population,
    created_at: createdAt,
  };
}

/** Inserts in the given order (parents before children); successors are linked afterwards. */
export async function insertUnits(
  db: Executor,
  units: readonly PlannedUnit[],
  searchText: (unit: PlannedUnit) => string,
  createdAt: string,
): Promise<void> {
  for (const part of chunks(units, 100)) {
    await db
      .insertInto('jurisdictions')
      .values(part.map((unit) => toRow(unit, searchText(unit), createdAt)))
      .execute();
  }
}

/** Rewrites what an import may change about a stored unit; its place in the tree stays. */
export async function updateUnit(
  db: Executor,
  unit: PlannedUnit,
  searchText: string,
): Promise<void> {
  await db
    .updateTable('jurisdictions')
    .set({
      name: unit.name,
      search_text: searchText,
      kind: unit.kind,
      valid_to: unit.validTo,
      latitude: unit.latitude,
      longitude: unit.longitude,
      population: unit.population,
      ...(unit.boundary === undefined ? {} : { boundary: unit.boundary }),
    })
    .where('id', '=', unit.id)
    .execute();
}

export async function setSuccessor(
  db: Executor,
  id: string,
  successorId: string | null,
): Promise<void> {
  await db
    .updateTable('jurisdictions')
    .set({ successor_id: successorId })
    .where('id', '=', id)
    .execute();
}
