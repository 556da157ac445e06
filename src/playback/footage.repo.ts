import { sql } from 'kysely';
import type { Db } from '../platform/db/database';
import type { SegmentTable } from '../platform/db/schema';

// SQL for the timeline, playback and download: reads of the segment index and holds. Times are
// epoch milliseconds. Only the main stream is played back.

export interface MergedRange {
  startMs: number;
  endMs: number;
  segments: number;
}

/**
 * Segments of one state in `[fromMs, toMs)`, merged where they lie within `joinMs` of each
 * other (the classic gaps-and-islands query). The database does the merging, so a month of
 * ten-second segments (a quarter of a million rows) comes back as a handful of ranges. Window
 * functions are standard SQL, and SQLite and PostgreSQL run the same text.
 */
export async function mergedSegmentRanges(
  db: Db,
  cameraId: string,
  state: SegmentTable['state'],
  range: { fromMs: number; toMs: number },
  joinMs: number,
): Promise<MergedRange[]> {
  const result = await sql<{
    start_ms: number | string;
    end_ms: number | string;
    n: number | string;
  }>`
    select min(start_ms) as start_ms, max(end_ms) as end_ms, count(*) as n
    from (
      select start_ms, end_ms,
        sum(starts_range) over (order by start_ms, end_ms rows unbounded preceding) as range_no
      from (
        select start_ms, end_ms,
          case when start_ms - max(end_ms) over (
              order by start_ms, end_ms rows between unbounded preceding and 1 preceding
            ) <= ${joinMs} then 0 else 1 end as starts_range
        from segments
        where camera_id = ${cameraId} and stream = 'main' and state = ${state}
          and start_ms < ${range.toMs} and end_ms > ${range.fromMs}
      ) marked
    ) numbered
    group by range_no
    order by min(start_ms)`.execute(db.kysely);
  return result.rows.map((row) => ({
    startMs: Number(row.start_ms),
    endMs: Number(row.end_ms),
    segments: Number(row.n),
  }));
}

export interface FootageSegment {
  startMs: number;
  endMs: number;
  /** Relative to the media folder. */
  path: string;
  state: SegmentTable['state'];
  hasAudio: boolean;
}

/** Main-stream segments overlapping `[fromMs, toMs)`, oldest first. */
export async function footageSegments(
  db: Db,
  cameraId: string,
  range: { fromMs: number; toMs: number },
): Promise<FootageSegment[]> {
  const rows = await db.kysely
    .selectFrom('segments')
    .select(['start_ms', 'end_ms', 'path', 'state', 'has_audio'])
    .where('camera_id', '=', cameraId)
    .where('stream', '=', 'main')
    .where('start_ms', '<', range.toMs)
    .where('end_ms', '>', range.fromMs)
    .orderBy('start_ms')
    .orderBy('end_ms')
    .execute();
  return rows.map((row) => ({
    startMs: Number(row.start_ms),
    endMs: Number(row.end_ms),
    path: row.path,
    state: row.state,
    hasAudio: row.has_audio === 1,
  }));
}

export interface HoldSpan {
  id: string;
  fromMs: number;
  toMs: number;
  reason: string;
}

/** Holds in force on the camera that overlap the range. */
export async function holdsOverlapping(
  db: Db,
  cameraId: string,
  range: { fromMs: number; toMs: number },
): Promise<HoldSpan[]> {
  const rows = await db.kysely
    .selectFrom('holds')
    .select(['id', 'from_ms', 'to_ms', 'reason'])
    .where('camera_id', '=', cameraId)
    .where('released_at', 'is', null)
    .where('from_ms', '<', range.toMs)
    .where('to_ms', '>', range.fromMs)
    .orderBy('from_ms')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    fromMs: Number(row.from_ms),
    toMs: Number(row.to_ms),
    reason: row.reason,
  }));
}
