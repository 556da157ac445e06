import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { inScope, type Actor } from '../auth/actor';
import { findCamera, type CameraRow } from '../cameras/camera.repo';
import { effectiveConsentTier } from '../cameras/camera.access';
import { loadIncident, mayWorkIncidents, requireIncidentScope } from '../incidents/incident.access';
import type { AppContext } from '../platform/context';
import type { FootageRequestStatus, FootageRequestTable } from '../platform/db/schema';
import { badRequest, conflict, forbidden, notFound } from '../platform/http/errors';
import { extractionStarted, startExtraction } from './request.extraction';
import { newRequestMessage } from './request.messages';
import { tellAbout } from './request.notices';
import * as repo from './request.repo';
import {
  cameraProblem,
  reasonText,
  requestDeadline,
  requestWindow,
  sharedByConsent,
  uniqueCameraIds,
} from './request.rules';
import { factsOf, toFootageRequest, type FootageRequest } from './request.view';

// Making and reading footage requests. Police ask, per camera, within their jurisdiction; a
// camera we record whose owner shares it live is answered by our recording at once; every other
// request waits for its owner. The owner and police in the case's scope may read a request.

export interface RequestMeta {
  ip?: string;
  logger: FastifyBaseLogger;
}

export interface CreateRequestsInput {
  cameraIds: string[];
  from?: string | undefined;
  to?: string | undefined;
  reason: string;
  deadline: string;
}

/** Rows as JSON, with the evidence collected for each. */
export async function present(ctx: AppContext, rows: repo.RequestRow[]): Promise<FootageRequest[]> {
  const items = await repo.itemIdsOf(
    ctx.db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toFootageRequest(row, items.get(row.id) ?? []));
}

interface Planned {
  camera: CameraRow;
  automatic: boolean;
}

/** Every camera checked before anything is written: one bad camera refuses the whole call. */
async function planCameras(
  ctx: AppContext,
  actor: Actor,
  ids: readonly string[],
  window: { fromMs: number; toMs: number },
): Promise<Planned[]> {
  const now = ctx.now();
  const planned: Planned[] = [];
  for (const id of ids) {
    const camera = await findCamera(ctx.db, id);
    if (!camera) throw badRequest(`camera ${id} does not exist`, 'cameraIds');
    if (actor.role !== 'admin' && !inScope(actor, camera.jurisdiction_path))
      throw forbidden(`camera ${camera.code} is outside your jurisdiction`);
    const tier = effectiveConsentTier(camera, now);
    const problem = cameraProblem(camera, tier);
    if (problem) throw badRequest(problem, 'cameraIds');
    const recorded =
      camera.recording_enabled === 1 &&
      (await repo.hasRecording(ctx.db, camera.id, window.fromMs, window.toMs));
    planned.push({ camera, automatic: sharedByConsent(tier, recorded) });
  }
  return planned;
}

export async function createRequests(
  ctx: AppContext,
  actor: Actor,
  incidentId: string,
  input: CreateRequestsInput,
  meta: RequestMeta,
): Promise<{ items: FootageRequest[] }> {
  const incident = await loadIncident(ctx, actor, incidentId);
  if (incident.status === 'closed') throw conflict('this incident is closed');
  const nowMs = ctx.now().getTime();
  const window = requestWindow(input, incident, nowMs);
  const deadline = requestDeadline(input.deadline, nowMs);
  const reason = reasonText(input.reason, 'reason');
  const planned = await planCameras(ctx, actor, uniqueCameraIds(input.cameraIds), window);

  const at = ctx.now().toISOString();
  const rows: FootageRequestTable[] = planned.map(({ camera, automatic }) => ({
    id: randomUUID(),
    incident_id: incident.id,
    camera_id: camera.id,
    owner_user_id: camera.owner_user_id,
    from_ms: window.fromMs,
    to_ms: window.toMs,
    reason,
    deadline_at: deadline,
    status: automatic ? 'approved' : 'pending',
    decline_reason: null,
    decided_at: automatic ? at : null,
    decided_by: null,
    ...(automatic ? extractionStarted : { extraction_state: null, extraction_error: null }),
    created_by: actor.id,
    created_at: at,
    updated_at: at,
  }));
  await repo.insertRequests(ctx.db, rows);

  const created: repo.RequestRow[] = [];
  for (const [index, row] of rows.entries()) {
    const { camera, automatic } = planned[index]!;
    const stored = (await repo.findRequest(ctx.db, row.id))!;
    created.push(stored);
    // Against the camera, so the owner reads it in the camera's access log.
    await ctx.audit.record({
      actor,
      action: 'request.create',
      targetType: 'camera',
      targetId: camera.id,
      targetOwnerId: camera.owner_user_id,
      jurisdictionPath: camera.jurisdiction_path,
      reason,
      ip: meta.ip ?? null,
      details: {
        requestId: row.id,
        incidentId: incident.id,
        caseNumber: incident.case_number,
        cameraId: camera.id,
        cameraCode: camera.code,
        from: new Date(row.from_ms).toISOString(),
        to: new Date(row.to_ms).toISOString(),
        deadline,
        ...(automatic ? { note: 'shared by consent tier' } : {}),
      },
    });
    await tellAbout(
      ctx,
      stored,
      'request.new',
      newRequestMessage(factsOf(stored), automatic),
      meta.logger,
      actor.id,
    );
    if (automatic) startExtraction(ctx, actor, stored, meta.logger);
  }
  return { items: await present(ctx, created) };
}

export async function incidentRequests(
  ctx: AppContext,
  actor: Actor,
  incidentId: string,
): Promise<{ items: FootageRequest[] }> {
  const incident = await loadIncident(ctx, actor, incidentId);
  return { items: await present(ctx, await repo.requestsOfIncident(ctx.db, incident.id)) };
}

export async function myRequests(
  ctx: AppContext,
  actor: Actor,
  query: { status?: FootageRequestStatus | undefined; limit: number },
): Promise<{ items: FootageRequest[] }> {
  return { items: await present(ctx, await repo.requestsForOwner(ctx.db, actor.id, query)) };
}

export type RequestRole = 'owner' | 'police';

/**
 * The request and how the actor stands to it: its camera's owner, or police whose jurisdiction
 * holds the case (403 for police elsewhere). To anyone else it does not exist (404).
 */
export async function loadRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ row: repo.RequestRow; as: RequestRole }> {
  const row = await repo.findRequest(ctx.db, id);
  if (!row) throw notFound('footage request');
  if (row.camera_owner_user_id !== null && row.camera_owner_user_id === actor.id)
    return { row, as: 'owner' };
  if (!mayWorkIncidents(actor)) throw notFound('footage request');
  requireIncidentScope(actor, row.incident_path);
  return { row, as: 'police' };
}

export async function getRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<FootageRequest> {
  const { row } = await loadRequest(ctx, actor, id);
  const [request] = await present(ctx, [row]);
  return request!;
}
