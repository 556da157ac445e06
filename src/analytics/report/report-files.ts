import { reportSections } from './report-figures';
import { reportLayout, reportTitle, unitTitle } from './report-layout';
import { reportFileBase } from './report-month';
import { renderReportPdf } from './report-pdf';
import type { MonthlyReportData } from './report-types';
import { renderReportXlsx } from './report-xlsx';

// The report's two files, drawn from the same data.

export const contentTypes = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export async function renderReportFile(
  data: MonthlyReportData,
  format: 'pdf' | 'xlsx',
): Promise<Buffer> {
  if (format === 'xlsx') return renderReportXlsx(data, reportSections(data));
  return renderReportPdf(reportLayout(data), {
    title: reportTitle(data.month),
    subject: unitTitle(data.unit),
    createdAt: new Date(data.generatedAt),
  });
}

export async function renderReportFiles(
  data: MonthlyReportData,
): Promise<{ pdf: Buffer; xlsx: Buffer; fileBase: string }> {
  const [pdf, xlsx] = await Promise.all([
    renderReportFile(data, 'pdf'),
    renderReportFile(data, 'xlsx'),
  ]);
  return { pdf, xlsx, fileBase: reportFileBase(data.unit.code, data.month) };
}
