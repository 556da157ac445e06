import { sql, type SqlBool } from 'kysely';
import type { Db } from '../platform/db/database';
import type { CameraTarget } from './recorder-settings';

// The registry as the recorder and the recording API read it.

/** Cameras the recorder should be recording now. */
export async function recordableCameras(db: Db): Promise<CameraTarget[]> {
  const rows = await db.kysely
    .selectFrom('cameras')
    .select(['id', 'code', 'name', 'jurisdiction_path', 'owner_user_id', 'main_stream_enc'])
    .where('recording_enabled', '=', 1)
    .where('main_stream_enc', 'is not', null)
    .where('decommissioned_at', 'is', null)
    .where('status', '!=', 'decommissioned')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    jurisdictionPath: row.jurisdiction_path,
    ownerUserId: row.owner_user_id,
    sealedUrl: row.main_stream_enc!,
  }));
}

/** Why a camera the recorder had is no longer recordable. */
export async function whyNotRecordable(
  db: Db,
  cameraId: string,
): Promise<'decommissioned' | 'no_stream' | 'disabled'> {
  const row = await db.kysely
    .selectFrom('cameras')
    .select(['status', 'decommissioned_at', 'main_stream_enc'])
    .where('id', '=', cameraId)
    .executeTakeFirst();
  if (!row || row.decommissioned_at !== null || row.status === 'decommissioned') {
    return 'decommissioned';
  }
  return row.main_stream_enc === null ? 'no_stream' : 'disabled';
}

export interface StatusCameraRow {
  id: string;
  code: string;
  name: string;
  jurisdiction_path: string;
  owner_user_id: string | null;
  owner_kind: string;
  consent_tier: string;
  consent_expires_at: string | null;
  recording_enabled: number;
  has_stream: number;
}

/** Who the status page is for: everyone (admin), a subtree, or one owner's cameras. */
export type CameraScope = { all: true } | { pathPrefix: string } | { ownerUserId: string };

/** Cameras in scope that have a stream to record (the ones the status page is about). */
export async function statusCameras(
  db: Db,
  scope: CameraScope,
  page: { limit: number; offset: number },
): Promise<StatusCameraRow[]> {
  let query = db.kysely
    .selectFrom('cameras')
    .select([
      'id',
      'code',
      'name',
      'jurisdiction_path',
      'owner_user_id',
      'owner_kind',
      'consent_tier',
      'consent_expires_at',
      'recording_enabled',
      sql<number>`case when main_stream_enc is null then 0 else 1 end`.as('has_stream'),
    ])
    .where('decommissioned_at', 'is', null)
    .where((eb) => eb.or([eb('main_stream_enc', 'is not', null), eb('recording_enabled', '=', 1)]));
  if ('pathPrefix' in scope) {
    const pattern = `${scope.pathPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<SqlBool>`jurisdiction_path like ${pattern} escape '\\'`);
  } else if ('ownerUserId' in scope) {
    query = query.where('owner_user_id', '=', scope.ownerUserId);
  }
  return query.orderBy('code').limit(page.limit).offset(page.offset).execute();
}

export async function setRecordingEnabled(
  db: Db,
  cameraId: string,
  enabled: boolean,
  at: string,
): Promise<void> {
  await db.kysely
    .updateTable('cameras')
    .set({ recording_enabled: enabled ? 1 : 0, updated_at: at })
    .where('id', '=', cameraId)
    .execute();
}
