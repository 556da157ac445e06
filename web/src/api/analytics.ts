// Typed calls to the analytics API: a unit's effectiveness dashboard for a period, the records
// behind any one figure, and the monthly report files.
import { api, withQuery } from './client';
import type { CameraStatus, ConsentTier, OwnerKind, UnitLevel } from './types';
import type { IncidentStatus, IncidentType } from './incidents';

export interface DashboardQuery {
  unitId: string;
  /** YYYY-MM-DD, Vietnam calendar, inclusive. */
  from: string;
  to: string;
  /** Months before and after a roll-out (1–24; the server's default is 6). */
  months?: number;
  rolloutMonth?: string;
}

export interface DashboardTarget {
  metric: 'cameras' | 'coverage_pct';
  targetValue: number;
  dueOn: string;
  current: number;
  progressPct: number;
  willMeet: boolean;
  projectedOn: string | null;
}

export interface DashboardCameras {
  total: number;
  byOwnerKind: Partial<Record<OwnerKind, number>>;
  byStatus: Partial<Record<CameraStatus, number>>;
  byConsentTier: Partial<Record<ConsentTier, number>>;
  recorded: number;
  uptimePct: number | null;
  coveragePct: number | null;
  targets: DashboardTarget[];
}

export interface DashboardIncidents {
  total: number;
  byType: Partial<Record<IncidentType, number>>;
  byMonth: { month: string; n: number }[];
  /** Incidents by hour of day (Vietnam time), 24 entries. */
  byHour: number[];
  /** Cases between 18:00 and 05:59 (the night share's numerator). */
  night?: number;
  nightShare: number | null;
  heat: { lat: number; lng: number; n: number }[];
}

export const funnelSteps = [
  'incidents',
  'withCandidates',
  'requested',
  'received',
  'used',
  'solved',
] as const;
export type FunnelStep = (typeof funnelSteps)[number];

export interface BeforeAfterChild {
  unitId: string;
  name: string;
  rolloutMonth: string | null;
  beforeRate: number | null;
  afterRate: number | null;
  did: number | null;
  reason?: string | null;
}

export interface BeforeAfter {
  rolloutMonth: string | null;
  months: number;
  /** Months actually compared: the after side stops at the last month that has ended. */
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
  children: BeforeAfterChild[];
}

export interface DashboardMoney {
  raisedVnd: number;
  spentVnd: number;
  camerasFunded: number;
  costPerCameraVnd: number | null;
  costPerSolvedWithFootageVnd: number | null;
}

export interface LeagueRow {
  unitId: string;
  name: string;
  level: UnitLevel;
  incidents: number;
  solved: number;
  solvedWithFootage: number;
  solvedWithFootageShare: number | null;
  camerasInstalled: number;
  camerasPer1000: number | null;
  coveragePct: number | null;
}

export interface Dashboard {
  unit: { id: string; name: string; level: UnitLevel; path: string };
  period: { from: string; to: string; months: string[] };
  empty: boolean;
  generatedAt: string;
  cameras: DashboardCameras;
  incidents: DashboardIncidents;
  funnel: Record<FunnelStep, number>;
  /** The share's denominator (every solved case) and numerator (those footage helped). */
  solved?: number;
  solvedWithFootage?: number;
  solvedWithFootageShare: number | null;
  medianHoursToSolve: {
    withFootage: number | null;
    withoutFootage: number | null;
    withFootageCount: number;
    withoutFootageCount: number;
  };
  beforeAfter: BeforeAfter;
  money: DashboardMoney;
  league: LeagueRow[];
}

export interface IncidentRecord {
  id: string;
  caseNumber: string;
  type: IncidentType;
  from: string;
  status: IncidentStatus;
  resolution: 'solved' | 'unsolved' | null;
  footageHelped: boolean | null;
}

export interface CameraRecord {
  id: string;
  code: string;
  name: string;
  status: CameraStatus;
  ownerKind: OwnerKind;
  consentTier: ConsentTier;
}

/** A donation or expense row; its exact fields depend on the kind, so the panel reads it loosely. */
export type MoneyRecord = { id: string } & Record<string, unknown>;

export type AnalyticsRecord = IncidentRecord | CameraRecord | MoneyRecord;

export interface RecordsPage {
  key: string;
  total: number;
  items: AnalyticsRecord[];
  next: string | null;
}

export interface RecordsQuery {
  unitId: string;
  from: string;
  to: string;
  key: string;
  limit?: number;
  after?: string;
}

export type ReportFormat = 'pdf' | 'xlsx';

export const analytics = {
  dashboard: (query: DashboardQuery) =>
    api.get<Dashboard>('/api/analytics/dashboard', { ...query }),
  records: (query: RecordsQuery) => api.get<RecordsPage>('/api/analytics/records', { ...query }),
};

/** Where the browser downloads a unit's monthly report (the session cookie goes along). */
export function monthlyReportUrl(format: ReportFormat, unitId: string, month: string): string {
  return withQuery(`/api/reports/monthly.${format}`, { unitId, month });
}

export const isIncidentRecord = (item: AnalyticsRecord): item is IncidentRecord =>
  'caseNumber' in item && typeof item.caseNumber === 'string';

export const isCameraRecord = (item: AnalyticsRecord): item is CameraRecord =>
  'ownerKind' in item && 'code' in item && typeof item.code === 'string';
