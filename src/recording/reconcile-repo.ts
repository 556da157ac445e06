import type { Kysely } from 'kysely';
import type { Database, SegmentTable } from '../platform/db/schema';

// SQL for reconcile: what the index says is on disk, and the corrections it makes. Every read
// is bounded by camera and time, on the (camera_id, start_ms) index: the index may hold
// millions of rows, and neither the start-up pass nor the sweep reads more than a day or two
// of one camera at a time.

type Sql = Kysely<Database>;

export interface IndexedFile {
  id: string;
  path: string;
  state: SegmentTable['state'];
}

/**
 * Every registered camera, with the start of its newest indexed segment (null if it has none).
 * One correlated `max` per camera is one index seek each, where `select distinct camera_id`
 * over the index would read every row.
 */
export async function lastIndexedStarts(db: Sql): Promise<Map<string, number | null>> {
  const rows = await db
    .selectFrom('cameras')
    .select((eb) => [
      'cameras.id',
      eb
        .selectFrom('segments')
        .select((inner) => inner.fn.max('segments.start_ms').as('last'))
        .whereRef('segments.camera_id', '=', 'cameras.id')
        .as('last'),
    ])
    .execute();
  return new Map(rows.map((row) => [row.id, row.last === null ? null : Number(row.last)]));
}

export async function isRegisteredCamera(db: Sql, cameraId: string): Promise<boolean> {
  const row = await db
    .selectFrom('cameras')
    .select('id')
    .where('id', '=', cameraId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Indexed files of one camera starting in [fromMs, toMs) (no upper bound when toMs is null). */
export async function indexedFilesBetween(
  db: Sql,
  cameraId: string,
  fromMs: number,
  toMs: number | null,
): Promise<Map<string, IndexedFile>> {
  let query = db
    .selectFrom('segments')
    .select(['id', 'path', 'state'])
    .where('camera_id', '=', cameraId)
    .where('start_ms', '>=', fromMs);
  if (toMs !== null) query = query.where('start_ms', '<', toMs);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.path, row]));
}

/** The first indexed start of a camera at or after `fromMs`: the sweep's step to its next day. */
export async function nextIndexedStart(
  db: Sql,
  cameraId: string,
  fromMs: number,
): Promise<number | null> {
  const row = await db
    .selectFrom('segments')
    .select((eb) => eb.fn.min('start_ms').as('first'))
    .where('camera_id', '=', cameraId)
    .where('start_ms', '>=', fromMs)
    .executeTakeFirst();
  return row?.first === null || row?.first === undefined ? null : Number(row.first);
}

export async function isPathIndexed(db: Sql, path: string): Promise<boolean> {
  const row = await db
    .selectFrom('segments')
    .select('id')
    .where('path', '=', path)
    .executeTakeFirst();
  return row !== undefined;
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
