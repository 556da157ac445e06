import { randomUUID } from 'node:crypto';
import { inScope, requireScope, type Actor } from '../auth/actor';
import type { RequestMeta } from '../cameras/camera.service';
import { unitAtPoint } from '../incidents/unit-at-point';
import { vietnamDate } from '../jurisdictions/jurisdiction-tree';
import type { AppContext } from '../platform/context';
import type { PlannedSiteStatus, PlannedSiteTable } from '../platform/db/schema';
import { badRequest, conflict, forbidden, notFound } from '../platform/http/errors';
import { loadUnitInScope } from './planning.access';
import { checkSite, checkSitePatch, type SiteInput, type SitePatch } from './site-input';
import { needsCamera, planStatusChange } from './site-lifecycle';
import * as repo from './sites.repo';
import { toSite, type Site } from './sites.schemas';

// Planned sites: where a ward means to put a camera, from the first proposal to a connected
// camera. A site belongs to the unit its point lies in, so whoever works that unit plans it;
// every change is audited against that unit.

/** Installed cameras (standing on the street) in a unit's subtree. */
export async function installedCount(ctx: AppContext, unitPath: string): Promise<number> {
  return repo.countInstalledCameras(ctx.db, unitPath);
}

async function view(ctx: AppContext, id: string): Promise<Site> {
  const row = await repo.findSite(ctx.db, id);
  if (!row) throw notFound('planned site');
  const photos = await repo.photosOf(ctx.db, [row.id]);
  return toSite(row, photos.get(row.id) ?? []);
}

/** The site, or 404; 403 when it lies outside the actor's jurisdiction. */
export async function loadSite(ctx: AppContext, actor: Actor, id: string): Promise<repo.SiteRow> {
  const row = await repo.findSite(ctx.db, id);
  if (!row) throw notFound('planned site');
  requireScope(actor, row.jurisdiction_path, 'planned site');
  return row;
}

async function audit(
  ctx: AppContext,
  actor: Actor,
  action: string,
  row: Pick<PlannedSiteTable, 'id' | 'name' | 'jurisdiction_path'>,
  meta: RequestMeta,
  details: Record<string, unknown>,
): Promise<void> {
  await ctx.audit.record({
    actor,
    action,
    targetType: 'planned_site',
    targetId: row.id,
    jurisdictionPath: row.jurisdiction_path,
    ip: meta.ip ?? null,
    details: { name: row.name, ...details },
  });
}

/** The unit a point lies in, which the actor must be able to plan for. */
async function unitForPoint(ctx: AppContext, actor: Actor, latitude: number, longitude: number) {
  const unit = await unitAtPoint(ctx.db, latitude, longitude, ctx.now());
  if (!unit) {
    throw badRequest(
      'the point lies in no known unit (at sea, abroad, or off the map)',
      'latitude',
    );
  }
  if (!inScope(actor, unit.path)) throw forbidden('this point is outside your jurisdiction');
  return unit;
}

export async function createSite(
  ctx: AppContext,
  actor: Actor,
  input: SiteInput,
  meta: RequestMeta = {},
): Promise<Site> {
  const checked = checkSite(input);
  const unit = await unitForPoint(ctx, actor, checked.latitude, checked.longitude);
  const now = ctx.now();
  const at = now.toISOString();
  const row: PlannedSiteTable = {
    id: randomUUID(),
    unit_id: unit.unitId,
    jurisdiction_path: unit.path,
    ...checked,
    status: 'proposed',
    proposed_at: vietnamDate(now),
    surveyed_at: null,
    agreed_at: null,
    funded_at: null,
    installed_at: null,
    connected_at: null,
    camera_id: null,
    created_by: actor.id,
    created_at: at,
    updated_at: at,
  };
  await repo.insertSite(ctx.db, row);
  await audit(ctx, actor, 'site.create', row, meta, {
    unitId: row.unit_id,
    latitude: row.latitude,
    longitude: row.longitude,
    source: row.source,
  });
  return view(ctx, row.id);
}

