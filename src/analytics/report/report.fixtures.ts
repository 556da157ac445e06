import type { MonthlyReportData, ReportDashboard } from './report-types';

// A fixed dashboard and report for the layout, wording and file tests, with figures small
// enough to check by eye.

export function fixedDashboard(overrides: Partial<ReportDashboard> = {}): ReportDashboard {
  return {
    unit: { id: 'u-xuandinh', name: 'Xuân Đỉnh', level: 'commune', path: '/u-hanoi/u-xuandinh/' },
    period: { from: '2026-03-01', to: '2026-03-31', months: ['2026-03'] },
    empty: false,
    generatedAt: '2026-04-01T00:00:00.000Z',
    cameras: {
      total: 12,
      byOwnerKind: { ward: 4, household: 6, business: 2 },
      byStatus: { online: 9, offline: 3 },
      byConsentTier: { on_request: 8, live_always: 4 },
      recorded: 5,
      uptimePct: 97.25,
      coveragePct: 41.5,
      targets: [
        {
          metric: 'cameras',
          targetValue: 20,
          dueOn: '2026-12-31',
          current: 12,
          progressPct: 60,
          willMeet: true,
          projectedOn: '2026-10-15',
        },
      ],
    },
    incidents: {
      total: 8,
      byType: { theft: 5, snatch_robbery: 3 },
      byMonth: [{ month: '2026-03', n: 8 }],
      byHour: Array.from({ length: 24 }, (_, hour) => (hour === 22 ? 5 : hour === 10 ? 3 : 0)),
      night: 5,
      nightShare: 0.625,
      heat: [],
    },
    funnel: { incidents: 8, withCandidates: 6, requested: 5, received: 4, used: 3, solved: 3 },
    solved: 4,
    solvedWithFootage: 3,
    solvedWithFootageShare: 0.75,
    medianHoursToSolve: {
      withFootage: 18.5,
      withoutFootage: 96,
      withFootageCount: 3,
      withoutFootageCount: 1,
    },
    beforeAfter: {
      rolloutMonth: '2025-09',
      months: 6,
      beforeMonths: 6,
      afterMonths: 6,
      treated: { beforeIncidents: 60, afterIncidents: 42, beforeRate: 10, afterRate: 7 },
      control: {
        units: 2,
        beforeIncidents: 48,
        afterIncidents: 46,
        beforeRate: 4,
        afterRate: 3.83,
      },
      did: -2.83,
      reason: null,
      children: [],
    },
    money: {
      raisedVnd: 150_000_000,
      spentVnd: 144_000_000,
      camerasFunded: 16,
      costPerCameraVnd: 9_000_000,
      costPerSolvedWithFootageVnd: 48_000_000,
    },
    league: [
      {
        unitId: 'u-tanxuan1',
        name: 'Tân Xuân 1',
        level: 'residential_group',
        incidents: 8,
        solved: 4,
        solvedWithFootage: 3,
        solvedWithFootageShare: 0.75,
        camerasInstalled: 12,
        camerasPer1000: 2.4,
        coveragePct: null,
      },
    ],
    ...overrides,
  };
}

/** A dashboard of a unit with nothing in the period: counts 0, rates and medians null. */
export function emptyDashboard(period: ReportDashboard['period']): ReportDashboard {
  const base = fixedDashboard();
  return {
    ...base,
    period,
    empty: true,
    cameras: {
      ...base.cameras,
      total: 0,
      byOwnerKind: {},
      byStatus: {},
      byConsentTier: {},
      recorded: 0,
      uptimePct: null,
      coveragePct: null,
      targets: [],
    },
    incidents: {
      total: 0,
      byType: {},
      byMonth: [],
      byHour: Array.from({ length: 24 }, () => 0),
      night: 0,
      nightShare: null,
      heat: [],
    },
    funnel: { incidents: 0, withCandidates: 0, requested: 0, received: 0, used: 0, solved: 0 },
    solved: 0,
    solvedWithFootage: 0,
    solvedWithFootageShare: null,
    medianHoursToSolve: {
      withFootage: null,
      withoutFootage: null,
      withFootageCount: 0,
      withoutFootageCount: 0,
    },
    beforeAfter: {
      rolloutMonth: null,
      months: 6,
      beforeMonths: 0,
      afterMonths: 0,
      treated: { beforeIncidents: 0, afterIncidents: 0, beforeRate: null, afterRate: null },
      control: null,
      did: null,
      reason: 'no_rollout',
      children: [],
    },
    money: {
      raisedVnd: 0,
      spentVnd: 0,
      camerasFunded: 0,
      costPerCameraVnd: null,
      costPerSolvedWithFootageVnd: null,
    },
    league: [],
  };
}

export function fixedReport(overrides: Partial<MonthlyReportData> = {}): MonthlyReportData {
  return {
    unit: {
      id: 'u-xuandinh',
      code: '00611',
      name: 'Xuân Đỉnh',
      kind: 'phường',
      level: 'commune',
      path: '/u-hanoi/u-xuandinh/',
    },
    month: '2026-03',
    previousMonth: '2026-02',
    lastYearMonth: '2025-03',
    generatedAt: '2026-04-01T00:30:00.000Z',
    current: fixedDashboard(),
    previous: fixedDashboard({
      period: { from: '2026-02-01', to: '2026-02-28', months: ['2026-02'] },
      incidents: { ...fixedDashboard().incidents, total: 10, byType: { theft: 7, burglary: 3 } },
    }),
    lastYear: emptyDashboard({ from: '2025-03-01', to: '2025-03-31', months: ['2025-03'] }),
    records: {
      incidents: [
        {
          id: 'i-1',
          caseNumber: '00611-2026-0007',
          type: 'snatch_robbery',
          from: '2026-03-05T15:10:00.000Z',
          status: 'solved',
          resolution: 'solved',
          footageHelped: true,
        },
      ],
      cameras: [
        {
          id: 'c-1',
          code: 'XD-01',
          name: 'Ngã tư Xuân Đỉnh',
          status: 'online',
          ownerKind: 'ward',
          consentTier: 'live_always',
        },
      ],
      donations: [
        {
          id: 'd-1',
          donatedOn: '2026-01-10',
          donorName: 'Nguyễn Thị Hằng',
          amountVnd: 150_000_000,
        },
      ],
      expenses: [
        { id: 'e-1', spentOn: '2026-02-01', item: 'Lắp 16 camera', amountVnd: 144_000_000 },
      ],
    },
    ...overrides,
  };
}
