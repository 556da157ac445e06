import { sql } from 'kysely';
import type { Seg } from '../coverage/coverage.types';
import type { Db } from '../platform/db/database';

// What suggestions read besides the coverage index: the unit's street segments (to weight them
// and to name the street of a planned site) and the incidents around them.

const underPath = (column: string, prefix: string) =>
  sql<boolean>`substr(${sql.ref(column)}, 1, ${prefix.length}) = ${prefix}`;

export async function segmentsUnder(db: Db, pathPrefix: string): Promise<Seg[]> {
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
    .where(underPath('road_segments.jurisdiction_path', pathPrefix))
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
    lengthM: Number(row.length_m),
  }));
}

/** Incidents whose window began at or after `sinceMs`, inside a box (any unit: streets near a border count incidents across it). */
export async function incidentPointsIn(
  db: Db,
  box: { minLat: number; maxLat: number; minLng: number; maxLng: number },
  sinceMs: number,
): Promise<{ latitude: number; longitude: number }[]> {
  return db.kysely
    .selectFrom('incidents')
    .select(['latitude', 'longitude'])
    .where('from_ms', '>=', sinceMs)
    .where('latitude', '>=', box.minLat)
    .where('latitude', '<=', box.maxLat)
    .where('longitude', '>=', box.minLng)
    .where('longitude', '<=', box.maxLng)
    .execute();
}
