import { randomUUID } from 'node:crypto';
import type { Db } from '../platform/db/database';
import type { LiveGrantTable } from '../platform/db/schema';

// SQL for live grants. Exported for the incidents domain too: an open incident grants live view
// of the `live_on_alarm` cameras that saw its place (`createGrant`, then `endGrants` on close).

export interface GrantInput {
  cameraId: string;
  source: LiveGrantTable['source'];
  sourceId?: string | null;
  fromMs: number;
  toMs: number;
  note?: string;
  createdBy?: string | null;
}

export interface GrantRow extends LiveGrantTable {
  created_by_username: string | null;
}

/** Records a grant; returns its row. */
export async function createGrant(db: Db, input: GrantInput): Promise<LiveGrantTable> {
  const row: LiveGrantTable = {
    id: randomUUID(),
    camera_id: input.cameraId,
    source: input.source,
    source_id: input.sourceId ?? null,
    from_ms: input.fromMs,
    to_ms: input.toMs,
    note: input.note ?? '',
    created_by: input.createdBy ?? null,
    created_at: new Date(input.fromMs).toISOString(),
  };
  await db.kysely.insertInto('live_grants').values(row).execute();
  return row;
}

/** Whether a grant opens live view of the camera at `nowMs`. */
export async function grantActive(db: Db, cameraId: string, nowMs: number): Promise<boolean> {
  return (await activeGrantUntil(db, cameraId, nowMs)) !== null;
}

/** When the last active grant of the camera ends, or null when none is active. */
export async function activeGrantUntil(
  db: Db,
  cameraId: string,
  nowMs: number,
): Promise<number | null> {
  const row = await db.kysely
    .selectFrom('live_grants')
    .select((eb) => eb.fn.max('to_ms').as('until'))
    .where('camera_id', '=', cameraId)
    .where('to_ms', '>', nowMs)
    .where('from_ms', '<=', nowMs)
    .executeTakeFirst();
  return row?.until === null || row?.until === undefined ? null : Number(row.until);
}

/** Active grants of a camera, the one ending last first. */
export async function activeGrants(db: Db, cameraId: string, nowMs: number): Promise<GrantRow[]> {
  const rows = await db.kysely
    .selectFrom('live_grants')
    .leftJoin('users', 'users.id', 'live_grants.created_by')
    .selectAll('live_grants')
    .select('users.username as created_by_username')
    .where('live_grants.camera_id', '=', cameraId)
    .where('live_grants.to_ms', '>', nowMs)
    .where('live_grants.from_ms', '<=', nowMs)
    .orderBy('live_grants.to_ms', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, from_ms: Number(row.from_ms), to_ms: Number(row.to_ms) }));
}

/** Ends the grants of one source early (an incident closed); returns how many were active. */
export async function endGrants(
  db: Db,
  source: { source: LiveGrantTable['source']; sourceId: string },
  atMs: number,
): Promise<number> {
  const result = await db.kysely
    .updateTable('live_grants')
    .set({ to_ms: atMs })
    .where('source', '=', source.source)
    .where('source_id', '=', source.sourceId)
    .where('to_ms', '>', atMs)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
