import type { AppContext } from '../platform/context';
import type { IncidentTable } from '../platform/db/schema';
import { incidentFinder } from './finder.service';

/**
 * Stores how many cameras had the case's place in view over its window — the funnel's "with
 * candidate cameras" step — when it is filed and when its window moves, so analytics need not
 * run the finder for every case it counts.
 */
export async function recordCandidateCameras(
  ctx: AppContext,
  incident: IncidentTable,
): Promise<number> {
  const seeing = (await incidentFinder(ctx, incident)).seeing;
  await ctx.db.kysely
    .updateTable('incidents')
    .set({ candidate_cameras: seeing })
    .where('id', '=', incident.id)
    .execute();
  return seeing;
}
