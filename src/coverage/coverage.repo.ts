import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Bbox } from '../cameras/camera.geo';
import { latCellsFor } from '../cameras/camera.geo';
import type { Db, Dialect } from '../platform/db/database';
import type { Database, JurisdictionTable } from '../platform/db/schema';
import type { Cam, CoverageMode, Seg } from './coverage.types';

// SQL for coverage: a unit's street segments, the cameras around them, the cheap stamps that
// tell a cached computation it is stale, and the incidents near the gaps.

export interface UnitRef {
  id: string;
  name: string;
  level: JurisdictionTable['level'];
  path: string;
}

/** Statuses of a camera on the street: installed, whatever its connection now. */
export const installedStatuses = ['installed', 'online', 'offline'] as const;

/**
 * A path prefix as a condition. On SQLite a range (`'/a/' <= path < '/a0'`; '0' follows '/'),
 * which the path index serves; on PostgreSQL, whose collation is not byte order, LIKE.
 */
export function underPath(column: string, prefix: string, dialect: Dialect): Expression<SqlBool> {
  if (dialect === 'sqlite' && prefix.endsWith('/')) {
    const upper = `${prefix.slice(0, -1)}0`;
    return sql<SqlBool>`(${sql.ref(column)} >= ${prefix} and ${sql.ref(column)} < ${upper})`;
  }
  const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

export async function findUnit(db: Kysely<Database>, id: string): Promise<UnitRef | undefined> {
  return db
    .selectFrom('jurisdictions')
    .select(['id', 'name', 'level', 'path'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function childUnits(db: Db, parentId: string): Promise<UnitRef[]> {
  return db.kysely
    .selectFrom('jurisdictions')
    .select(['id', 'name', 'level', 'path'])
    .where('parent_id', '=', parentId)
    .orderBy('name')
    .execute();
}

/** Segments under a path, each way's in order along it. */
export async function segmentsUnder(db: Db, path: string): Promise<Seg[]> {
  const rows = await db.kysely
    .selectFrom('road_segments')
    .select([
      'id',
      'way_id',
      'name',
      'kind',
      'jurisdiction_path',
      'lat1',
      'lng1',
      'lat2',
      'lng2',
      'length_m',
    ])
    .where(underPath('jurisdiction_path', path, db.dialect))
    .orderBy('way_id')
    .orderBy('import_id')
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    wayId: row.way_id,
    name: row.name,
    kind: row.kind,
    unitPath: row.jurisdiction_path,
    lat1: row.lat1,
    lng1: row.lng1,
    lat2: row.lat2,
    lng2: row.lng2,
    lengthM: row.length_m,
  }));
}

export interface RoadStamp {
  segments: number;
  imports: number;
  newestImport: string;
  bbox: Bbox | null;
}

/** How many segments lie under the path and where, and the import history's size and end. */
export async function roadStamp(db: Db, path: string): Promise<RoadStamp> {
  const roads = await db.kysely
    .selectFrom('road_segments')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.min('min_lat').as('min_lat'),
      eb.fn.max('max_lat').as('max_lat'),
      eb.fn.min('min_lng').as('min_lng'),
      eb.fn.max('max_lng').as('max_lng'),
    ])
    .where(underPath('jurisdiction_path', path, db.dialect))
    .executeTakeFirstOrThrow();
  const imports = await db.kysely
    .selectFrom('road_imports')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('newest')])
    .executeTakeFirstOrThrow();
  const segments = Number(roads.n);
  return {
    segments,
    imports: Number(imports.n),
    newestImport: imports.newest ?? '',
    bbox:
      segments === 0
        ? null
        : {
            minLat: Number(roads.min_lat),
            maxLat: Number(roads.max_lat),
            minLng: Number(roads.min_lng),
            maxLng: Number(roads.max_lng),
          },
  };
}

/** Cameras in the box; installed ones (recorded ones only in that mode) unless `mode` is null. */
function camerasIn(db: Db, bbox: Bbox, mode: CoverageMode | null) {
  const cells = latCellsFor(bbox);
  return db.kysely.selectFrom('cameras').where((eb) =>
    eb.and([
      cells.kind === 'list'
        ? eb('lat_cell', 'in', cells.cells)
        : eb.and([eb('lat_cell', '>=', cells.from), eb('lat_cell', '<=', cells.to)]),
      eb('longitude', '>=', bbox.minLng),
      eb('longitude', '<=', bbox.maxLng),
      eb('latitude', '>=', bbox.minLat),
      eb('latitude', '<=', bbox.maxLat),
      ...(mode === null ? [] : [eb('status', 'in', installedStatuses)]),
      ...(mode === 'recorded' ? [eb('recording_enabled', '=', 1)] : []),
    ]),
  );
}

/** Installed cameras in the box (recorded ones only in that mode). */
export async function camerasAround(db: Db, bbox: Bbox, mode: CoverageMode): Promise<Cam[]> {
  const rows = await camerasIn(db, bbox, mode)
    .select(['id', 'latitude', 'longitude', 'heading', 'fov', 'range_m'])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    latitude: row.latitude,
    longitude: row.longitude,
    heading: row.heading,
    fov: row.fov,
    rangeM: row.range_m,
  }));
}

/** Changes whenever a camera in the box is added, edited, or leaves it. */
export async function cameraStamp(db: Db, bbox: Bbox, mode: CoverageMode): Promise<string> {
  // Any camera in the box, whatever its status: one leaving service changes `updated_at`.
  const row = await camerasIn(db, bbox, null)
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('newest')])
    .executeTakeFirstOrThrow();
  return `${mode}|${Number(row.n)}|${row.newest ?? ''}`;
}

/** Installed cameras (in the mode) registered under a unit. */
export async function cameraCountUnder(db: Db, path: string, mode: CoverageMode): Promise<number> {
  const row = await db.kysely
    .selectFrom('cameras')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(underPath('jurisdiction_path', path, db.dialect))
    .where('status', 'in', installedStatuses)
    .$if(mode === 'recorded', (q) => q.where('recording_enabled', '=', 1))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Incident points in a box since an instant (ms). */
export async function incidentsIn(
  db: Db,
  bbox: Bbox,
  sinceMs: number,
): Promise<{ latitude: number; longitude: number }[]> {
  return db.kysely
    .selectFrom('incidents')
    .select(['latitude', 'longitude'])
    .where('latitude', '>=', bbox.minLat)
    .where('latitude', '<=', bbox.maxLat)
    .where('longitude', '>=', bbox.minLng)
    .where('longitude', '<=', bbox.maxLng)
    .where('from_ms', '>=', sinceMs)
    .execute();
}
