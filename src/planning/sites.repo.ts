import { sql } from 'kysely';
import type { Db } from '../platform/db/database';
import type {
  PlannedSitePhotoTable,
  PlannedSiteStatus,
  PlannedSiteTable,
} from '../platform/db/schema';

// SQL for planned sites and their photos; works on SQLite and PostgreSQL alike.

export type SiteRow = PlannedSiteTable & { unit_name: string | null; camera_code: string | null };

/** Statuses of a camera that stands on the street (not planned, not taken down). */
export const installedCameraStatuses = ['installed', 'online', 'offline'] as const;

function withNames(db: Db) {
  return db.kysely
    .selectFrom('planned_sites')
    .leftJoin('jurisdictions', 'jurisdictions.id', 'planned_sites.unit_id')
    .leftJoin('cameras', 'cameras.id', 'planned_sites.camera_id')
    .selectAll('planned_sites')
    .select(['jurisdictions.name as unit_name', 'cameras.code as camera_code']);
}

/** A prefix test by substring, not LIKE, so `_` and `%` in ids are not wildcards. */
const underPath = (column: string, prefix: string) =>
  sql<boolean>`substr(${sql.ref(column)}, 1, ${prefix.length}) = ${prefix}`;

export async function findSite(db: Db, id: string): Promise<SiteRow | undefined> {
  return withNames(db).where('planned_sites.id', '=', id).executeTakeFirst();
}

export interface SiteFilter {
  /** Sites under this path; null for everywhere. */
  pathPrefix: string | null;
  status?: PlannedSiteStatus | undefined;
  /** Only sites not installed yet (candidates for suggestions). */
  notInstalled?: boolean;
}

export async function listSiteRows(db: Db, filter: SiteFilter): Promise<SiteRow[]> {
  let query = withNames(db);
  if (filter.pathPrefix !== null) {
    query = query.where(underPath('planned_sites.jurisdiction_path', filter.pathPrefix));
  }
  if (filter.status !== undefined) query = query.where('planned_sites.status', '=', filter.status);
  if (filter.notInstalled) {
    query = query.where('planned_sites.status', 'not in', ['installed', 'connected']);
  }
  return query.orderBy('planned_sites.created_at', 'desc').orderBy('planned_sites.id').execute();
}

export async function insertSite(db: Db, row: PlannedSiteTable): Promise<void> {
  await db.kysely.insertInto('planned_sites').values(row).execute();
}

export async function updateSite(
  db: Db,
  id: string,
  changes: Partial<PlannedSiteTable>,
  expectedStatus?: PlannedSiteStatus,
): Promise<boolean> {
  let query = db.kysely.updateTable('planned_sites').set(changes).where('id', '=', id);
  // A status change names the status it moves from, so two racing changes cannot both apply.
  if (expectedStatus !== undefined) query = query.where('status', '=', expectedStatus);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Another site already standing for this camera, if any. */
export async function siteWithCamera(
  db: Db,
  cameraId: string,
  exceptSiteId: string,
): Promise<{ id: string; name: string } | undefined> {
  return db.kysely
    .selectFrom('planned_sites')
    .select(['id', 'name'])
    .where('camera_id', '=', cameraId)
    .where('id', '!=', exceptSiteId)
    .executeTakeFirst();
}

export async function photosOf(
  db: Db,
  siteIds: readonly string[],
): Promise<Map<string, PlannedSitePhotoTable[]>> {
  const bySite = new Map<string, PlannedSitePhotoTable[]>();
  for (let i = 0; i < siteIds.length; i += 400) {
    const rows = await db.kysely
      .selectFrom('planned_site_photos')
      .selectAll()
      .where('site_id', 'in', siteIds.slice(i, i + 400))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const row of rows) bySite.set(row.site_id, [...(bySite.get(row.site_id) ?? []), row]);
  }
  return bySite;
}

export async function insertPhoto(db: Db, row: PlannedSitePhotoTable): Promise<void> {
  await db.kysely.insertInto('planned_site_photos').values(row).execute();
}

export async function findPhoto(
  db: Db,
  siteId: string,
  photoId: string,
): Promise<PlannedSitePhotoTable | undefined> {
  return db.kysely
    .selectFrom('planned_site_photos')
    .selectAll()
    .where('id', '=', photoId)
    .where('site_id', '=', siteId)
    .executeTakeFirst();
}

export async function countInstalledCameras(db: Db, pathPrefix: string): Promise<number> {
  const row = await db.kysely
    .selectFrom('cameras')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(underPath('cameras.jurisdiction_path', pathPrefix))
    .where('status', 'in', [...installedCameraStatuses])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findCameraFacts(
  db: Db,
  id: string,
): Promise<{ id: string; code: string; jurisdiction_path: string } | undefined> {
  return db.kysely
    .selectFrom('cameras')
    .select(['id', 'code', 'jurisdiction_path'])
    .where('id', '=', id)
    .executeTakeFirst();
}
