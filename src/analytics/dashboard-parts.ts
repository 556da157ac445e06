import type { Actor } from '../auth/actor';
import { unitCoverage } from '../coverage/coverage.service';
import { costPerCamera } from '../funding/ledger';
import { fundedCameras } from '../funding/campaign.view';
import { listTargets } from '../planning/targets.service';
import type { AppContext } from '../platform/context';
import { healthHistory } from '../recording/health.repo';
import { uptimePercent } from '../recording/health';
import { compare, quietThrough, rolloutMonthOf, windowsAround } from './before-after';
import { monthlyIncidents } from './case-source';
import * as cameras from './cameras.repo';
import type { Dashboard, TargetFigure } from './dashboard';
import * as money from './money.repo';
import { monthsBetween } from './period';
import type { NearUnit } from './units.repo';

// The parts of a dashboard that come from other domains (coverage, targets, funding, health)
// or from several units at once (before/after).

/**
 * Mean share of the period each recorded camera of the subtree was online, from the health
 * log; cameras with no health record at all in or before the period are left out (never
 * recorded, so nothing is known). Null when none is known.
 */
export async function uptimePct(
  ctx: AppContext,
  prefix: string,
  fromMs: number,
  toMs: number,
): Promise<number | null> {
  const end = Math.min(toMs, ctx.now().getTime());
  if (end <= fromMs) return null;
  const ids = await cameras.recordedCameraIds(ctx.db, prefix);
  if (ids.length === 0) return null;
  const history = await healthHistory(ctx.db, ids, fromMs);
  const shares: number[] = [];
  for (const id of ids) {
    const before = history.before.get(id) ?? null;
    const entries = (history.entries.get(id) ?? []).filter((entry) => entry.atMs < end);
    if (before === null && entries.length === 0) continue;
    shares.push(uptimePercent(entries, before, fromMs, end));
  }
  if (shares.length === 0) return null;
  return Math.round((shares.reduce((a, b) => a + b, 0) / shares.length) * 10) / 10;
}

export async function coveragePct(ctx: AppContext, unitId: string): Promise<number | null> {
  const coverage = await unitCoverage(ctx, unitId, 'all');
  return coverage.pct;
}

export async function targetFigures(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
): Promise<TargetFigure[]> {
  const { items } = await listTargets(ctx, actor, { unitId });
  return items.map((target) => ({
    metric: target.metric,
    targetValue: target.targetValue,
    dueOn: target.dueOn,
    current: target.current,
    progressPct: target.progressPct,
    willMeet: target.projection.willMeet,
    projectedOn: target.projection.projectedOn,
  }));
}

/** Raised and spent over all time up to `to`, by the campaigns of the subtree. */
export async function moneyFigure(
  ctx: AppContext,
  prefix: string,
  to: string,
  solvedWithFootage: number,
): Promise<Dashboard['money']> {
  const ids = await money.campaignIds(ctx.db, prefix);
  const raisedVnd = await money.raisedUpTo(ctx.db, ids, to);
  const expenses = await money.expensesUpTo(ctx.db, ids, to);
  const spentVnd = expenses.reduce((sum, expense) => sum + expense.amount_vnd, 0);
  // A camera two campaigns paid towards is one camera of the unit.
  const funded = new Set<string>();
  for (const set of (await fundedCameras(ctx.db.kysely, expenses)).values()) {
    for (const id of set) funded.add(id);
  }
  return {
    raisedVnd,
    spentVnd,
    camerasFunded: funded.size,
    costPerCameraVnd: costPerCamera(spentVnd, funded.size),
    // The same rounding as cost per camera: to the nearest đồng, halves up.
    costPerSolvedWithFootageVnd: costPerCamera(spentVnd, solvedWithFootage),
  };
}

/** Installs by month of each unit's subtree, from one query over the parent's subtree. */
function installsPerUnit(
  rows: readonly { path: string; month: string; n: number }[],
  units: readonly { path: string }[],
): Map<string, Map<string, number>> {
  const out = new Map(units.map((unit) => [unit.path, new Map<string, number>()]));
  for (const row of rows) {
    for (const unit of units) {
      if (!row.path.startsWith(unit.path)) continue;
      const months = out.get(unit.path)!;
      months.set(row.month, (months.get(row.month) ?? 0) + row.n);
    }
  }
  return out;
}

/**
 * The before/after comparison of the unit against its siblings, and of each child that had a
 * roll-out against the other children.
 */
export async function beforeAfterFigure(
  ctx: AppContext,
  input: {
    unit: NearUnit;
    siblings: readonly NearUnit[];
    children: readonly NearUnit[];
    parentPath: string | null;
    n: number;
    rolloutMonth: string | undefined;
    currentMonth: string;
  },
): Promise<Dashboard['beforeAfter']> {
  const { unit, siblings, children, n, currentMonth } = input;
  const installRows = await cameras.installsByMonth(ctx.db, input.parentPath ?? unit.path);
  const installs = installsPerUnit(installRows, [unit, ...siblings, ...children]);
  const rollout = input.rolloutMonth ?? rolloutMonthOf(installs.get(unit.path)!, currentMonth);
  const childRollouts = new Map(
    children.map((child) => [child.path, rolloutMonthOf(installs.get(child.path)!, currentMonth)]),
  );
  const spans = [rollout, ...childRollouts.values()]
    .filter((month): month is string => month !== null)
    .map((month) => windowsAround(month, n, currentMonth).span);
  const allMonths = spans.flat().sort();
  const monthly =
    allMonths.length === 0
      ? new Map<string, Map<string, number>>()
      : await monthlyIncidents(
          ctx.db,
          [unit, ...siblings, ...children].map((u) => u.path),
          monthsBetween(allMonths[0]!, allMonths.at(-1)!),
        );
  const headlineSpan = rollout === null ? [] : windowsAround(rollout, n, currentMonth).span;
  const headline = compare({
    rollout,
    n,
    currentMonth,
    treated: monthly.get(unit.path) ?? new Map(),
    controls: siblings
      .filter((sibling) => quietThrough(installs.get(sibling.path), headlineSpan))
      .map((sibling) => monthly.get(sibling.path) ?? new Map()),
  });
  const childRows = children
    .filter((child) => childRollouts.get(child.path) !== null)
    .map((child) => {
      const childRollout = childRollouts.get(child.path)!;
      const span = windowsAround(childRollout, n, currentMonth).span;
      const result = compare({
        rollout: childRollout,
        n,
        currentMonth,
        treated: monthly.get(child.path) ?? new Map(),
        controls: children
          .filter((other) => other.path !== child.path)
          .filter((other) => quietThrough(installs.get(other.path), span))
          .map((other) => monthly.get(other.path) ?? new Map()),
      });
      return {
        unitId: child.id,
        name: child.name,
        rolloutMonth: childRollout,
        beforeRate: result.treated.beforeRate,
        afterRate: result.treated.afterRate,
        did: result.did,
        reason: result.reason,
      };
    });
  return { ...headline, children: childRows };
}
