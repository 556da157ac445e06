import type { Actor } from '../../auth/actor';
import type { AppContext } from '../../platform/context';
import { loadAnalyticsUnit } from '../analytics.access';
import { dashboard, records } from '../dashboard.service';
import { renderReportFiles } from './report-files';
import { addMonths } from '../period';
import { monthPeriod, requireMonth, requireMonthOver } from './report-month';
import { findReportUnit } from './report.repo';
import type { MonthlyReportData, RecordItem, ReportDashboard, ReportRecords } from './report-types';

// A unit's monthly report: the dashboard for the month, the month before and the same month a
// year before (for comparison), and the records behind the figures, drawn as a PDF and an XLSX
// from the same data.

/** Where each record sheet comes from: the records API's list behind that figure. */
export const recordKeys: Record<keyof ReportRecords, string> = {
  incidents: 'incidents.total',
  cameras: 'cameras.total',
  donations: 'money.raised',
  expenses: 'money.spent',
};

/** The dashboard and records functions; tests may pass their own. */
export interface ReportSources {
  dashboard: (
    ctx: AppContext,
    actor: Actor,
    query: { unitId: string; from: string; to: string },
  ) => Promise<ReportDashboard>;
  records: (
    ctx: AppContext,
    actor: Actor,
    query: {
      unitId: string;
      from: string;
      to: string;
      key: string;
      limit?: number;
      after?: string;
    },
  ) => Promise<{ total: number; items: unknown[]; next: string | null }>;
}

const isRecordItem = (value: unknown): value is RecordItem =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const defaultSources: ReportSources = { dashboard, records };

async function allRecords(
  ctx: AppContext,
  actor: Actor,
  sources: ReportSources,
  query: { unitId: string; from: string; to: string; key: string },
): Promise<RecordItem[]> {
  const items: RecordItem[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await sources.records(ctx, actor, { ...query, limit: 500, after });
    for (const item of page.items) if (isRecordItem(item)) items.push(item);
    if (page.next === null || page.items.length === 0) return items;
    after = page.next;
  }
}

export async function monthlyReportData(
  ctx: AppContext,
  actor: Actor,
  query: { unitId: string; month: string },
  sources: ReportSources = defaultSources,
): Promise<MonthlyReportData> {
  requireMonth(query.month);
  await loadAnalyticsUnit(ctx, actor, query.unitId);
  requireMonthOver(query.month, ctx.now());
  const unit = await findReportUnit(ctx.db.kysely, query.unitId);
  if (!unit) throw new Error(`unit ${query.unitId} vanished while its report was made`);
  const previousMonth = addMonths(query.month, -1);
  const lastYearMonth = addMonths(query.month, -12);
  const of = (month: string) =>
    sources.dashboard(ctx, actor, { unitId: unit.id, ...monthPeriod(month) });
  const [current, previous, lastYear] = await Promise.all([
    of(query.month),
    of(previousMonth),
    of(lastYearMonth),
  ]);
  const period = { unitId: unit.id, ...monthPeriod(query.month) };
  const list = (key: string) => allRecords(ctx, actor, sources, { ...period, key });
  const [incidents, cameras, donations, expenses] = await Promise.all([
    list(recordKeys.incidents),
    list(recordKeys.cameras),
    list(recordKeys.donations),
    list(recordKeys.expenses),
  ]);
  return {
    unit,
    month: query.month,
    previousMonth,
    lastYearMonth,
    generatedAt: ctx.now().toISOString(),
    current,
    previous,
    lastYear,
    records: { incidents, cameras, donations, expenses },
  };
}

export async function monthlyReport(
  ctx: AppContext,
  actor: Actor,
  query: { unitId: string; month: string },
  sources: ReportSources = defaultSources,
): Promise<{ pdf: Buffer; xlsx: Buffer; fileBase: string }> {
  return renderReportFiles(await monthlyReportData(ctx, actor, query, sources));
}
