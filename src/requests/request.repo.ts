import { sql } from 'kysely';
import type { Db } from '../platform/db/database';
import type { FootageRequestStatus, FootageRequestTable } from '../platform/db/schema';

// SQL for footage requests. A request is read with what it is shown with: its case number,
// its camera (as the camera is now: the current owner answers), who asked, and whether we hold
// recorded footage of its window.

export interface RequestRow extends FootageRequestTable {
  case_number: string;
  incident_path: string;
  camera_code: string;
  camera_name: string;
  camera_address: string | null;
  camera_owner_user_id: string | null;
  camera_path: string;
  recording_enabled: number;
  consent_tier: string;
  consent_expires_at: string | null;
  created_by_name: string | null;
  /** 1 when a good segment of the camera overlaps the window. */
  recorded: number;
}

function selectRequests(db: Db) {
  return db.kysely
    .selectFrom('footage_requests as r')
    .innerJoin('incidents as i', 'i.id', 'r.incident_id')
    .innerJoin('cameras as c', 'c.id', 'r.camera_id')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .selectAll('r')
    .select([
      'i.case_number',
      'i.jurisdiction_path as incident_path',
      'c.code as camera_code',
      'c.name as camera_name',
      'c.address as camera_address',
      'c.owner_user_id as camera_owner_user_id',
      'c.jurisdiction_path as camera_path',
      'c.recording_enabled',
      'c.consent_tier',
      'c.consent_expires_at',
      'u.display_name as created_by_name',
    ])
    .select(
      sql<number>`case when exists (
        select 1 from segments s
        where s.camera_id = r.camera_id and s.state = 'ok'
          and s.start_ms < r.to_ms and s.end_ms > r.from_ms
      ) then 1 else 0 end`.as('recorded'),
    );
}

function normalise(row: RequestRow): RequestRow {
  return {
    ...row,
    from_ms: Number(row.from_ms),
    to_ms: Number(row.to_ms),
    recording_enabled: Number(row.recording_enabled),
    recorded: Number(row.recorded),
  };
}

export async function findRequest(db: Db, id: string): Promise<RequestRow | undefined> {
  const row = await selectRequests(db).where('r.id', '=', id).executeTakeFirst();
  return row ? normalise(row) : undefined;
}

export async function requestsOfIncident(db: Db, incidentId: string): Promise<RequestRow[]> {
  const rows = await selectRequests(db)
    .where('r.incident_id', '=', incidentId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .execute();
  return rows.map(normalise);
}

/** Requests for the cameras a user owns now, newest first. */
export async function requestsForOwner(
  db: Db,
  ownerUserId: string,
  query: { status?: FootageRequestStatus | undefined; limit: number },
): Promise<RequestRow[]> {
  let select = selectRequests(db).where('c.owner_user_id', '=', ownerUserId);
  if (query.status !== undefined) select = select.where('r.status', '=', query.status);
  const rows = await select
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(query.limit)
    .execute();
  return rows.map(normalise);
}

/** Ids of the evidence items collected for each request (viewing copies are not evidence). */
export async function itemIdsOf(
  db: Db,
  requestIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byRequest = new Map<string, string[]>();
  if (requestIds.length === 0) return byRequest;
  const rows = await db.kysely
    .selectFrom('evidence_items')
    .select(['id', 'request_id'])
    .where('request_id', 'in', [...requestIds])
    .where('kind', '<>', 'viewing_copy')
    .orderBy('collected_at')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    if (row.request_id === null) continue;
    const list = byRequest.get(row.request_id) ?? [];
    list.push(row.id);
    byRequest.set(row.request_id, list);
  }
  return byRequest;
}

/** All of a call's requests or none. */
export async function insertRequests(db: Db, rows: readonly FootageRequestTable[]): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    for (const row of rows) await trx.insertInto('footage_requests').values(row).execute();
  });
}

/**
 * Changes a request only while it is still in one of `from`: two answers racing each other
 * cannot both win. True when this call made the change.
 */
export async function updateRequest(
  db: Db,
  id: string,
  from: readonly FootageRequestStatus[],
  set: Partial<Omit<FootageRequestTable, 'id'>>,
): Promise<boolean> {
  const result = await db.kysely
    .updateTable('footage_requests')
    .set(set)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setExtraction(
  db: Db,
  id: string,
  set: Pick<FootageRequestTable, 'extraction_state' | 'extraction_error' | 'updated_at'> &
    Partial<Pick<FootageRequestTable, 'status'>>,
): Promise<void> {
  await db.kysely.updateTable('footage_requests').set(set).where('id', '=', id).execute();
}

/** True when a good segment of the camera overlaps `[fromMs, toMs)`. */
export async function hasRecording(
  db: Db,
  cameraId: string,
  fromMs: number,
  toMs: number,
): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('segments')
    .select('id')
    .where('camera_id', '=', cameraId)
    .where('state', '=', 'ok')
    .where('start_ms', '<', toMs)
    .where('end_ms', '>', fromMs)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
