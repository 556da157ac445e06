import type { Actor } from '../auth/actor';
import type { RequestMeta } from '../cameras/camera.service';
import type { AppContext } from '../platform/context';
import type { IncidentTable } from '../platform/db/schema';
import { badRequest } from '../platform/http/errors';
import { normalizeText } from '../platform/text';
import { findHold } from '../recording/holds.repo';
import { createHold, releaseHold, toHold, type Hold } from '../recording/holds.service';
import { availabilities } from './finder';
import { incidentFinder, scopeFinderResult } from './finder.service';
import { incidentHoldRefs, linkHold } from './incident.repo';

// Preservation holds for a case: one action keeps every recorded candidate camera's footage of
// the case window from retention, each hold placed (and audited) through the holds service and
// linked to the case so they are listed and released together.

export interface PlaceHoldsInput {
  reason?: string | undefined;
  radiusM?: number | undefined;
  cameraIds?: string[] | undefined;
}

/** Which cameras to hold: the given ones, each a candidate; else every recorded candidate. */
export function camerasToHold(
  candidates: { id: string; recorded: boolean }[],
  requested: readonly string[] | undefined,
  alreadyHeld: ReadonlySet<string>,
): string[] {
  let chosen: string[];
  if (requested === undefined) {
    chosen = candidates.filter((camera) => camera.recorded).map((camera) => camera.id);
  } else {
    const known = new Set(candidates.map((camera) => camera.id));
    const stranger = requested.find((id) => !known.has(id));
    if (stranger !== undefined) {
      throw badRequest(`camera ${stranger} is not a candidate of this case's finder`, 'cameraIds');
    }
    chosen = [...new Set(requested)];
  }
  return chosen.filter((id) => !alreadyHeld.has(id));
}

async function holdsByIds(ctx: AppContext, ids: readonly string[]): Promise<Hold[]> {
  const holds: Hold[] = [];
  for (const id of ids) {
    const row = await findHold(ctx.db.kysely, id);
    if (row) holds.push(toHold(row));
  }
  return holds;
}

export async function placeIncidentHolds(
  ctx: AppContext,
  actor: Actor,
  incident: IncidentTable,
  input: PlaceHoldsInput,
  meta: RequestMeta = {},
): Promise<{ items: Hold[] }> {
  const reason = normalizeText(input.reason ?? '') || `Vụ việc ${incident.case_number}`;
  const { result } = await scopeFinderResult(
    ctx,
    actor,
    await incidentFinder(ctx, incident, input.radiusM),
  );
  const candidates = availabilities.flatMap((availability) =>
    result.groups[availability].map((found) => ({
      id: found.camera.id,
      recorded: found.availability === 'recorded',
    })),
  );
  const held = new Set(
    (await incidentHoldRefs(ctx.db, incident.id))
      .filter((ref) => ref.active)
      .map((ref) => ref.cameraId),
  );
  const placed: Hold[] = [];
  for (const cameraId of camerasToHold(candidates, input.cameraIds, held)) {
    const hold = await createHold(
      ctx,
      actor,
      {
        cameraId,
        from: new Date(Number(incident.from_ms)).toISOString(),
        to: new Date(Number(incident.to_ms)).toISOString(),
        reason,
      },
      meta,
    );
    await linkHold(ctx.db, incident.id, hold.id, ctx.now().toISOString());
    placed.push(hold);
  }
  return { items: placed };
}

export async function listIncidentHolds(
  ctx: AppContext,
  incident: IncidentTable,
): Promise<{ items: Hold[] }> {
  const refs = await incidentHoldRefs(ctx.db, incident.id);
  return {
    items: await holdsByIds(
      ctx,
      refs.map((ref) => ref.holdId),
    ),
  };
}

/** Releases the case's holds still in force, each audited with the reason; returns them. */
export async function releaseIncidentHolds(
  ctx: AppContext,
  actor: Actor,
  incident: IncidentTable,
  reasonText: string,
  meta: RequestMeta = {},
): Promise<{ items: Hold[] }> {
  const reason = normalizeText(reasonText);
  if (!reason) throw badRequest('a reason is required', 'reason');
  const released: Hold[] = [];
  for (const ref of await incidentHoldRefs(ctx.db, incident.id)) {
    if (!ref.active) continue;
    released.push(await releaseHold(ctx, actor, ref.holdId, reason, meta));
  }
  return { items: released };
}
