import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../platform/db/schema';
import type { SegmentCandidate } from './retention-plan';

// SQL over the segment index for retention and the storage figures. Only reads and deletes
// rows; which rows go is decided in retention-plan.ts.

type Sql = Kysely<Database>;

/** Where the previous batch stopped: segments are walked by (start_ms, id). */
export interface SegmentCursor {
  startMs: number;
  id: string;
}

export interface ExpiredCandidate extends SegmentCandidate {
  retentionDays: number;
}

const candidateColumns = [
  'segments.id',
  'segments.camera_id',
  'segments.start_ms',
  'segments.end_ms',
  'segments.bytes',
  'segments.path',
  'segments.state',
] as const;

interface CandidateRow {
  id: string;
  camera_id: string;
  start_ms: number;
  end_ms: number;
  bytes: number;
  path: string;
  state: string;
}

function toCandidate(row: CandidateRow): SegmentCandidate {
  return {
    id: row.id,
    cameraId: row.camera_id,
    startMs: Number(row.start_ms),
    endMs: Number(row.end_ms),
    bytes: Number(row.bytes),
    path: row.path,
    missing: row.state === 'missing',
  };
}

function after(eb: ExpressionBuilder<Database, 'segments'>, cursor: SegmentCursor) {
  return eb.or([
    eb('segments.start_ms', '>', cursor.startMs),
    eb.and([eb('segments.start_ms', '=', cursor.startMs), eb('segments.id', '>', cursor.id)]),
  ]);
}

/** Jurisdiction paths compared by substring, not LIKE, so `_` and `%` in ids are not wildcards. */
function underPath(prefix: string) {
  return sql<boolean>`substr(cameras.jurisdiction_path, 1, ${prefix.length}) = ${prefix}`;
}

/**
 * Segments past their camera's retention, oldest first. The cut-off is computed per camera in
 * SQL (in bigint: days × 86,400,000 overflows a 32-bit integer).
 */
export async function expiredSegments(
  db: Sql,
  nowMs: number,
  cursor: SegmentCursor | null,
  limit: number,
): Promise<ExpiredCandidate[]> {
  let query = db
    .selectFrom('segments')
    .innerJoin('cameras', 'cameras.id', 'segments.camera_id')
    .select([...candidateColumns, 'cameras.retention_days'])
    .where(
      sql<boolean>`segments.end_ms <= ${nowMs} - cast(cameras.retention_days as bigint) * 86400000`,
    );
  if (cursor) query = query.where((eb) => after(eb, cursor));
  const rows = await query
    .orderBy('segments.start_ms')
    .orderBy('segments.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...toCandidate(row), retentionDays: row.retention_days }));
}

/** Footage still on disk, oldest first across all cameras: what the quota and free disk eat. */
export async function oldestSegments(
  db: Sql,
  cursor: SegmentCursor | null,
  limit: number,
): Promise<SegmentCandidate[]> {
  let query = db.selectFrom('segments').select(candidateColumns).where('state', '=', 'ok');
  if (cursor) query = query.where((eb) => after(eb, cursor));
  const rows = await query
    .orderBy('segments.start_ms')
    .orderBy('segments.id')
    .limit(limit)
    .execute();
  return rows.map(toCandidate);
}

export async function deleteSegmentRows(db: Sql, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .deleteFrom('segments')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}

export interface FootageTotals {
  bytes: number;
  segments: number;
  oldestMs: number | null;
  newestStartMs: number | null;
}

/** Footage on disk (rows in state `ok`), of every camera or of those under a jurisdiction path. */
export async function footageTotals(db: Sql, pathPrefix: string | null): Promise<FootageTotals> {
  let query = db
    .selectFrom('segments')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('segments.bytes'), sql<number>`0`).as('bytes'),
      eb.fn.count<number>('segments.id').as('segments'),
      eb.fn.min<number | null>('segments.start_ms').as('oldest'),
      eb.fn.max<number | null>('segments.start_ms').as('newest'),
    ])
    .where('segments.state', '=', 'ok');
  if (pathPrefix !== null)
    query = query
      .innerJoin('cameras', 'cameras.id', 'segments.camera_id')
      .where(underPath(pathPrefix));
  const row = await query.executeTakeFirstOrThrow();
  return {
    bytes: Number(row.bytes),
    segments: Number(row.segments),
    oldestMs: row.oldest === null ? null : Number(row.oldest),
    newestStartMs: row.newest === null ? null : Number(row.newest),
  };
}

/** Bytes of segments that started after `startMs`: a cheap read of the newest rows by index. */
export async function bytesStartedAfter(db: Sql, startMs: number): Promise<FootageTotals> {
  const row = await db
    .selectFrom('segments')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('bytes'), sql<number>`0`).as('bytes'),
      eb.fn.count<number>('id').as('segments'),
      eb.fn.max<number | null>('start_ms').as('newest'),
    ])
    .where('start_ms', '>', startMs)
    .where('state', '=', 'ok')
    .executeTakeFirstOrThrow();
  return {
    bytes: Number(row.bytes),
    segments: Number(row.segments),
    oldestMs: null,
    newestStartMs: row.newest === null ? null : Number(row.newest),
  };
}

/** Bytes on disk that an active hold keeps (each segment counted once, however many holds). */
export async function heldBytes(db: Sql, pathPrefix: string | null): Promise<number> {
  let query = db
    .selectFrom('segments')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('segments.bytes'), sql<number>`0`).as('bytes'))
    .where('segments.state', '=', 'ok')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('holds')
          .select('holds.id')
          .whereRef('holds.camera_id', '=', 'segments.camera_id')
          .where('holds.released_at', 'is', null)
          .whereRef('holds.from_ms', '<=', 'segments.end_ms')
          .whereRef('holds.to_ms', '>=', 'segments.start_ms'),
      ),
    );
  if (pathPrefix !== null)
    query = query
      .innerJoin('cameras', 'cameras.id', 'segments.camera_id')
      .where(underPath(pathPrefix));
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.bytes);
}

export interface CameraFootageRow {
  camera_id: string;
  code: string;
  retention_days: number;
  bytes: number;
  segments: number;
  oldest_ms: number | null;
}

/** Per camera: cameras that record or still have footage, under a jurisdiction path if given. */
export async function perCameraFigures(
  db: Sql,
  pathPrefix: string | null,
): Promise<CameraFootageRow[]> {
  let query = db
    .selectFrom('cameras')
    .leftJoin('segments', (join) =>
      join.onRef('segments.camera_id', '=', 'cameras.id').on('segments.state', '=', 'ok'),
    )
    .select((eb) => [
      'cameras.id as camera_id',
      'cameras.code',
      'cameras.retention_days',
      eb.fn.coalesce(eb.fn.sum<number>('segments.bytes'), sql<number>`0`).as('bytes'),
      eb.fn.count<number>('segments.id').as('segments'),
      eb.fn.min<number | null>('segments.start_ms').as('oldest_ms'),
    ])
    .groupBy(['cameras.id', 'cameras.code', 'cameras.retention_days'])
    .having((eb) =>
      eb.or([
        eb(eb.fn.count('segments.id'), '>', 0),
        eb(eb.fn.max('cameras.recording_enabled'), '=', 1),
      ]),
    );
  if (pathPrefix !== null) query = query.where(underPath(pathPrefix));
  const rows = await query.orderBy('cameras.code').execute();
  return rows.map((row) => ({
    ...row,
    bytes: Number(row.bytes),
    segments: Number(row.segments),
    oldest_ms: row.oldest_ms === null ? null : Number(row.oldest_ms),
  }));
}
