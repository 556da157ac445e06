import { randomUUID } from 'node:crypto';
import { inScope, type Actor, type Role } from '../auth/actor';
import { findCamera } from '../cameras/camera.repo';
import type { RequestMeta } from '../cameras/camera.service';
import type { AppContext } from '../platform/context';
import { badRequest, conflict, forbidden, notFound } from '../platform/http/errors';
import { normalizeText } from '../platform/text';
import * as repo from './holds.repo';

// Holds keep footage from retention while an investigation needs it. Police place and release
// them (the incidents module will place them in bulk through `createHold`); officials of the
// area may see them. Every change is audited against the hold, with the camera's unit and owner.

/** Who may see holds (in their jurisdiction). */
export const holdReaderRoles = [
  'admin',
  'provincial_police',
  'ward_police',
  'ward_official',
] as const satisfies readonly Role[];
/** Who may place and release holds (in their jurisdiction). */
export const holdWriterRoles = [
  'admin',
  'provincial_police',
  'ward_police',
] as const satisfies readonly Role[];

export interface HoldInput {
  cameraId: string;
  /** ISO-8601 instants. */
  from: string;
  to: string;
  reason: string;
}

export interface Hold {
  id: string;
  cameraId: string;
  cameraCode: string;
  from: string;
  to: string;
  reason: string;
  createdBy: string | null;
  createdByUsername: string | null;
  createdAt: string;
  releasedAt: string | null;
  releasedBy: string | null;
  releasedByUsername: string | null;
  active: boolean;
}

export function toHold(row: repo.HoldRow): Hold {
  return {
    id: row.id,
    cameraId: row.camera_id,
    cameraCode: row.camera_code,
    from: new Date(Number(row.from_ms)).toISOString(),
    to: new Date(Number(row.to_ms)).toISOString(),
    reason: row.reason,
    createdBy: row.created_by,
    createdByUsername: row.created_by_username,
    createdAt: row.created_at,
    releasedAt: row.released_at,
    releasedBy: row.released_by,
    releasedByUsername: row.released_by_username,
    active: row.released_at === null,
  };
}

const hasRole = (actor: Actor, allowed: readonly Role[]) => allowed.includes(actor.role);

/** 403 unless the actor is in a role that may and the camera lies in their jurisdiction. */
function requireHoldRights(
  actor: Actor,
  allowed: readonly Role[],
  cameraPath: string,
  doing: string,
): void {
  if (!hasRole(actor, allowed)) throw forbidden(`the ${actor.role} role may not ${doing}`);
  if (actor.role !== 'admin' && !inScope(actor, cameraPath))
    throw forbidden('this camera is outside your jurisdiction');
}

function parseInstant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms))
    throw badRequest(`${field} must be an ISO-8601 date and time`, field);
  return ms;
}

export async function createHold(
  ctx: AppContext,
  actor: Actor,
  input: HoldInput,
  meta: RequestMeta = {},
): Promise<Hold> {
  const fromMs = parseInstant(input.from, 'from');
  const toMs = parseInstant(input.to, 'to');
  if (toMs <= fromMs) throw badRequest('to must be after from', 'to');
  const reason = normalizeText(input.reason);
  if (!reason) throw badRequest('a reason is required', 'reason');
  const camera = await findCamera(ctx.db, input.cameraId);
  if (!camera) throw notFound('camera');
  requireHoldRights(actor, holdWriterRoles, camera.jurisdiction_path, 'place holds');

  const id = randomUUID();
  await repo.insertHold(ctx.db.kysely, {
    id,
    camera_id: camera.id,
    from_ms: fromMs,
    to_ms: toMs,
    reason,
    created_by: actor.id,
    created_at: ctx.now().toISOString(),
    released_at: null,
    released_by: null,
  });
  const hold = toHold((await repo.findHold(ctx.db.kysely, id))!);
  await ctx.audit.record({
    actor,
    action: 'hold.create',
    targetType: 'hold',
    targetId: id,
    targetOwnerId: camera.owner_user_id,
    jurisdictionPath: camera.jurisdiction_path,
    reason,
    ip: meta.ip ?? null,
    details: { cameraId: camera.id, cameraCode: camera.code, from: hold.from, to: hold.to },
  });
  return hold;
}

export async function releaseHold(
  ctx: AppContext,
  actor: Actor,
  id: string,
  reasonText: string,
  meta: RequestMeta = {},
): Promise<Hold> {
  const reason = normalizeText(reasonText);
  if (!reason) throw badRequest('a reason is required', 'reason');
  const row = await repo.findHold(ctx.db.kysely, id);
  if (!row) throw notFound('hold');
  requireHoldRights(actor, holdWriterRoles, row.jurisdiction_path, 'release holds');
  if (row.released_at !== null) throw conflict('this hold is already released');
  const released = await repo.releaseHold(ctx.db.kysely, id, ctx.now().toISOString(), actor.id);
  if (!released) throw conflict('this hold is already released');
  await ctx.audit.record({
    actor,
    action: 'hold.release',
    targetType: 'hold',
    targetId: id,
    targetOwnerId: row.owner_user_id,
    jurisdictionPath: row.jurisdiction_path,
    reason,
    ip: meta.ip ?? null,
    details: { cameraId: row.camera_id, cameraCode: row.camera_code },
  });
  return toHold((await repo.findHold(ctx.db.kysely, id))!);
}

/**
 * Holds the actor may see: of one camera (404 / 403 as for the camera itself), or of every
 * camera in their jurisdiction.
 */
export async function listHolds(
  ctx: AppContext,
  actor: Actor,
  query: { cameraId?: string | undefined; active?: boolean | undefined; limit: number },
): Promise<{ items: Hold[] }> {
  if (!hasRole(actor, holdReaderRoles)) throw forbidden(`the ${actor.role} role may not do this`);
  if (actor.role !== 'admin' && actor.scopePath === null) throw forbidden();
  if (query.cameraId !== undefined) {
    const camera = await findCamera(ctx.db, query.cameraId);
    if (!camera) throw notFound('camera');
    requireHoldRights(actor, holdReaderRoles, camera.jurisdiction_path, 'see holds');
  }
  const rows = await repo.listHolds(ctx.db.kysely, {
    cameraId: query.cameraId,
    pathPrefix: actor.role === 'admin' ? null : actor.scopePath,
    active: query.active,
    limit: query.limit,
  });
  return { items: rows.map(toHold) };
}
