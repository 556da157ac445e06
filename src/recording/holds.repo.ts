import { sql, type Kysely } from 'kysely';
import type { Database, HoldTable } from '../platform/db/schema';
import type { HoldRange } from './retention-plan';

// SQL for holds: footage ranges that retention must keep. Decisions live in holds.service.ts.

type Sql = Kysely<Database>;

/** A hold with what the API and the scope checks need from its camera and creator. */
export interface HoldRow extends HoldTable {
  camera_code: string;
  jurisdiction_path: string;
  owner_user_id: string | null;
  created_by_username: string | null;
  released_by_username: string | null;
}

export interface HoldFilter {
  cameraId?: string;
  /** Only holds on cameras whose jurisdiction path starts with this (the caller's scope). */
  pathPrefix?: string | null;
  /** true: only holds not released; false: only released ones; undefined: both. */
  active?: boolean;
  limit: number;
}

function holdsWithCamera(db: Sql) {
  return db
    .selectFrom('holds')
    .innerJoin('cameras', 'cameras.id', 'holds.camera_id')
    .leftJoin('users as creator', 'creator.id', 'holds.created_by')
    .leftJoin('users as releaser', 'releaser.id', 'holds.released_by')
    .selectAll('holds')
    .select([
      'cameras.code as camera_code',
      'cameras.jurisdiction_path',
      'cameras.owner_user_id',
      'creator.username as created_by_username',
      'releaser.username as released_by_username',
    ]);
}

export async function insertHold(db: Sql, row: HoldTable): Promise<void> {
  await db.insertInto('holds').values(row).execute();
}

export async function findHold(db: Sql, id: string): Promise<HoldRow | undefined> {
  return holdsWithCamera(db).where('holds.id', '=', id).executeTakeFirst();
}

/** Newest first. */
export async function listHolds(db: Sql, filter: HoldFilter): Promise<HoldRow[]> {
  let query = holdsWithCamera(db);
  if (filter.cameraId !== undefined) query = query.where('holds.camera_id', '=', filter.cameraId);
  if (filter.pathPrefix) {
    // A prefix test by substring, not LIKE, so `_` and `%` in ids are not wildcards.
    const prefix = filter.pathPrefix;
    query = query.where(
      sql<string>`substr(cameras.jurisdiction_path, 1, ${prefix.length})`,
      '=',
      prefix,
    );
  }
  if (filter.active === true) query = query.where('holds.released_at', 'is', null);
  if (filter.active === false) query = query.where('holds.released_at', 'is not', null);
  return query
    .orderBy('holds.created_at', 'desc')
    .orderBy('holds.id')
    .limit(filter.limit)
    .execute();
}

/** Marks a hold released; false when it was already released (another caller won). */
export async function releaseHold(
  db: Sql,
  id: string,
  at: string,
  by: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('holds')
    .set({ released_at: at, released_by: by })
    .where('id', '=', id)
    .where('released_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every hold in force, as ranges for the retention planner. Holds are few; all fit in memory. */
export async function activeHoldRanges(db: Sql): Promise<HoldRange[]> {
  const rows = await db
    .selectFrom('holds')
    .select(['camera_id', 'from_ms', 'to_ms'])
    .where('released_at', 'is', null)
    .execute();
  return rows.map((row) => ({
    cameraId: row.camera_id,
    fromMs: Number(row.from_ms),
    toMs: Number(row.to_ms),
  }));
}
