import type { Actor } from '../auth/actor';
import { vietnamDate } from '../jurisdictions/jurisdiction-tree';
import type { AppContext } from '../platform/context';
import { badRequest } from '../platform/http/errors';
import { resolveScope, type AnalyticsUnit } from './analytics.access';
import { defaultWindowMonths } from './before-after';
import { unitCases, type CaseSource } from './case-source';
import * as cameras from './cameras.repo';
import { casePoints } from './cases.repo';
import {
  beforeAfterFigure,
  coveragePct,
  moneyFigure,
  targetFigures,
  uptimePct,
} from './dashboard-parts';
import {
  camerasFigure,
  caseFigures,
  heatFigure,
  leagueTable,
  rawPointLimit,
  type Dashboard,
} from './dashboard';
import { isMonth, monthOfMs } from './period';
import { refreshRollup } from './rollup';
import { unitsUnder, type NearUnit } from './units.repo';

// A unit's dashboard: every figure for its subtree over a period, each one traceable through
// its key to the records behind it (records.service.ts).

export interface DashboardQuery {
  unitId: string;
  from: string;
  to: string;
  months?: number | undefined;
  rolloutMonth?: string | undefined;
}

function checkOptions(query: DashboardQuery): { n: number; rolloutMonth: string | undefined } {
  const n = query.months ?? defaultWindowMonths;
  if (!Number.isInteger(n) || n < 1 || n > 24) {
    throw badRequest('months must be a whole number from 1 to 24', 'months');
  }
  if (query.rolloutMonth !== undefined && !isMonth(query.rolloutMonth)) {
    throw badRequest('rolloutMonth must be a month YYYY-MM', 'rolloutMonth');
  }
  return { n, rolloutMonth: query.rolloutMonth };
}

const near = (unit: AnalyticsUnit): NearUnit => ({
  id: unit.id,
  name: unit.name,
  level: unit.level,
  path: unit.path,
  population: unit.population,
});

export async function dashboard(
  ctx: AppContext,
  actor: Actor,
  query: DashboardQuery,
  source: CaseSource = 'auto',
): Promise<Dashboard> {
  const { n, rolloutMonth } = checkOptions(query);
  const { unit, period } = await resolveScope(ctx, actor, query);
  const db = ctx.db;
  // The before/after comparison always reads the rollup; bring it up to date first.
  await refreshRollup(db, ctx.now);
  const generatedAt = ctx.now().toISOString();
  const today = vietnamDate(ctx.now());
  const children = await unitsUnder(db, unit.id, today);
  const siblings =
    unit.parentId === null
      ? []
      : (await unitsUnder(db, unit.parentId, today)).filter((sibling) => sibling.id !== unit.id);
  const parentPath = unit.parentId === null ? null : unit.path.replace(/[^/]+\/$/, '');

  const cases = await unitCases(
    db,
    unit,
    period,
    children.map((child) => child.path),
    source,
  );
  const points =
    cases.stats.total <= rawPointLimit
      ? await casePoints(db, {
          prefix: unit.path,
          fromMs: period.fromMs,
          toMs: period.toMs,
          limit: rawPointLimit,
        })
      : null;
  const figures = caseFigures(cases.stats, period.months);

  const cameraCounts = camerasFigure(await cameras.cameraGroups(db, unit.path));
  const installed = await cameras.installedByPath(db, unit.path);
  const installedPerChild = new Map(
    children.map((child) => [
      child.path,
      [...installed]
        .filter(([path]) => path.startsWith(child.path))
        .reduce((sum, [, count]) => sum + count, 0),
    ]),
  );
  const childCoverage = new Map<string, number | null>();
  for (const child of children) childCoverage.set(child.id, await coveragePct(ctx, child.id));

  const money = await moneyFigure(ctx, unit.path, period.to, figures.solvedWithFootage);
  const beforeAfter = await beforeAfterFigure(ctx, {
    unit: near(unit),
    siblings,
    children,
    parentPath,
    n,
    rolloutMonth,
    currentMonth: monthOfMs(ctx.now().getTime()),
  });
  const empty =
    figures.incidents.total === 0 &&
    cameraCounts.total === 0 &&
    money.raisedVnd === 0 &&
    money.spentVnd === 0;
  return {
    unit: { id: unit.id, name: unit.name, level: unit.level, path: unit.path },
    period: { from: period.from, to: period.to, months: period.months },
    empty,
    generatedAt,
    cameras: {
      ...cameraCounts,
      uptimePct: await uptimePct(ctx, unit.path, period.fromMs, period.toMs),
      coveragePct: await coveragePct(ctx, unit.id),
      targets: await targetFigures(ctx, actor, unit.id),
    },
    ...figures,
    incidents: { ...figures.incidents, heat: heatFigure(cases.stats, points) },
    beforeAfter,
    money,
    league: leagueTable(children, cases.children, installedPerChild, childCoverage),
  };
}

export { records, type RecordsPage, type RecordsQuery } from './records.service';
