import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor';
import type { RequestMeta } from '../cameras/camera.service';
import type { AppContext } from '../platform/context';
import type { IncidentStatus, IncidentTable } from '../platform/db/schema';
import { badRequest, conflict, forbidden } from '../platform/http/errors';
import { foldText } from '../platform/text';
import { requirePointInUnit } from './finder';
import { loadIncident, requireIncidentScope } from './incident.access';
import { recordCandidateCameras } from './incident-candidates';
import { syncIncidentGrants } from './incident-grants';
import {
  checkIncident,
  checkPatch,
  vietnamYear,
  type IncidentInput,
  type IncidentPatch,
} from './incident-input';
import { planStatusChange, readHelpedBy, type StatusInput } from './incident-status';
import * as repo from './incident.repo';
import type { Incident } from './incident.schemas';
import { isIncidentType } from './incident.vocabulary';
import { unitAtPoint } from './unit-at-point';

// Cases: filed for a point and a window, numbered per ward and year, moved through their
// lifecycle, every change audited against the case's jurisdiction. Who may work a case is
// decided in incident.access.ts.

export function toIncident(row: IncidentTable & { unit_name?: string | null }): Incident {
  return {
    id: row.id,
    caseNumber: row.case_number,
    unitId: row.unit_id,
    unitName: row.unit_name ?? '',
    jurisdictionPath: row.jurisdiction_path,
    type: isIncidentType(row.type) ? row.type : 'other',
    description: row.description,
    latitude: row.latitude,
    longitude: row.longitude,
    address: row.address,
    from: new Date(Number(row.from_ms)).toISOString(),
    to: new Date(Number(row.to_ms)).toISOString(),
    reporterName: row.reporter_name,
    reporterPhone: row.reporter_phone,
    status: row.status,
    openedAt: row.opened_at,
    investigatingAt: row.investigating_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    outcome: {
      footageHelped: row.footage_helped === null ? null : Number(row.footage_helped) === 1,
      helpedBy: readHelpedBy(row.helped_by),
      note: row.outcome_note,
    },
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function view(ctx: AppContext, id: string): Promise<Incident> {
  const row = await repo.findIncident(ctx.db, id);
  if (!row) throw conflict('the case changed while it was being read');
  return toIncident(row);
}

async function audit(
  ctx: AppContext,
  actor: Actor,
  action: string,
  row: IncidentTable,
  meta: RequestMeta,
  details: Record<string, unknown>,
  reason: string | null = null,
): Promise<void> {
  await ctx.audit.record({
    actor,
    action,
    targetType: 'incident',
    targetId: row.id,
    jurisdictionPath: row.jurisdiction_path,
    reason,
    ip: meta.ip ?? null,
    details: { caseNumber: row.case_number, ...details },
  });
}

export async function createIncident(
  ctx: AppContext,
  actor: Actor,
  input: IncidentInput,
  meta: RequestMeta = {},
): Promise<Incident> {
  const now = ctx.now();
  const checked = checkIncident(input, now.getTime());
  const unit = await unitAtPoint(ctx.db, checked.latitude, checked.longitude, now);
  requirePointInUnit(unit?.unitId ?? null);
  const { path, caseUnitId, caseUnitCode } = unit!;
  requireIncidentScope(actor, path);
  const at = now.toISOString();
  const row = await repo.insertNumberedIncident(
    ctx.db,
    {
      id: randomUUID(),
      unit_id: caseUnitId,
      jurisdiction_path: path,
      case_year: vietnamYear(now),
      type: checked.type,
      description: checked.description,
      latitude: checked.latitude,
      longitude: checked.longitude,
      address: checked.address,
      from_ms: checked.fromMs,
      to_ms: checked.toMs,
      reporter_name: checked.reporterName,
      reporter_phone: checked.reporterPhone,
      status: 'open',
      opened_at: at,
      investigating_at: null,
      resolved_at: null,
      closed_at: null,
      footage_helped: null,
      helped_by: null,
      outcome_note: null,
      resolution: null,
      candidate_cameras: null,
      created_by: actor.id,
      created_at: at,
      updated_at: at,
    },
    caseUnitCode,
  );
  await audit(ctx, actor, 'incident.create', row, meta, {
    type: row.type,
    unitId: row.unit_id,
    from: new Date(row.from_ms).toISOString(),
    to: new Date(row.to_ms).toISOString(),
  });
  await syncIncidentGrants(ctx, actor, row);
  await recordCandidateCameras(ctx, row);
  return view(ctx, row.id);
}

export async function getIncident(ctx: AppContext, actor: Actor, id: string): Promise<Incident> {
  const row = await loadIncident(ctx, actor, id);
  return view(ctx, row.id);
}

export interface IncidentListQuery {
  status?: IncidentStatus | undefined;
  type?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  /** The id of the last case of the previous page, or an instant: cases opened before it. */
  before?: string | undefined;
}

async function cursorOf(
  ctx: AppContext,
  before: string | undefined,
): Promise<{ openedAt: string; id: string } | null> {
  if (before === undefined || before === '') return null;
  if (/^\d{4}-\d{2}-\d{2}T/.test(before) && !Number.isNaN(Date.parse(before))) {
    // An instant: everything opened strictly before it (ids sort after '').
    return { openedAt: new Date(before).toISOString(), id: '' };
  }
  const row = await repo.findIncident(ctx.db, before);
  if (!row) throw badRequest('before must be the id of a case or an instant', 'before');
  return { openedAt: row.opened_at, id: row.id };
}

/** Cases in the actor's jurisdiction (an admin's: all), newest first. */
export async function listIncidents(
  ctx: AppContext,
  actor: Actor,
  query: IncidentListQuery,
): Promise<{ items: Incident[] }> {
  if (actor.role !== 'admin' && actor.scopePath === null) throw forbidden();
  if (query.type !== undefined && !isIncidentType(query.type)) {
    throw badRequest('type is not a known incident type', 'type');
  }
  const rows = await repo.listIncidentRows(ctx.db, {
    pathPrefix: actor.role === 'admin' ? null : actor.scopePath,
    status: query.status,
    type: query.type,
    terms: foldText(query.q ?? '')
      .split(' ')
      .filter(Boolean),
    before: await cursorOf(ctx, query.before),
    limit: query.limit ?? 50,
  });
  return { items: rows.map(toIncident) };
}

export async function updateIncident(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: IncidentPatch,
  meta: RequestMeta = {},
): Promise<Incident> {
  const row = await loadIncident(ctx, actor, id);
  if (row.status === 'closed') throw conflict('a closed case cannot be edited', 'status');
  const changes = checkPatch(row, patch, ctx.now().getTime());
  const changed = Object.keys(changes);
  if (changed.length === 0) return view(ctx, row.id);
  await repo.updateIncidentRow(ctx.db, row, { ...changes, updated_at: ctx.now().toISOString() });
  await audit(ctx, actor, 'incident.update', row, meta, { changed });
  if (changes.from_ms !== undefined || changes.to_ms !== undefined) {
    await syncIncidentGrants(ctx, actor, { ...row, ...changes });
    await recordCandidateCameras(ctx, { ...row, ...changes });
  }
  return view(ctx, row.id);
}

export async function changeIncidentStatus(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: StatusInput,
  meta: RequestMeta = {},
): Promise<Incident> {
  const row = await loadIncident(ctx, actor, id);
  const change = planStatusChange(row, input, ctx.now().toISOString());
  // Guarded by the status read: two officers moving the same case cannot both win.
  if (!(await repo.updateIncidentRow(ctx.db, row, change, row.status))) {
    throw conflict('the case changed status meanwhile; reload it', 'status');
  }
  const next = { ...row, ...change };
  await audit(
    ctx,
    actor,
    'incident.status',
    row,
    meta,
    {
      from: row.status,
      to: change.status,
      ...(change.footage_helped !== undefined
        ? { footageHelped: change.footage_helped === null ? null : change.footage_helped === 1 }
        : {}),
      ...(change.helped_by !== undefined ? { helpedBy: readHelpedBy(change.helped_by) } : {}),
    },
    change.outcome_note ?? null,
  );
  await syncIncidentGrants(ctx, actor, next);
  return view(ctx, row.id);
}
