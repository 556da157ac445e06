import type { Actor } from '../auth/actor';
import { effectiveConsentTier, ownsCamera } from '../cameras/camera.access';
import { auditCamera, loadReadable, type RequestMeta } from '../cameras/camera.service';
import type { AppContext } from '../platform/context';
import { conflict, forbidden } from '../platform/http/errors';
import { normalizeText } from '../platform/text';
import { activeGrants, createGrant, type GrantRow } from './grants.repo';
import type { LiveGrant } from './live.schemas';

const minuteMs = 60_000;

export function toGrantView(row: GrantRow): LiveGrant {
  return {
    id: row.id,
    cameraId: row.camera_id,
    source: row.source,
    sourceId: row.source_id,
    from: new Date(Number(row.from_ms)).toISOString(),
    to: new Date(Number(row.to_ms)).toISOString(),
    note: row.note,
    createdBy: row.created_by_username,
    createdAt: row.created_at,
  };
}

/**
 * An alarm raised by the camera's owner (from the phone: "someone is at my gate"), or by an
 * administrator on their behalf. It opens live view of a `live_on_alarm` camera to the police of
 * its area for `minutes`; on other tiers it is recorded but opens nothing (`opensLiveView`).
 */
export async function raiseAlarm(
  ctx: AppContext,
  actor: Actor,
  cameraId: string,
  input: { minutes?: number | undefined; note?: string | undefined },
  meta: RequestMeta,
): Promise<{ grant: LiveGrant; opensLiveView: boolean }> {
  const camera = await loadReadable(ctx, actor, cameraId);
  if (actor.role !== 'admin' && !ownsCamera(actor, camera)) {
    throw forbidden("only the camera's owner or an administrator may raise an alarm");
  }
  if (camera.decommissioned_at !== null || camera.status === 'decommissioned') {
    throw conflict('this camera is decommissioned');
  }
  const now = ctx.now();
  const minutes = input.minutes ?? 30;
  const note = normalizeText(input.note ?? '');
  const row = await createGrant(ctx.db, {
    cameraId: camera.id,
    source: 'alarm',
    fromMs: now.getTime(),
    toMs: now.getTime() + minutes * minuteMs,
    note,
    createdBy: actor.id,
  });
  const opensLiveView = effectiveConsentTier(camera, now) === 'live_on_alarm';
  const grant = toGrantView({ ...row, created_by_username: actor.username });
  await auditCamera(
    ctx,
    actor,
    'camera.alarm',
    camera,
    meta,
    { minutes, until: grant.to, opensLiveView },
    note || null,
  );
  ctx.events.publish({
    type: 'camera.alarm',
    jurisdictionPath: camera.jurisdiction_path,
    ownerUserId: camera.owner_user_id,
    data: { cameraId: camera.id, code: camera.code, name: camera.name, until: grant.to, note },
  });
  return { grant, opensLiveView };
}

/** The grants that open live view of a camera now, for anyone who may read the camera. */
export async function listActiveGrants(
  ctx: AppContext,
  actor: Actor,
  cameraId: string,
): Promise<{ items: LiveGrant[] }> {
  const camera = await loadReadable(ctx, actor, cameraId);
  const rows = await activeGrants(ctx.db, camera.id, ctx.now().getTime());
  return { items: rows.map(toGrantView) };
}
