import Type, { type TSchema } from 'typebox';
import { requireActor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { planningReaders } from './planning.access';
import { suggestPlacements } from './suggestions.service';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const Figures = Type.Object({
  lengthM: Type.Number(),
  coveredM: Type.Number(),
  pct: Nullable(Type.Number()),
});

const Body = Type.Object(
  {
    unitId: Type.String({ minLength: 1, maxLength: 100 }),
    mode: Type.Enum(['recorded', 'all'] as const),
    candidates: Type.Enum(['planned', 'sampled'] as const),
    spacingM: Type.Optional(Type.Number()),
    budgetCameras: Type.Optional(Type.Number()),
    budgetVnd: Type.Optional(Type.Number()),
    unitCostVnd: Type.Optional(Type.Number()),
    incidentWeight: Type.Optional(Type.Number()),
    fov: Type.Optional(Type.Number()),
    rangeM: Type.Optional(Type.Number()),
  },
  { additionalProperties: false },
);

const Item = Type.Object({
  rank: Type.Integer(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  heading: Type.Number(),
  fov: Type.Number(),
  rangeM: Type.Number(),
  gainM: Type.Number(),
  weightedGain: Type.Number(),
  cumulativeCoveredM: Type.Number(),
  costVnd: Type.Integer(),
  siteId: Nullable(Type.String()),
  streetName: Type.String(),
});

/** Placement suggestions: a what-if, nothing is saved (accepting one creates a planned site). */
export function suggestionRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/coverage/suggestions',
    {
      config: { access: planningReaders },
      schema: {
        tags: ['planning'],
        summary: 'Where the next cameras add the most covered street length, within a budget',
        description:
          'Greedy by newly covered metres, optionally weighted by incidents within 100 m in ' +
          'the last year (weight 1 + incidentWeight × incidents). Budget in cameras, or in VND ' +
          'at unitCostVnd a camera; with both, the smaller.',
        body: Body,
        response: {
          200: Type.Object({ before: Figures, after: Figures, items: Type.Array(Item) }),
        },
      },
    },
    async (request) => suggestPlacements(ctx, requireActor(request.actor), request.body),
  );
}
