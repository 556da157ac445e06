import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/actor';
import type { RequestMeta } from '../../cameras/camera.service';
import type { AppContext } from '../../platform/context';
import { AppError, badRequest } from '../../platform/http/errors';
import { loadAnalyticsUnit } from '../analytics.access';
import { monthlyReportData, type ReportSources } from './monthly';
import { contentTypes, renderReportFile } from './report-files';
import { reportFileBase } from './report-month';
import {
  findReportUnitsByCodes,
  readStoredReport,
  reportFilePattern,
  reportPath,
  storedReportFiles,
  type ReportFormat,
} from './report.repo';
import type { ReportUnit } from './report-types';

// Reports handed out over HTTP: made on demand, or the schedule's stored files. Each download
// is audited, since a report lists case numbers and the money of named campaigns.

export interface ReportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

async function auditDownload(
  ctx: AppContext,
  actor: Actor,
  unit: Pick<ReportUnit, 'id' | 'path'>,
  details: { month: string; format: ReportFormat; scheduled: boolean },
  meta: RequestMeta,
): Promise<void> {
  await ctx.audit.record({
    actor,
    action: 'report.download',
    targetType: 'jurisdiction',
    targetId: unit.id,
    jurisdictionPath: unit.path,
    ip: meta.ip ?? null,
    details: { unitId: unit.id, ...details },
  });
}

export async function downloadMonthlyReport(
  ctx: AppContext,
  actor: Actor,
  query: { unitId: string; month: string },
  format: ReportFormat,
  meta: RequestMeta = {},
  sources?: ReportSources,
): Promise<ReportFile> {
  const data = await monthlyReportData(ctx, actor, query, sources);
  const body = await renderReportFile(data, format);
  await auditDownload(ctx, actor, data.unit, { month: data.month, format, scheduled: false }, meta);
  return {
    body,
    contentType: contentTypes[format],
    fileName: `${reportFileBase(data.unit.code, data.month)}.${format}`,
  };
}

export interface ScheduledReport {
  unitId: string;
  unitCode: string;
  unitName: string;
  month: string;
  pdf: string | null;
  xlsx: string | null;
  createdAt: string;
}

const fileUrl = (folder: string, month: string, format: ReportFormat) =>
  `/api/reports/files/${encodeURIComponent(folder)}/${month}.${format}`;

/**
 * The schedule's reports the actor may read, newest month first; with `unitId`, those of that
 * unit and the units below it. Folders are unit codes, looked up to check scope.
 */
export async function listScheduledReports(
  ctx: AppContext,
  actor: Actor,
  unitId: string | undefined,
): Promise<{ items: ScheduledReport[] }> {
  const within = unitId ? (await loadAnalyticsUnit(ctx, actor, unitId)).path : null;
  const files = await storedReportFiles(ctx);
  const units = new Map(
    (await findReportUnitsByCodes(ctx.db.kysely, [...new Set(files.map((f) => f.folder))])).map(
      (unit) => [unit.code, unit],
    ),
  );
  const reports = new Map<string, ScheduledReport>();
  for (const file of files) {
    const unit = units.get(file.folder);
    if (!unit || !inScope(actor, unit.path)) continue;
    if (within !== null && !unit.path.startsWith(within)) continue;
    const id = `${unit.id} ${file.month}`;
    const report = reports.get(id) ?? {
      unitId: unit.id,
      unitCode: unit.code,
      unitName: unit.name,
      month: file.month,
      pdf: null,
      xlsx: null,
      createdAt: file.modifiedAt.toISOString(),
    };
    report[file.format] = fileUrl(file.folder, file.month, file.format);
    // A report was made when its last file landed.
    if (file.modifiedAt.toISOString() > report.createdAt)
      report.createdAt = file.modifiedAt.toISOString();
    reports.set(id, report);
  }
  const items = [...reports.values()].sort(
    (a, b) => b.month.localeCompare(a.month) || a.unitCode.localeCompare(b.unitCode),
  );
  return { items };
}

export async function downloadStoredReport(
  ctx: AppContext,
  actor: Actor,
  unitCode: string,
  file: string,
  meta: RequestMeta = {},
): Promise<ReportFile> {
  const match = reportFilePattern.exec(file);
  if (!match) throw badRequest('file must be YYYY-MM.pdf or YYYY-MM.xlsx', 'file');
  const [month = '', format = 'pdf'] = [match[1], match[2] === 'xlsx' ? 'xlsx' : 'pdf'] as const;
  const [unit] = await findReportUnitsByCodes(ctx.db.kysely, [unitCode]);
  if (!unit) throw new AppError(404, 'not_found', `unit ${unitCode} not found`, 'unitCode');
  await loadAnalyticsUnit(ctx, actor, unit.id);
  const body = await readStoredReport(reportPath(ctx, unit.code, month, format));
  if (!body)
    throw new AppError(404, 'not_found', `no ${format} report for ${unitCode} ${month}`, 'file');
  await auditDownload(ctx, actor, unit, { month, format, scheduled: true }, meta);
  return {
    body,
    contentType: contentTypes[format],
    fileName: `${reportFileBase(unit.code, month)}.${format}`,
  };
}
