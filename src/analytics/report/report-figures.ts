import type { Figure, PeriodTag, Section } from './figures';
import type { MonthlyReportData } from './report-types';
import { cameraSection, funnelSection, incidentSection } from './sections-activity';
import { beforeAfterSection, leagueSection, moneySection } from './sections-impact';

// The report's figures in print order, and the same figures as rows of the XLSX summary, each
// with the query that lists the records behind it.

export function reportSections(data: MonthlyReportData): Section[] {
  return [
    cameraSection(data.current),
    incidentSection(data),
    funnelSection(data.current),
    beforeAfterSection(data.current),
    moneySection(data.current),
    leagueSection(data.current),
  ];
}

export interface SummaryRow {
  section: string;
  figure: Figure;
  /** The unit and period to ask `/api/analytics/records` with, alongside the key. */
  unitId: string;
  unitName: string;
  from: string;
  to: string;
  span: string;
}

function periodOf(data: MonthlyReportData, tag: PeriodTag): { from: string; to: string } {
  if (tag === 'previous') return data.previous.period;
  if (tag === 'lastYear') return data.lastYear.period;
  return data.current.period;
}

function spanOf(data: MonthlyReportData, tag: PeriodTag): string {
  const b = data.current.beforeAfter;
  switch (tag) {
    case 'month':
      return 'trong tháng';
    case 'previous':
      return 'tháng trước';
    case 'lastYear':
      return 'cùng kỳ năm trước';
    case 'now':
      return 'cuối kỳ';
    case 'toDate':
      return 'lũy kế đến cuối kỳ';
    case 'beforeAfter':
      return b.rolloutMonth
        ? `${b.months} tháng trước và ${b.months} tháng sau ${b.rolloutMonth}`
        : 'không có mốc lắp đặt';
  }
}

/** Every figure with a value, tables cell by cell; headings without a value are left out. */
export function summaryRows(data: MonthlyReportData, sections: Section[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const add = (section: string, figure: Figure) => {
    if (figure.key === null && figure.unit === 'text') return;
    const period = periodOf(data, figure.period);
    rows.push({
      section,
      figure,
      unitId: figure.unitId ?? data.unit.id,
      unitName: figure.unitName ?? data.unit.name,
      from: period.from,
      to: period.to,
      span: spanOf(data, figure.period),
    });
  };
  for (const section of sections) {
    for (const figure of section.figures) add(section.title, figure);
    for (const table of section.tables) {
      for (const row of table.rows) for (const cell of row.cells) add(section.title, cell);
    }
  }
  return rows;
}
