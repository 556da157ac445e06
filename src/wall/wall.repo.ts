import type { Kysely } from 'kysely';
import type { CameraRow } from '../cameras/camera.repo';
import type { Database, WallLayoutTable } from '../platform/db/schema';

// SQL for saved video walls. Every query names the owner, so one user's id can never reach
// another's layout. Decisions live in wall.service.ts.

type Sql = Kysely<Database>;

export async function listLayouts(db: Sql, userId: string): Promise<WallLayoutTable[]> {
  return db.selectFrom('wall_layouts').selectAll().where('user_id', '=', userId).execute();
}

export async function findLayout(
  db: Sql,
  userId: string,
  id: string,
): Promise<WallLayoutTable | undefined> {
  return db
    .selectFrom('wall_layouts')
    .selectAll()
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function countLayouts(db: Sql, userId: string): Promise<number> {
  const row = await db
    .selectFrom('wall_layouts')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('user_id', '=', userId)
    .executeTakeFirst();
  // PostgreSQL returns count(*) as a bigint string.
  return Number(row?.count ?? 0);
}

export async function insertLayout(db: Sql, row: WallLayoutTable): Promise<void> {
  await db.insertInto('wall_layouts').values(row).execute();
}

/** False when the user has no such layout. */
export async function updateLayout(
  db: Sql,
  userId: string,
  id: string,
  fields: Pick<WallLayoutTable, 'name' | 'size' | 'camera_ids' | 'updated_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('wall_layouts')
    .set(fields)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** False when the user has no such layout. */
export async function deleteLayout(db: Sql, userId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('wall_layouts')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function camerasByIds(db: Sql, ids: readonly string[]): Promise<CameraRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('cameras').selectAll().where('id', 'in', ids).execute();
}
