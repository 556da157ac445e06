import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../auth/actor';
import { ownsCamera } from '../cameras/camera.access';
import { findCamera } from '../cameras/camera.repo';
import { recordedFootageAccess } from '../cameras/footage.access';
import type { AppContext } from '../platform/context';
import type { EvidenceItemTable, IncidentTable } from '../platform/db/schema';
import { AppError, badRequest, conflict, forbidden, notFound } from '../platform/http/errors';
import { normalizeText } from '../platform/text';
import { parseRange } from '../playback/footage-range';
import { loadIncident } from '../incidents/incident.access';
import { appendCustody, auditCustody, custodyEvents, type CustodyMeta } from './custody.service';
import { verifyCustody } from './custody-chain';
import {
  approvedRequest,
  findItem,
  hasSegments,
  itemsOfIncident,
  setOfficerClockOffset,
  userNames,
  viewingCopyOf,
} from './evidence.repo';
import {
  toCustodyEvent,
  toEvidenceItem,
  type CustodyEvent,
  type EvidenceItem,
} from './evidence.view';
import { extractRecording } from './extract';

// Decisions about evidence: who may see an item, extract footage into a case, or set a clock
// offset. Police work items through their case (`loadIncident`); a camera's owner may read the
// items made from their own camera, and nothing more.

/** The longest window one extract covers, as for a footage request. */
export const maxExtractMs = 12 * 3_600_000;
/** The largest clock offset an officer may enter: a camera a week off is still usable. */
export const maxClockOffsetMs = 7 * 24 * 3_600_000;

export type ItemUse = 'read' | 'work';

/**
 * The item, if the actor may use it: police through the item's case; for `read`, also the
 * owner of the camera it came from. 404 when there is no such item.
 */
export async function loadItem(
  ctx: AppContext,
  actor: Actor,
  id: string,
  use: ItemUse,
): Promise<EvidenceItemTable> {
  const item = await findItem(ctx.db, id);
  if (!item) throw notFound('evidence item');
  if (actor.role === 'camera_owner') {
    if (use !== 'read' || item.camera_id === null) throw forbidden('only police may do this');
    const camera = await findCamera(ctx.db, item.camera_id);
    if (!camera || !ownsCamera(actor, camera)) {
      throw forbidden('this evidence comes from a camera you do not own');
    }
    return item;
  }
  await loadIncident(ctx, actor, item.incident_id);
  return item;
}

/**
 * Items as JSON, with user names and the viewing copy made from each. `wholeCase` says `rows`
 * are all of the case's items, so the copies are among them and need no lookup.
 */
async function present(
  ctx: AppContext,
  rows: EvidenceItemTable[],
  wholeCase = false,
): Promise<EvidenceItem[]> {
  const names = await userNames(
    ctx.db,
    rows.flatMap((row) => [row.collected_by, row.clock_offset_by]),
  );
  const copies = new Map<string, string>();
  for (const row of rows) {
    if (row.kind === 'viewing_copy' && row.derived_from) copies.set(row.derived_from, row.id);
  }
  if (!wholeCase) {
    for (const row of rows) {
      if (row.kind === 'viewing_copy' || copies.has(row.id)) continue;
      const copy = await viewingCopyOf(ctx.db, row.id);
      if (copy) copies.set(row.id, copy.id);
    }
  }
  return rows.map((row) =>
    toEvidenceItem(row, { names, viewingCopyId: copies.get(row.id) ?? null }),
  );
}

export async function listEvidence(
  ctx: AppContext,
  actor: Actor,
  incidentId: string,
): Promise<{ items: EvidenceItem[] }> {
  const incident = await loadIncident(ctx, actor, incidentId);
  const rows = await itemsOfIncident(ctx.db, incident.id);
  return { items: await present(ctx, rows, true) };
}

export async function getEvidence(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<EvidenceItem> {
  const item = await loadItem(ctx, actor, id, 'read');
  const [json] = await present(ctx, [item]);
  return json!;
}

export async function custodyOf(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ items: CustodyEvent[]; chainOk: boolean; problem: string | null }> {
  const item = await loadItem(ctx, actor, id, 'read');
  const events = await custodyEvents(ctx.db, item.id);
  const verdict = verifyCustody(events);
  return {
    items: events.map(toCustodyEvent),
    chainOk: verdict.ok,
    problem: verdict.ok ? null : verdict.problem,
  };
}

/** The extract's window: at most 12 hours, over by now. */
export function extractWindow(
  body: { from: string; to: string },
  nowMs: number,
): { fromMs: number; toMs: number } {
  const range = parseRange(body, maxExtractMs);
  if (range.toMs > nowMs) throw badRequest('the window may not end in the future', 'to');
  return range;
}

/**
 * Police extract our recording of a camera into their case. The owner's consent must let them
 * use what we record (`live_*`), or the owner must have approved a request for this case.
 */
export async function extractForIncident(
  ctx: AppContext,
  actor: Actor,
  incidentId: string,
  body: { cameraId: string; from: string; to: string },
  logger: FastifyBaseLogger,
): Promise<EvidenceItem> {
  const incident: IncidentTable = await loadIncident(ctx, actor, incidentId);
  const range = extractWindow(body, ctx.now().getTime());
  const camera = await findCamera(ctx.db, body.cameraId);
  if (!camera) throw notFound('camera');
  const consent = recordedFootageAccess(actor, camera, ctx.now());
  const requestId = consent.allowed ? null : await approvedRequest(ctx.db, incident.id, camera.id);
  if (!consent.allowed && requestId === null) throw forbidden(consent.message);
  if (camera.recording_enabled !== 1 && !(await hasSegments(ctx.db, camera.id))) {
    throw new AppError(
      409,
      'not_recorded',
      `we do not record camera ${camera.code}: ask its owner for the footage with a request`,
      'cameraId',
    );
  }
  const row = await extractRecording(
    ctx,
    actor,
    { incidentId: incident.id, requestId, cameraId: camera.id, ...range },
    logger,
  );
  const [json] = await present(ctx, [row]);
  return json!;
}

/**
 * An officer's clock offset for an item whose camera clock we could not measure (uploads, and
 * extracts whose stream gave no time). A measured offset is not overwritten.
 */
export async function setClockOffset(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { offsetMs: number; note: string },
  meta: CustodyMeta,
): Promise<EvidenceItem> {
  const item = await loadItem(ctx, actor, id, 'work');
  if (item.kind === 'viewing_copy') {
    throw conflict('a viewing copy takes its clock offset from the original item');
  }
  if (item.clock_offset_method === 'stream') {
    throw conflict("this item's clock offset was measured from the camera's stream");
  }
  const note = normalizeText(body.note);
  if (note.length === 0) throw badRequest('a note on how the offset was found is required', 'note');
  if (!Number.isSafeInteger(body.offsetMs) || Math.abs(body.offsetMs) > maxClockOffsetMs) {
    throw badRequest('the offset must be whole milliseconds, at most 7 days', 'offsetMs');
  }
  const previous =
    item.clock_offset_ms === null
      ? null
      : { ms: Number(item.clock_offset_ms), note: item.clock_offset_note };
  const pending = await auditCustody(
    ctx,
    actor,
    item,
    'clock_offset_set',
    { offsetMs: body.offsetMs, note, previous },
    meta,
  );
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await setOfficerClockOffset(trx, item.id, {
      ms: body.offsetMs,
      by: actor.id,
      at: pending.at,
      note,
    });
    await appendCustody(trx, ctx.db.dialect, pending);
  });
  return getEvidence(ctx, actor, item.id);
}
