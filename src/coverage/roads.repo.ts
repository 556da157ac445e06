import type { Kysely, Transaction } from 'kysely';
import type { Geometry } from '../jurisdictions/jurisdiction-outline';
import { geometryBbox } from '../jurisdictions/jurisdiction-outline';
import type { Outline } from '../incidents/unit-at-point';
import type { Db } from '../platform/db/database';
import type {
  Database,
  JurisdictionTable,
  RoadImportTable,
  RoadSegmentTable,
} from '../platform/db/schema';
import { underPath } from './coverage.repo';

// SQL for road networks: the importing unit and its subtree's outlines, and the swap of a
// unit's old network for the new one inside one transaction.

/** Rows per insert: 17 columns each stays well under SQLite's and PostgreSQL's parameter limits. */
const chunk = 500;

export type ImportUnitRow = Pick<
  JurisdictionTable,
  'id' | 'name' | 'level' | 'path' | 'valid_from' | 'valid_to'
>;

export async function findImportUnit(db: Db, id: string): Promise<ImportUnitRow | undefined> {
  return db.kysely
    .selectFrom('jurisdictions')
    .select(['id', 'name', 'level', 'path', 'valid_from', 'valid_to'])
    .where('id', '=', id)
    .executeTakeFirst();
}

function parseGeometry(text: string): Geometry | null {
  try {
    const geometry = JSON.parse(text) as Geometry;
    return geometry.type === 'Polygon' || geometry.type === 'MultiPolygon' ? geometry : null;
  } catch (error) {
    // Unit imports check outlines; one damaged by hand is left out rather than blocking roads.
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

/** Outlines of a unit and every unit under it. */
export async function subtreeOutlines(db: Db, path: string): Promise<Outline[]> {
  const rows = await db.kysely
    .selectFrom('jurisdictions')
    .select(['id', 'code', 'level', 'path', 'valid_from', 'valid_to', 'boundary'])
    .where('boundary', 'is not', null)
    .where(underPath('path', path, db.dialect))
    .execute();
  const outlines: Outline[] = [];
  for (const row of rows) {
    const geometry = row.boundary === null ? null : parseGeometry(row.boundary);
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
  return outlines;
}

/**
 * Replaces the unit's network: its old segments go, the import and its segments come in. The
 * import rows stay as the history of who imported what. Returns how many segments went.
 */
export async function replaceNetwork(
  trx: Transaction<Database>,
  imported: RoadImportTable,
  segments: readonly RoadSegmentTable[],
): Promise<number> {
  const removed = await trx
    .deleteFrom('road_segments')
    .where('unit_id', '=', imported.unit_id)
    .executeTakeFirst();
  await trx.insertInto('road_imports').values(imported).execute();
  for (let i = 0; i < segments.length; i += chunk) {
    await trx
      .insertInto('road_segments')
      .values(segments.slice(i, i + chunk))
      .execute();
  }
  return Number(removed.numDeletedRows);
}

export async function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(work);
}
