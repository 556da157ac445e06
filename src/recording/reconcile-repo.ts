import type { Kysely } from 'kysely';
import type { Database, SegmentTable } from '../platform/db/schema';

// SQL for reconcile: what the index says is on disk, and the corrections it makes.

type Sql = Kysely<Database>;

export interface IndexedFile {
  id: string;
  path: string;
  state: SegmentTable['state'];
}

/** Cameras that have rows in the index (their folder may be gone). */
export async function cameraIdsWithSegments(db: Sql): Promise<string[]> {
  const rows = await db.selectFrom('segments').select('camera_id').distinct().execute();
  return rows.map((row) => row.camera_id);
}

/** Which of these ids are registered cameras. */
export async function registeredCameraIds(db: Sql, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('cameras')
      .select('id')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/** Every indexed file of one camera, keyed by path (a camera at a time keeps memory flat). */
export async function indexedFilesOf(db: Sql, cameraId: string): Promise<Map<string, IndexedFile>> {
  const rows = await db
    .selectFrom('segments')
    .select(['id', 'path', 'state'])
    .where('camera_id', '=', cameraId)
    .execute();
  return new Map(rows.map((row) => [row.path, row]));
}

/** Indexes a segment; false when its path is already indexed (a concurrent writer won). */
export async function insertSegmentRow(db: Sql, row: SegmentTable): Promise<boolean> {
  const result = await db
    .insertInto('segments')
    .values(row)
    .onConflict((conflict) => conflict.column('path').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function setSegmentState(
  db: Sql,
  ids: readonly string[],
  state: SegmentTable['state'],
): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('segments')
      .set({ state })
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}
