import type { Actor } from '../auth/actor';
import { createGrant, endGrants } from '../live/grants.repo';
import type { AppContext } from '../platform/context';
import type { IncidentTable } from '../platform/db/schema';
import type { FinderResult } from './finder';
import { incidentFinder } from './finder.service';
import { isActiveStatus } from './incident-status';

// An open case opens live view of the `live_on_alarm` cameras that look at its place: their
// owners agreed to be watched during an alarm or an open incident. The grant runs until a day
// after the case's window, or until the case is solved, left unsolved or closed.

const graceMs = 24 * 3_600_000;

/** Cameras whose owners share live view on an incident and whose wedge holds the point nearby. */
export function grantedCameraIds(result: FinderResult): string[] {
  const ids: string[] = [];
  for (const group of Object.values(result.groups)) {
    for (const found of group) {
      if (found.sees && found.withinRadius && found.camera.consentTier === 'live_on_alarm') {
        ids.push(found.camera.id);
      }
    }
  }
  return ids;
}

/**
 * Brings the case's grants in line with it: ends the ones it holds, then, while the case is
 * open or investigating, grants the cameras that see its point until its window's end plus a day.
 */
export async function syncIncidentGrants(
  ctx: AppContext,
  actor: Actor,
  incident: IncidentTable,
): Promise<number> {
  const nowMs = ctx.now().getTime();
  await endGrants(ctx.db, { source: 'incident', sourceId: incident.id }, nowMs);
  const untilMs = Number(incident.to_ms) + graceMs;
  if (!isActiveStatus(incident.status) || untilMs <= nowMs) return 0;
  const ids = grantedCameraIds(await incidentFinder(ctx, incident));
  for (const cameraId of ids) {
    await createGrant(ctx.db, {
      cameraId,
      source: 'incident',
      sourceId: incident.id,
      fromMs: nowMs,
      toMs: untilMs,
      note: `Vụ việc ${incident.case_number}`,
      createdBy: actor.id,
    });
  }
  return ids.length;
}