export async function getSite(ctx: AppContext, actor: Actor, id: string): Promise<Site> {
  const row = await loadSite(ctx, actor, id);
  return view(ctx, row.id);
}

export async function listSites(
  ctx: AppContext,
  actor: Actor,
  query: { unitId?: string | undefined; status?: PlannedSiteStatus | undefined },
): Promise<{ items: Site[] }> {
  const pathPrefix =
    query.unitId !== undefined
      ? (await loadUnitInScope(ctx, actor, query.unitId)).path
      : actor.scopePath;
  const rows = await repo.listSiteRows(ctx.db, { pathPrefix, status: query.status });
  const photos = await repo.photosOf(
    ctx.db,
    rows.map((row) => row.id),
  );
  return { items: rows.map((row) => toSite(row, photos.get(row.id) ?? [])) };
}

export async function updateSite(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: SitePatch,
  meta: RequestMeta = {},
): Promise<Site> {
  const row = await loadSite(ctx, actor, id);
  const changes: Partial<PlannedSiteTable> = checkSitePatch(patch, row);
  const moved = changes.latitude !== undefined || changes.longitude !== undefined;
  if (moved) {
    // A site moved across a border belongs to the unit it now lies in, which must be the actor's.
    const unit = await unitForPoint(
      ctx,
      actor,
      changes.latitude ?? row.latitude,
      changes.longitude ?? row.longitude,
    );
    changes.unit_id = unit.unitId;
    changes.jurisdiction_path = unit.path;
  }
  const fields = Object.keys(changes);
  if (fields.length === 0) return view(ctx, row.id);
  await repo.updateSite(ctx.db, row.id, { ...changes, updated_at: ctx.now().toISOString() });
  await audit(ctx, actor, 'site.update', row, meta, { fields });
  return view(ctx, row.id);
}

/** The camera an installed site stands for: it must exist, be in scope, and be no other site's. */
async function cameraToLink(ctx: AppContext, actor: Actor, siteId: string, cameraId: string) {
  const camera = await repo.findCameraFacts(ctx.db, cameraId);
  if (!camera) throw badRequest('no camera has this id', 'cameraId');
  if (!inScope(actor, camera.jurisdiction_path)) {
    throw forbidden('this camera is outside your jurisdiction');
  }
  const other = await repo.siteWithCamera(ctx.db, cameraId, siteId);
  if (other) throw conflict(`this camera already stands for the site “${other.name}”`, 'cameraId');
  return camera;
}

export interface StatusInput {
  status: PlannedSiteStatus;
  on?: string | undefined;
  cameraId?: string | undefined;
}

export async function changeSiteStatus(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: StatusInput,
  meta: RequestMeta = {},
): Promise<Site> {
  const row = await loadSite(ctx, actor, id);
  const today = vietnamDate(ctx.now());
  const plan = planStatusChange(row.status, row, input.status, input.on ?? today, today);
  if (input.cameraId !== undefined && !needsCamera(plan.status)) {
    throw badRequest('a camera is linked only when the site is installed or connected', 'cameraId');
  }
  if (needsCamera(plan.status) && input.cameraId === undefined && row.camera_id === null) {
    throw badRequest(`an ${plan.status} site needs the id of its camera`, 'cameraId');
  }
  const camera =
    input.cameraId === undefined ? null : await cameraToLink(ctx, actor, row.id, input.cameraId);
  const changes: Partial<PlannedSiteTable> = {
    status: plan.status,
    ...plan.dates,
    updated_at: ctx.now().toISOString(),
  };
  if (camera) changes.camera_id = camera.id;
  if (!(await repo.updateSite(ctx.db, row.id, changes, row.status))) {
    throw conflict('the site changed while this was being saved; reload and try again', 'status');
  }
  await audit(ctx, actor, 'site.status', row, meta, {
    from: row.status,
    to: plan.status,
    on: input.on ?? today,
    ...(camera ? { cameraId: camera.id, cameraCode: camera.code } : {}),
  });
  return view(ctx, row.id);
}
