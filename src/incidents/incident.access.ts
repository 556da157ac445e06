import { inScope, type Actor, type Role } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { IncidentTable } from '../platform/db/schema';
import { forbidden, notFound } from '../platform/http/errors';

// Who may see and work a case: police and admins, within the jurisdiction the incident's point
// lies in. Requests, evidence and packages all go through `loadIncident`, so one rule guards them.

export const incidentRoles = [
  'admin',
  'provincial_police',
  'ward_police',
] as const satisfies readonly Role[];

export function mayWorkIncidents(actor: Actor): boolean {
  return (incidentRoles as readonly Role[]).includes(actor.role);
}

/** 403 unless the actor works cases and the path lies in their jurisdiction. */
export function requireIncidentScope(actor: Actor, path: string): void {
  if (!mayWorkIncidents(actor)) throw forbidden(`the ${actor.role} role may not work on incidents`);
  if (actor.role !== 'admin' && !inScope(actor, path)) {
    throw forbidden('this incident is outside your jurisdiction');
  }
}

/** The incident, or 404; 403 when the actor may not work on it. */
export async function loadIncident(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<IncidentTable> {
  const row = await ctx.db.kysely
    .selectFrom('incidents')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('incident');
  requireIncidentScope(actor, row.jurisdiction_path);
  return row;
}
