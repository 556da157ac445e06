import Type from 'typebox';
import { requireActor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { analyticsReaders } from './analytics.access';
import { dashboard, records } from './dashboard.service';
import { maxRecordsLimit } from './records.service';

// The effectiveness dashboard of a unit and the records behind each of its figures.

const tags = ['analytics'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Counts = Type.Record(Type.String(), Type.Integer());
const Rate = Nullable(Type.Number());

const PeriodQuery = {
  unitId: Type.String({ minLength: 1, maxLength: 100 }),
  from: Type.String({ maxLength: 10, description: 'first day, YYYY-MM-DD (Vietnam calendar)' }),
  to: Type.String({ maxLength: 10, description: 'last day, YYYY-MM-DD, included' }),
};

const DashboardQuery = Type.Object(
  {
    ...PeriodQuery,
    months: Type.Optional(
      Type.Integer({ description: 'before/after window in months (1–24, default 6)' }),
    ),
    rolloutMonth: Type.Optional(
      Type.String({ maxLength: 7, description: 'YYYY-MM; default: the month most installed' }),
    ),
  },
  { additionalProperties: false },
);

const RecordsQuery = Type.Object(
  {
    ...PeriodQuery,
    key: Type.String({ minLength: 1, maxLength: 80, description: 'a figure key (keys.ts)' }),
    limit: Type.Optional(Type.Integer({ description: `1–${maxRecordsLimit}, default 100` })),
    after: Type.Optional(Type.String({ maxLength: 400 })),
  },
  { additionalProperties: false },
);

const Side = {
  beforeIncidents: Type.Integer(),
  afterIncidents: Type.Integer(),
  beforeRate: Rate,
  afterRate: Rate,
};

const DashboardSchema = Type.Object({
  unit: Type.Object({
    id: Type.String(),
    name: Type.String(),
    level: Type.String(),
    path: Type.String(),
  }),
  period: Type.Object({
    from: Type.String(),
    to: Type.String(),
    months: Type.Array(Type.String()),
  }),
  empty: Type.Boolean(),
  generatedAt: Type.String(),
  cameras: Type.Object({
    total: Type.Integer(),
    byOwnerKind: Counts,
    byStatus: Counts,
    byConsentTier: Counts,
    recorded: Type.Integer(),
    uptimePct: Rate,
    coveragePct: Rate,
    targets: Type.Array(
      Type.Object({
        metric: Type.String(),
        targetValue: Type.Number(),
        dueOn: Type.String(),
        current: Type.Number(),
        progressPct: Type.Number(),
        willMeet: Type.Boolean(),
        projectedOn: Nullable(Type.String()),
      }),
    ),
  }),
  incidents: Type.Object({
    total: Type.Integer(),
    byType: Counts,
    byMonth: Type.Array(Type.Object({ month: Type.String(), n: Type.Integer() })),
    byHour: Type.Array(Type.Integer()),
    night: Type.Integer(),
    nightShare: Rate,
    heat: Type.Array(Type.Object({ lat: Type.Number(), lng: Type.Number(), n: Type.Integer() })),
  }),
  funnel: Type.Object({
    incidents: Type.Integer(),
    withCandidates: Type.Integer(),
    requested: Type.Integer(),
    received: Type.Integer(),
    used: Type.Integer(),
    solved: Type.Integer(),
  }),
  solved: Type.Integer(),
  solvedWithFootage: Type.Integer(),
  solvedWithFootageShare: Rate,
  medianHoursToSolve: Type.Object({
    withFootage: Rate,
    withoutFootage: Rate,
    withFootageCount: Type.Integer(),
    withoutFootageCount: Type.Integer(),
  }),
  beforeAfter: Type.Object({
    rolloutMonth: Nullable(Type.String()),
    months: Type.Integer(),
    beforeMonths: Type.Integer(),
    afterMonths: Type.Integer(),
    treated: Type.Object(Side),
    control: Nullable(Type.Object({ units: Type.Integer(), ...Side })),
    did: Rate,
    reason: Nullable(Type.String()),
    children: Type.Array(
      Type.Object({
        unitId: Type.String(),
        name: Type.String(),
        rolloutMonth: Nullable(Type.String()),
        beforeRate: Rate,
        afterRate: Rate,
        did: Rate,
        reason: Nullable(Type.String()),
      }),
    ),
  }),
  money: Type.Object({
    raisedVnd: Type.Number(),
    spentVnd: Type.Number(),
    camerasFunded: Type.Integer(),
    costPerCameraVnd: Rate,
    costPerSolvedWithFootageVnd: Rate,
  }),
  league: Type.Array(
    Type.Object({
      unitId: Type.String(),
      name: Type.String(),
      level: Type.String(),
      incidents: Type.Integer(),
      solved: Type.Integer(),
      solvedWithFootage: Type.Integer(),
      solvedWithFootageShare: Rate,
      camerasInstalled: Type.Integer(),
      camerasPer1000: Rate,
      coveragePct: Rate,
    }),
  ),
});

export function analyticsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/analytics/dashboard',
    {
      config: { access: analyticsReaders },
      schema: {
        tags,
        summary: "A unit's effectiveness figures over a period (its whole subtree)",
        querystring: DashboardQuery,
        response: { 200: DashboardSchema },
      },
    },
    async (request) => dashboard(ctx, requireActor(request.actor), request.query),
  );

  app.get(
    '/api/analytics/records',
    {
      config: { access: analyticsReaders },
      schema: {
        tags,
        summary: 'The records behind one figure of the dashboard, a page at a time',
        querystring: RecordsQuery,
        response: {
          200: Type.Object({
            key: Type.String(),
            total: Type.Integer(),
            items: Type.Array(Type.Unknown()),
            next: Nullable(Type.String()),
          }),
        },
      },
    },
    async (request) => records(ctx, requireActor(request.actor), request.query),
  );
}
