import type { Kysely } from 'kysely';
import type { Db } from '../platform/db/database';
import type { Database, EvidenceItemTable } from '../platform/db/schema';

// SQL for evidence items. Rows are written once; only the officer-entered clock offset is
// set afterwards, and that change is itself a custody event.

type Sql = Kysely<Database>;

export async function insertItem(db: Sql, row: EvidenceItemTable): Promise<void> {
  await db.insertInto('evidence_items').values(row).execute();
}

export async function findItem(db: Db, id: string): Promise<EvidenceItemTable | undefined> {
  return db.kysely.selectFrom('evidence_items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A case's items in the order they were collected. */
export async function itemsOfIncident(db: Db, incidentId: string): Promise<EvidenceItemTable[]> {
  return db.kysely
    .selectFrom('evidence_items')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('collected_at')
    .orderBy('id')
    .execute();
}

/** The viewing copy made from an item, if one was made. */
export async function viewingCopyOf(
  db: Db,
  itemId: string,
): Promise<EvidenceItemTable | undefined> {
  return db.kysely
    .selectFrom('evidence_items')
    .selectAll()
    .where('derived_from', '=', itemId)
    .where('kind', '=', 'viewing_copy')
    .orderBy('collected_at')
    .limit(1)
    .executeTakeFirst();
}

export async function setOfficerClockOffset(
  db: Sql,
  itemId: string,
  offset: { ms: number; by: string; at: string; note: string },
): Promise<void> {
  await db
    .updateTable('evidence_items')
    .set({
      clock_offset_ms: offset.ms,
      clock_offset_method: 'officer',
      clock_offset_by: offset.by,
      clock_offset_at: offset.at,
      clock_offset_note: offset.note,
    })
    .where('id', '=', itemId)
    .execute();
}

/** Display names of users, for "collected by" and "measured by". */
export async function userNames(
  db: Db,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.kysely
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

/** The id of a request for this case and camera that its owner approved (or fulfilled). */
export async function approvedRequest(
  db: Db,
  incidentId: string,
  cameraId: string,
): Promise<string | null> {
  const row = await db.kysely
    .selectFrom('footage_requests')
    .select('id')
    .where('incident_id', '=', incidentId)
    .where('camera_id', '=', cameraId)
    .where('status', 'in', ['approved', 'fulfilled'])
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Whether we ever recorded the camera (its recording may have been switched off since). */
export async function hasSegments(db: Db, cameraId: string): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('segments')
    .select('id')
    .where('camera_id', '=', cameraId)
    .where('stream', '=', 'main')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
