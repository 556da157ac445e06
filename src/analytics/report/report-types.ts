// The part of the dashboard a monthly report reads, written as the shared analytics contract
// defines it. Kept structural, so the report depends on the figures and not on how the
// dashboard module names its types; the dashboard's own type must stay assignable to it.

export type CountMap = Record<string, number>;

export interface ReportTarget {
  metric: string;
  targetValue: number;
  dueOn: string;
  current: number;
  progressPct: number | null;
  willMeet: boolean | null;
  projectedOn: string | null;
}

export interface ReportDashboard {
  unit: { id: string; name: string; level: string; path: string };
  period: { from: string; to: string; months: string[] };
  empty: boolean;
  generatedAt: string;
  cameras: {
    total: number;
    byOwnerKind: CountMap;
    byStatus: CountMap;
    byConsentTier: CountMap;
    recorded: number;
    uptimePct: number | null;
    coveragePct: number | null;
    targets: ReportTarget[];
  };
  incidents: {
    total: number;
    byType: CountMap;
    byMonth: { month: string; n: number }[];
    byHour: number[];
    /** Cases between 18:00 and 05:59. */
    night: number;
    nightShare: number | null;
  };
  funnel: {
    incidents: number;
    withCandidates: number;
    requested: number;
    received: number;
    used: number;
    solved: number;
  };
  /** All solved cases of the period, and those solved with footage_helped = 1. */
  solved: number;
  solvedWithFootage: number;
  solvedWithFootageShare: number | null;
  medianHoursToSolve: {
    withFootage: number | null;
    withoutFootage: number | null;
    withFootageCount: number;
    withoutFootageCount: number;
  };
  beforeAfter: {
    rolloutMonth: string | null;
    months: number;
    /** The months each side actually counts (the after side stops at the last month ended). */
    beforeMonths?: number;
    afterMonths?: number;
    treated: {
      beforeIncidents: number;
      afterIncidents: number;
      beforeRate: number | null;
      afterRate: number | null;
    };
    control: {
      units: number;
      beforeIncidents: number;
      afterIncidents: number;
      beforeRate: number | null;
      afterRate: number | null;
    } | null;
    did: number | null;
    reason: string | null;
    children: {
      unitId: string;
      name: string;
      rolloutMonth: string | null;
      beforeRate: number | null;
      afterRate: number | null;
      did: number | null;
      reason?: string | null;
    }[];
  };
  money: {
    raisedVnd: number;
    spentVnd: number;
    camerasFunded: number;
    costPerCameraVnd: number | null;
    costPerSolvedWithFootageVnd: number | null;
  };
  league: {
    unitId: string;
    name: string;
    level: string;
    incidents: number;
    solved: number;
    solvedWithFootage: number;
    solvedWithFootageShare: number | null;
    camerasInstalled: number;
    camerasPer1000: number | null;
    coveragePct: number | null;
  }[];
}

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
