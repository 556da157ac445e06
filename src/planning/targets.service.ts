import { randomUUID } from 'node:crypto';
import { requireScope, type Actor } from '../auth/actor';
import type { RequestMeta } from '../cameras/camera.service';
import { coverageIndexFor, unitCoverage } from '../coverage/coverage.service';
import { vietnamDate } from '../jurisdictions/jurisdiction-tree';
import type { AppContext } from '../platform/context';
import { notFound } from '../platform/http/errors';
import { loadUnitInScope } from './planning.access';
import {
  progressPct,
  projectCameras,
  projectCoverage,
  windowStart,
  type Projection,
} from './projection';
import { installedCount } from './sites.service';
import { checkTarget, type TargetInput, type TargetMetric } from './target-input';
import * as repo from './targets.repo';

// Targets: what a unit means to reach by a date, how far it is, and whether the recent pace
// gets it there in time. Progress counts the whole subtree, so a district's target rolls up the
// cameras of all its wards.

export interface Target {
  id: string;
  unitId: string;
  unitName: string;
  metric: TargetMetric;
  targetValue: number;
  dueOn: string;
  note: string | null;
  current: number;
  progressPct: number;
  projection: Projection;
}

/**
 * Percentage points of the unit's streets that its recently installed cameras cover and no
 * older camera does: the index with and without them.
 */
async function recentGainPct(
  ctx: AppContext,
  unitId: string,
  recentCameraIds: readonly string[],
): Promise<number | null> {
  if (recentCameraIds.length === 0) return null;
  const { index } = await coverageIndexFor(ctx, unitId, 'all');
  const { lengthM, coveredM } = index.totals();
  if (lengthM <= 0) return null;
  const without = index.clone();
  for (const id of recentCameraIds) without.remove(id);
  return ((coveredM - without.totals().coveredM) / lengthM) * 100;
}

async function evaluate(ctx: AppContext, row: repo.TargetRow, today: string): Promise<Target> {
  const window = await repo.installsBetween(
    ctx.db,
    row.jurisdiction_path,
    windowStart(today),
    today,
  );
  const installsInWindow = window.cameraIds.length + window.siteOnly;
  const common = { target: Number(row.target_value), today, dueOn: row.due_on };
  let current: number;
  let projection: Projection;
  if (row.metric === 'cameras') {
    current = await installedCount(ctx, row.jurisdiction_path);
    projection = projectCameras({ ...common, current, installsInWindow });
  } else {
    const coverage = await unitCoverage(ctx, row.unit_id, 'all');
    current = coverage.pct ?? 0;
    projection = projectCoverage({
      ...common,
      currentPct: coverage.pct,
      // Only cameras the index knows count towards the gain; sites without a dated camera do not.
      installsInWindow: window.cameraIds.length,
      recentGainPct: await recentGainPct(ctx, row.unit_id, window.cameraIds),
    });
  }
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name ?? '',
    metric: row.metric,
    targetValue: Number(row.target_value),
    dueOn: row.due_on,
    note: row.note,
    current,
    progressPct: progressPct(current, Number(row.target_value)),
    projection,
  };
}

export async function listTargets(
  ctx: AppContext,
  actor: Actor,
  query: { unitId?: string | undefined },
): Promise<{ items: Target[] }> {
  const pathPrefix =
    query.unitId !== undefined
      ? (await loadUnitInScope(ctx, actor, query.unitId)).path
      : actor.scopePath;
  const rows = await repo.listTargetRows(ctx.db, pathPrefix);
  const today = vietnamDate(ctx.now());
  const items: Target[] = [];
  for (const row of rows) items.push(await evaluate(ctx, row, today));
  return { items };
}

export async function createTarget(
  ctx: AppContext,
  actor: Actor,
  input: TargetInput,
  meta: RequestMeta = {},
): Promise<Target> {
  const unit = await loadUnitInScope(ctx, actor, input.unitId);
  const checked = checkTarget(input);
  const row = {
    id: randomUUID(),
    unit_id: unit.id,
    jurisdiction_path: unit.path,
    ...checked,
    created_by: actor.id,
    created_at: ctx.now().toISOString(),
  };
  await repo.insertTarget(ctx.db, row);
  await ctx.audit.record({
    actor,
    action: 'target.create',
    targetType: 'coverage_target',
    targetId: row.id,
    jurisdictionPath: row.jurisdiction_path,
    ip: meta.ip ?? null,
    details: {
      unitId: unit.id,
      metric: row.metric,
      targetValue: row.target_value,
      dueOn: row.due_on,
    },
  });
  return evaluate(ctx, { ...row, unit_name: unit.name }, vietnamDate(ctx.now()));
}

export async function deleteTarget(
  ctx: AppContext,
  actor: Actor,
  id: string,
  meta: RequestMeta = {},
): Promise<void> {
  const row = await repo.findTarget(ctx.db, id);
  if (!row) throw notFound('target');
  requireScope(actor, row.jurisdiction_path, 'target');
  await repo.deleteTarget(ctx.db, row.id);
  await ctx.audit.record({
    actor,
    action: 'target.delete',
    targetType: 'coverage_target',
    targetId: row.id,
    jurisdictionPath: row.jurisdiction_path,
    ip: meta.ip ?? null,
    details: { unitId: row.unit_id, metric: row.metric, targetValue: Number(row.target_value) },
  });
}
