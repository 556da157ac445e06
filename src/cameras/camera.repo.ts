import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Db, Dialect } from '../platform/db/database';
import type { CameraTable, Database, JurisdictionTable } from '../platform/db/schema';
import { likePattern } from '../platform/text';
import { latCellsFor, type Bbox } from './camera.geo';
import type { ConsentTier } from './camera.types';

// SQL for the camera registry. Decisions live in the service; this file only reads and writes.

export type CameraRow = CameraTable;
export type UnitRow = Pick<
  JurisdictionTable,
  'id' | 'code' | 'name' | 'path' | 'valid_from' | 'valid_to' | 'successor_id'
>;

export interface CameraFilter {
  /** The camera's jurisdiction path must start with every one of these (scope, subtree filter). */
  pathPrefixes: string[];
  /** Only this user's cameras (a camera owner's scope). */
  ownerUserId?: string;
  ownerKind?: string;
  status?: string;
  /** Matched against the tier in force at `now`, so lapsed consent is `registry_only`. */
  consentTier?: ConsentTier;
  /** Folded search words; every one must occur. */
  terms?: string[];
  bbox?: Bbox;
  now: string;
}

type CameraExpressions = ExpressionBuilder<Database, 'cameras'>;

/**
 * On SQLite a prefix becomes a range, `path >= '/a/' and path < '/a0'` ('0' follows '/'),
 * which the path index serves; on PostgreSQL, whose text collation is not byte order, LIKE.
 */
function pathPrefix(eb: CameraExpressions, prefix: string, dialect: Dialect): Expression<SqlBool> {
  if (dialect === 'sqlite' && prefix.endsWith('/')) {
    const upper = `${prefix.slice(0, -1)}0`;
    return eb.and([eb('jurisdiction_path', '>=', prefix), eb('jurisdiction_path', '<', upper)]);
  }
  const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`${eb.ref('jurisdiction_path')} like ${pattern} escape '\\'`;
}

function filterExpression(
  eb: CameraExpressions,
  filter: CameraFilter,
  dialect: Dialect,
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = filter.pathPrefixes.map((prefix) =>
    pathPrefix(eb, prefix, dialect),
  );
  if (filter.ownerUserId !== undefined)
    conditions.push(eb('owner_user_id', '=', filter.ownerUserId));
  if (filter.ownerKind !== undefined) conditions.push(eb('owner_kind', '=', filter.ownerKind));
  if (filter.status !== undefined) conditions.push(eb('status', '=', filter.status));
  if (filter.consentTier !== undefined) {
    const lapsed = eb.and([
      eb('consent_expires_at', 'is not', null),
      eb('consent_expires_at', '<=', filter.now),
    ]);
    conditions.push(
      filter.consentTier === 'registry_only'
        ? eb.or([eb('consent_tier', '=', 'registry_only'), lapsed])
        : eb.and([eb('consent_tier', '=', filter.consentTier), eb.not(lapsed)]),
    );
  }
  for (const term of filter.terms ?? []) {
    conditions.push(sql<SqlBool>`${eb.ref('search_text')} like ${likePattern(term)} escape '\\'`);
  }
  if (filter.bbox) {
    const { minLng, minLat, maxLng, maxLat } = filter.bbox;
    const cells = latCellsFor(filter.bbox);
    conditions.push(
      cells.kind === 'list' ? eb('lat_cell', 'in', cells.cells) : eb('lat_cell', '>=', cells.from),
      ...(cells.kind === 'range' ? [eb('lat_cell', '<=', cells.to)] : []),
      eb('longitude', '>=', minLng),
      eb('longitude', '<=', maxLng),
      eb('latitude', '>=', minLat),
      eb('latitude', '<=', maxLat),
    );
  }
  return eb.and(conditions);
}

