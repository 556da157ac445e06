import { inScope, type Actor, type Role } from '../auth/actor';
import { findById } from '../jurisdictions/jurisdiction.repo';
import type { AppContext } from '../platform/context';
import { vietnamDate } from '../jurisdictions/jurisdiction-tree';
import { AppError, forbidden } from '../platform/http/errors';
import { parsePeriod, type Period } from './period';

// Who reads the effectiveness figures: those who plan, fund and police the cameras, and the
// auditors who check them, each for the units of their own jurisdiction. Camera owners see
// none of it: the figures are built from case records.

export const analyticsReaders = [
  'admin',
  'provincial_police',
  'ward_police',
  'ward_official',
  'auditor',
] as const satisfies readonly Role[];

export interface AnalyticsUnit {
  id: string;
  code: string;
  name: string;
  level: string;
  path: string;
  parentId: string | null;
  population: number | null;
}

/** The unit, or 404 naming `unitId`; 403 when it lies outside the actor's jurisdiction. */
export async function loadAnalyticsUnit(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
): Promise<AnalyticsUnit> {
  const row = await findById(ctx.db.kysely, unitId);
  if (!row) throw new AppError(404, 'not_found', `unit ${unitId} not found`, 'unitId');
  if (actor.role !== 'admin' && !inScope(actor, row.path)) {
    throw forbidden('this unit is outside your jurisdiction');
  }
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    path: row.path,
    parentId: row.parent_id,
    population: row.population === null ? null : Number(row.population),
  };
}

export interface Scope {
  unit: AnalyticsUnit;
  period: Period;
  today: string;
}

/** The period (400 naming `to` or `from`) and the unit (404 `unitId`, 403 out of scope). */
export async function resolveScope(
  ctx: AppContext,
  actor: Actor,
  query: { unitId: string; from: string; to: string },
): Promise<Scope> {
  const today = vietnamDate(ctx.now());
  // The period first: a malformed request is refused the same whoever asks.
  const period = parsePeriod(query, today);
  const unit = await loadAnalyticsUnit(ctx, actor, query.unitId);
  return { unit, period, today };
}
