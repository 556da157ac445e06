import type { Db } from '../platform/db/database';

// SQL the live view needs beyond grants: the newest recorded picture of a camera.

/** The camera's newest segment that is on disk, or null when nothing was recorded. */
export async function newestSegment(
  db: Db,
  cameraId: string,
): Promise<{ path: string; startMs: number } | null> {
  const row = await db.kysely
    .selectFrom('segments')
    .select(['path', 'start_ms'])
    .where('camera_id', '=', cameraId)
    .where('state', '=', 'ok')
    .orderBy('start_ms', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { path: row.path, startMs: Number(row.start_ms) } : null;
}