export async function findCamera(db: Db, id: string): Promise<CameraRow | undefined> {
  return db.kysely.selectFrom('cameras').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listCameraRows(
  db: Db,
  filter: CameraFilter,
  page: { limit: number; offset: number },
): Promise<CameraRow[]> {
  return db.kysely
    .selectFrom('cameras')
    .selectAll()
    .where((eb) => filterExpression(eb, filter, db.dialect))
    .orderBy('code')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countCameraRows(db: Db, filter: CameraFilter): Promise<number> {
  const row = await db.kysely
    .selectFrom('cameras')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => filterExpression(eb, filter, db.dialect))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The map's query. The database builds the answer as JSON text (SQLite `json_object`,
 * PostgreSQL `json_build_object`), which the route sends as it is: a viewport of a thousand
 * cameras then costs no per-row objects in JavaScript and no second serialisation, which
 * otherwise take longer than the index search itself. The inner query reads only columns
 * held in the covering `cameras_bbox` index. Consent past its expiry shows as `registry_only`.
 */
export function mapQuery(db: Db, filter: CameraFilter, limit: number) {
  const viewport = db.kysely
    .selectFrom('cameras')
    .select([
      'id',
      'code',
      'name',
      'latitude',
      'longitude',
      'heading',
      'fov',
      'range_m',
      'owner_kind',
      'status',
      sql<string>`case when consent_expires_at is not null and consent_expires_at <= ${filter.now}
        then 'registry_only' else consent_tier end`.as('consent_tier'),
    ])
    .where((eb) => filterExpression(eb, filter, db.dialect))
    .limit(limit)
    .as('viewport');
  const fields = sql`'id', id, 'code', code, 'name', name, 'latitude', latitude, 'longitude', longitude,
    'heading', heading, 'fov', fov, 'rangeM', range_m, 'ownerKind', owner_kind, 'status', status,
    'consentTier', consent_tier`;
  const items =
    db.dialect === 'postgres'
      ? sql<string>`coalesce(json_agg(json_build_object(${fields}))::text, '[]')`
      : sql<string>`coalesce(json_group_array(json_object(${fields})), '[]')`;
  return db.kysely
    .selectFrom(viewport)
    .select((eb) => [eb.fn.countAll<number>().as('count'), items.as('items')]);
}

/** `items` is a JSON array of MapCamera objects; `count` how many it holds. */
export async function mapCamerasJson(
  db: Db,
  filter: CameraFilter,
  limit: number,
): Promise<{ count: number; items: string }> {
  const row = await mapQuery(db, filter, limit).executeTakeFirstOrThrow();
  return { count: Number(row.count), items: row.items };
}

export async function unitsByIds(db: Db, ids: Iterable<string>): Promise<Map<string, UnitRow>> {
  const list = [...new Set(ids)];
  const units = new Map<string, UnitRow>();
  for (let i = 0; i < list.length; i += 500) {
    const rows = await db.kysely
      .selectFrom('jurisdictions')
      .select(['id', 'code', 'name', 'path', 'valid_from', 'valid_to', 'successor_id'])
      .where('id', 'in', list.slice(i, i + 500))
      .execute();
    for (const row of rows) units.set(row.id, row);
  }
  return units;
}

/** Every version of the units with these codes (a code may be reused across reforms). */
export async function unitsByCodes(db: Db, codes: Iterable<string>): Promise<UnitRow[]> {
  const list = [...new Set(codes)];
  const units: UnitRow[] = [];
  for (let i = 0; i < list.length; i += 500) {
    units.push(
      ...(await db.kysely
        .selectFrom('jurisdictions')
        .select(['id', 'code', 'name', 'path', 'valid_from', 'valid_to', 'successor_id'])
        .where('code', 'in', list.slice(i, i + 500))
        .execute()),
    );
  }
  return units;
}

/** The codes among these that a camera (other than `exceptId`) already has. */
export async function existingCodes(
  db: Db,
  codes: Iterable<string>,
  exceptId?: string,
): Promise<Set<string>> {
  const list = [...new Set(codes)];
  const found = new Set<string>();
  for (let i = 0; i < list.length; i += 500) {
    let query = db.kysely
      .selectFrom('cameras')
      .select('code')
      .where('code', 'in', list.slice(i, i + 500));
    if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
    for (const row of await query.execute()) found.add(row.code);
  }
  return found;
}

export async function existingUserIds(db: Db, ids: Iterable<string>): Promise<Set<string>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Set();
  const rows = await db.kysely.selectFrom('users').select('id').where('id', 'in', list).execute();
  return new Set(rows.map((row) => row.id));
}

/** Rows per INSERT: 40 columns × 200 rows stays under both databases' parameter limits. */
const insertBatch = 200;

export async function insertCameraRows(kysely: Kysely<Database>, rows: CameraRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += insertBatch) {
    await kysely
      .insertInto('cameras')
      .values(rows.slice(i, i + insertBatch))
      .execute();
  }
}

export async function updateCameraRow(
  db: Db,
  id: string,
  changes: Partial<CameraRow>,
): Promise<void> {
  await db.kysely.updateTable('cameras').set(changes).where('id', '=', id).execute();
}

/** True when a write failed on a unique index (the camera code), on either database. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}
