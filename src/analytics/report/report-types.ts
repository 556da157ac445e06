// What a monthly report is made of: the dashboard of the month and of the months it is compared
// with, and the records behind its figures.
import type { Dashboard } from '../dashboard';

export type CountMap = Record<string, number>;

/** The dashboard a monthly report reads: the analytics module's own. */
export type ReportDashboard = Dashboard;

/** The unit a report is about, as it is filed and named. */
export interface ReportUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
  level: string;
  path: string;
}

/** One row of a record list behind a figure, as the records API returns it. */
export type RecordItem = Record<string, unknown>;

export interface ReportRecords {
  incidents: RecordItem[];
  cameras: RecordItem[];
  donations: RecordItem[];
  expenses: RecordItem[];
}

/** Everything a monthly report shows; the PDF and the XLSX are both drawn from this. */
export interface MonthlyReportData {
  unit: ReportUnit;
  month: string;
  previousMonth: string;
  lastYearMonth: string;
  generatedAt: string;
  current: ReportDashboard;
  previous: ReportDashboard;
  lastYear: ReportDashboard;
  records: ReportRecords;
}
