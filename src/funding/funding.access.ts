import { inScope, type Actor, type Role } from '../auth/actor';
import type { AppContext } from '../platform/context';
import { forbidden, notFound } from '../platform/http/errors';
import { findCampaign, type CampaignRow } from './campaign.repo';

// Who may see and keep a campaign's books: readers see campaigns of units in their
// jurisdiction; only administrators and ward officials (who collect the money) record entries.
// Everything funding reads or writes goes through `loadCampaign`, so one rule guards it.

export const fundingReaders = [
  'admin',
  'provincial_police',
  'ward_police',
  'ward_official',
  'auditor',
] as const satisfies readonly Role[];

export const fundingWriters = ['admin', 'ward_official'] as const satisfies readonly Role[];

export const mayWriteFunding = (actor: Actor): boolean =>
  (fundingWriters as readonly Role[]).includes(actor.role);

/** 403 unless `path` (a campaign's or a unit's) lies in the actor's jurisdiction. */
export function requireFundingScope(actor: Actor, path: string, write: boolean): void {
  if (write && !mayWriteFunding(actor)) {
    throw forbidden(`the ${actor.role} role may not keep campaign books`);
  }
  if (!inScope(actor, path)) throw forbidden('this campaign is outside your jurisdiction');
}

/** The campaign, or 404; 403 when the actor may not read (or, with `write`, change) it. */
export async function loadCampaign(
  ctx: AppContext,
  actor: Actor,
  id: string,
  write = false,
): Promise<CampaignRow> {
  const row = await findCampaign(ctx.db.kysely, id);
  if (!row) throw notFound('campaign');
  requireFundingScope(actor, row.jurisdiction_path, write);
  return row;
}
