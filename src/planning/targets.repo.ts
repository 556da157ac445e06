import { sql } from 'kysely';
import type { Db } from '../platform/db/database';
import type { CoverageTargetTable } from '../platform/db/schema';
import { installedCameraStatuses } from './sites.repo';

// SQL for targets and the installation history their projections read.

export type TargetRow = CoverageTargetTable & { unit_name: string | null };

const underPath = (column: string, prefix: string) =>
  sql<boolean>`substr(${sql.ref(column)}, 1, ${prefix.length}) = ${prefix}`;

export async function listTargetRows(db: Db, pathPrefix: string | null): Promise<TargetRow[]> {
  let query = db.kysely
    .selectFrom('coverage_targets')
    .leftJoin('jurisdictions', 'jurisdictions.id', 'coverage_targets.unit_id')
    .selectAll('coverage_targets')
    .select('jurisdictions.name as unit_name');
  if (pathPrefix !== null) {
    query = query.where(underPath('coverage_targets.jurisdiction_path', pathPrefix));
  }
  return query
    .orderBy('coverage_targets.jurisdiction_path')
    .orderBy('coverage_targets.due_on')
    .orderBy('coverage_targets.id')
    .execute();
}

export async function findTarget(db: Db, id: string): Promise<TargetRow | undefined> {
  return db.kysely
    .selectFrom('coverage_targets')
    .leftJoin('jurisdictions', 'jurisdictions.id', 'coverage_targets.unit_id')
    .selectAll('coverage_targets')
    .select('jurisdictions.name as unit_name')
    .where('coverage_targets.id', '=', id)
    .executeTakeFirst();
}

export async function insertTarget(db: Db, row: CoverageTargetTable): Promise<void> {
  await db.kysely.insertInto('coverage_targets').values(row).execute();
}

export async function deleteTarget(db: Db, id: string): Promise<void> {
  await db.kysely.deleteFrom('coverage_targets').where('id', '=', id).execute();
}

/**
 * What was installed under a path between two dates (inclusive): cameras standing now with an
 * `installed_on` in the window, and planned sites installed in the window whose camera carries
 * no installation date of its own (so nothing is counted twice).
 */
export async function installsBetween(
  db: Db,
  pathPrefix: string,
  from: string,
  to: string,
): Promise<{ cameraIds: string[]; siteOnly: number }> {
  const cameras = await db.kysely
    .selectFrom('cameras')
    .select('id')
    .where(underPath('cameras.jurisdiction_path', pathPrefix))
    .where('status', 'in', [...installedCameraStatuses])
    .where('installed_on', '>=', from)
    .where('installed_on', '<=', to)
    .execute();
  const sites = await db.kysely
    .selectFrom('planned_sites')
    .leftJoin('cameras', 'cameras.id', 'planned_sites.camera_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(underPath('planned_sites.jurisdiction_path', pathPrefix))
    .where('planned_sites.installed_at', '>=', from)
    .where('planned_sites.installed_at', '<=', to)
    .where('cameras.installed_on', 'is', null)
    .executeTakeFirst();
  return { cameraIds: cameras.map((row) => row.id), siteOnly: Number(sites?.n ?? 0) };
}
