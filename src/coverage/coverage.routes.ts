import Type from 'typebox';
import { requireActor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { planningReaders } from './coverage.access';
import { coverageGaps, coverageMap } from './coverage-views';
import { coverageSummary, readableUnit } from './coverage.service';

const tags = ['coverage'];
const Pct = Type.Union([Type.Number(), Type.Null()]);
const LatLng = Type.Array(Type.Number(), { minItems: 2, maxItems: 2 });

const UnitQuery = {
  unitId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  mode: Type.Optional(
    Type.Union([Type.Literal('recorded'), Type.Literal('all')], {
      description: 'recorded: only cameras we record; all (default): every installed camera',
    }),
  ),
};
const UnitQuerySchema = Type.Object(UnitQuery, { additionalProperties: false });

const GapQuerySchema = Type.Object(
  {
    ...UnitQuery,
    minLengthM: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000 })),
    sort: Type.Optional(Type.Union([Type.Literal('length'), Type.Literal('incidents')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);

const Totals = { lengthM: Type.Number(), coveredM: Type.Number(), pct: Pct };

const SummarySchema = Type.Object({
  unit: Type.Object({ id: Type.String(), name: Type.String(), level: Type.String() }),
  mode: Type.String(),
  ...Totals,
  cameras: Type.Integer(),
  streets: Type.Array(Type.Object({ name: Type.String(), kind: Type.String(), ...Totals })),
  children: Type.Array(
    Type.Object({
      unitId: Type.String(),
      name: Type.String(),
      level: Type.String(),
      ...Totals,
    }),
  ),
});

const MapSchema = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      geometry: Type.Object({
        type: Type.Literal('LineString'),
        coordinates: Type.Array(Type.Array(Type.Number())),
      }),
      properties: Type.Object({
        covered: Type.Boolean(),
        name: Type.String(),
        wayId: Type.String(),
        kind: Type.String(),
        lengthM: Type.Number(),
      }),
    }),
  ),
});

const GapsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      wayId: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      lengthM: Type.Number(),
      incidentsNearby: Type.Integer(),
      mid: LatLng,
      points: Type.Array(LatLng),
    }),
  ),
});

/** How much of a unit's streets cameras see: totals, the map overlay, and the gaps to fill. */
export function coverageRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/coverage',
    {
      config: { access: planningReaders },
      schema: {
        tags,
        summary: 'Covered street length of a unit, per street and per child unit',
        querystring: UnitQuerySchema,
        response: { 200: SummarySchema },
      },
    },
    async (request) => {
      const unit = await readableUnit(ctx, requireActor(request.actor), request.query.unitId);
      return coverageSummary(ctx, unit, request.query.mode ?? 'all');
    },
  );

  app.get(
    '/api/coverage/map',
    {
      config: { access: planningReaders },
      schema: {
        tags,
        summary: 'Covered and uncovered stretches of a unit’s streets as GeoJSON lines',
        querystring: UnitQuerySchema,
        response: { 200: MapSchema },
      },
    },
    async (request) => {
      const unit = await readableUnit(ctx, requireActor(request.actor), request.query.unitId);
      return coverageMap(ctx, unit, request.query.mode ?? 'all');
    },
  );

  app.get(
    '/api/coverage/gaps',
    {
      config: { access: planningReaders },
      schema: {
        tags,
        summary: 'Uncovered stretches longer than minLengthM, by length or by incidents nearby',
        querystring: GapQuerySchema,
        response: { 200: GapsSchema },
      },
    },
    async (request) => {
      const unit = await readableUnit(ctx, requireActor(request.actor), request.query.unitId);
      return coverageGaps(ctx, unit, request.query);
    },
  );
}
