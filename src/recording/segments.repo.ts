import { randomUUID } from 'node:crypto';
import type { Db } from '../platform/db/database';
import type { RecordingGapTable, SegmentTable } from '../platform/db/schema';

// SQL for the segment index and the gaps between recordings. Times are epoch milliseconds.

export type SegmentRow = SegmentTable;
export type GapRow = RecordingGapTable;

export async function insertSegment(db: Db, row: SegmentRow): Promise<void> {
  await db.kysely.insertInto('segments').values(row).execute();
}

/** Segments that overlap `[fromMs, toMs)`, oldest first. */
export async function segmentsInRange(
  db: Db,
  cameraId: string,
  fromMs: number,
  toMs: number,
): Promise<SegmentRow[]> {
  return db.kysely
    .selectFrom('segments')
    .selectAll()
    .where('camera_id', '=', cameraId)
    .where('start_ms', '<', toMs)
    .where('end_ms', '>', fromMs)
    .orderBy('start_ms')
    .execute();
}

/** Gaps that overlap `[fromMs, toMs)`; an open gap (no end yet) overlaps everything after it. */
export async function gapsInRange(
  db: Db,
  cameraId: string,
  fromMs: number,
  toMs: number,
): Promise<GapRow[]> {
  return db.kysely
    .selectFrom('recording_gaps')
    .selectAll()
    .where('camera_id', '=', cameraId)
    .where('start_ms', '<', toMs)
    .where((eb) => eb.or([eb('end_ms', 'is', null), eb('end_ms', '>', fromMs)]))
    .orderBy('start_ms')
    .execute();
}

/** End of the camera's newest segment, or null if it has none. */
export async function lastSegmentEnd(db: Db, cameraId: string): Promise<number | null> {
  const row = await db.kysely
    .selectFrom('segments')
    .select((eb) => eb.fn.max('end_ms').as('end'))
    .where('camera_id', '=', cameraId)
    .executeTakeFirst();
  return row?.end === null || row?.end === undefined ? null : Number(row.end);
}

export async function hasOpenGap(db: Db, cameraId: string): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('recording_gaps')
    .select('id')
    .where('camera_id', '=', cameraId)
    .where('end_ms', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Opens a gap unless one is already open: one outage is one gap, however many retries. */
export async function openGap(
  db: Db,
  gap: { cameraId: string; startMs: number; reason: string },
): Promise<boolean> {
  return db.kysely.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('recording_gaps')
      .select('id')
      .where('camera_id', '=', gap.cameraId)
      .where('end_ms', 'is', null)
      .executeTakeFirst();
    if (open) return false;
    await trx
      .insertInto('recording_gaps')
      .values({
        id: randomUUID(),
        camera_id: gap.cameraId,
        start_ms: gap.startMs,
        end_ms: null,
        reason: gap.reason,
      })
      .execute();
    return true;
  });
}

/**
 * Footage flows again from `endMs`: the open gap closes there. A gap that turns out empty (the
 * new footage starts where the old ended) is removed rather than kept as a zero-length record.
 */
export async function closeOpenGap(db: Db, cameraId: string, endMs: number): Promise<void> {
  await db.kysely
    .deleteFrom('recording_gaps')
    .where('camera_id', '=', cameraId)
    .where('end_ms', 'is', null)
    .where('start_ms', '>=', endMs)
    .execute();
  await db.kysely
    .updateTable('recording_gaps')
    .set({ end_ms: endMs })
    .where('camera_id', '=', cameraId)
    .where('end_ms', 'is', null)
    .execute();
}
