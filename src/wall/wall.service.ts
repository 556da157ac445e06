import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { canReadCamera } from '../cameras/camera.access';
import type { AppContext } from '../platform/context';
import type { WallLayoutTable } from '../platform/db/schema';
import { AppError, conflict, notFound } from '../platform/http/errors';
import { activeGrantUntil } from '../live/grants.repo';
import * as repo from './wall.repo';
import {
  grantMatters,
  maxLayoutsPerUser,
  parseCameraIds,
  validateLayout,
  wallLive,
  type LayoutInput,
  type ValidLayout,
  type WallLive,
} from './wall.rules';

// Saved video walls are personal settings: each user sees and changes only their own, and a
// layout may name only cameras its user can read. Playing a tile is the live stream's decision,
// checked again on every view; a layout grants nothing.

export interface WallLayout {
  id: string;
  name: string;
  size: number;
  cameraIds: (string | null)[];
  createdAt: string;
  updatedAt: string;
}

/** What a tile shows about its camera before (or instead of) the video. */
export interface WallCamera {
  id: string;
  code: string;
  name: string;
  status: string;
  consentTier: string;
  live: WallLive;
  liveMessage: string | null;
  reasonRequired: boolean;
  /** When the alarm or incident grant that allows live view ends; null without one. */
  liveUntil: string | null;
}

export function toLayout(row: WallLayoutTable): WallLayout {
  return {
    id: row.id,
    name: row.name,
    size: row.size,
    cameraIds: parseCameraIds(row.camera_ids, row.size),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const byName = (a: WallLayout, b: WallLayout) =>
  a.name.localeCompare(b.name, 'vi') || a.id.localeCompare(b.id);

export async function listWallLayouts(ctx: AppContext, actor: Actor) {
  const rows = await repo.listLayouts(ctx.db.kysely, actor.id);
  return { items: rows.map(toLayout).sort(byName) };
}

/** 404 naming `cameraIds` for a camera that does not exist or that the caller may not read. */
async function requireReadableCameras(ctx: AppContext, actor: Actor, layout: ValidLayout) {
  const ids = layout.cameraIds.filter((id): id is string => id !== null);
  const rows = await repo.camerasByIds(ctx.db.kysely, ids);
  const readable = new Set(rows.filter((row) => canReadCamera(actor, row)).map((row) => row.id));
  const missing = ids.find((id) => !readable.has(id));
  // Unknown and unreadable look alike, so a layout cannot probe which camera ids exist.
  if (missing !== undefined)
    throw new AppError(404, 'not_found', `camera ${missing} not found`, 'cameraIds');
}

export async function createWallLayout(
  ctx: AppContext,
  actor: Actor,
  input: LayoutInput,
): Promise<WallLayout> {
  const layout = validateLayout(input);
  await requireReadableCameras(ctx, actor, layout);
  // Counted before inserting: two saves racing may pass the limit by one, which is harmless.
  if ((await repo.countLayouts(ctx.db.kysely, actor.id)) >= maxLayoutsPerUser)
    throw conflict(`at most ${maxLayoutsPerUser} layouts per user; delete one first`);
  const at = ctx.now().toISOString();
  const row: WallLayoutTable = {
    id: randomUUID(),
    user_id: actor.id,
    name: layout.name,
    size: layout.size,
    camera_ids: JSON.stringify(layout.cameraIds),
    created_at: at,
    updated_at: at,
  };
  await repo.insertLayout(ctx.db.kysely, row);
  return toLayout(row);
}

export async function updateWallLayout(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: LayoutInput,
): Promise<WallLayout> {
  // Another user's layout is 404 before anything about the body is said.
  if (!(await repo.findLayout(ctx.db.kysely, actor.id, id))) throw notFound('layout');
  const layout = validateLayout(input);
  await requireReadableCameras(ctx, actor, layout);
  const updated = await repo.updateLayout(ctx.db.kysely, actor.id, id, {
    name: layout.name,
    size: layout.size,
    camera_ids: JSON.stringify(layout.cameraIds),
    updated_at: ctx.now().toISOString(),
  });
  const row = updated ? await repo.findLayout(ctx.db.kysely, actor.id, id) : undefined;
  if (!row) throw notFound('layout');
  return toLayout(row);
}

export async function deleteWallLayout(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  if (!(await repo.deleteLayout(ctx.db.kysely, actor.id, id))) throw notFound('layout');
}

/**
 * The tiles' cameras as this caller may see them; ids the caller cannot read are left out, so
 * the wall shows them as unavailable without learning anything about them. A `live_on_alarm`
 * camera is looked up in the grants only when a grant would change the answer, so the answer is
 * the one the stream itself would give now.
 */
export async function wallCameras(
  ctx: AppContext,
  actor: Actor,
  ids: readonly string[],
): Promise<{ items: WallCamera[] }> {
  const rows = await repo.camerasByIds(ctx.db.kysely, [...new Set(ids)]);
  const now = ctx.now();
  const items: WallCamera[] = [];
  for (const row of rows.filter((one) => canReadCamera(actor, one))) {
    const grantUntilMs = grantMatters(actor, row, now)
      ? await activeGrantUntil(ctx.db, row.id, now.getTime())
      : null;
    items.push({
      id: row.id,
      code: row.code,
      name: row.name,
      status: row.status,
      consentTier: row.consent_tier,
      ...wallLive(actor, row, now, grantUntilMs !== null),
      liveUntil: grantUntilMs === null ? null : new Date(grantUntilMs).toISOString(),
    });
  }
  return { items };
}
