import { requireScope, type Actor, type Role } from '../auth/actor';
import { findById } from '../jurisdictions/jurisdiction.repo';
import type { AppContext } from '../platform/context';
import { notFound } from '../platform/http/errors';

// Who plans: the same readers and writers as coverage (planned sites are written by police and
// officials of the unit), and targets, which city leaders set: admins and provincial police.

export { planningReaders, planningWriters } from '../coverage/coverage.access';

export const targetWriters = ['admin', 'provincial_police'] as const satisfies readonly Role[];

export interface PlanningUnit {
  id: string;
  name: string;
  path: string;
  level: string;
}

/** A unit the actor may plan for, or 404 (no such unit) / 403 (outside their jurisdiction). */
export async function loadUnitInScope(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
): Promise<PlanningUnit> {
  const unit = await findById(ctx.db.kysely, unitId);
  if (!unit) throw notFound('unit');
  requireScope(actor, unit.path, 'unit');
  return { id: unit.id, name: unit.name, path: unit.path, level: unit.level };
}
