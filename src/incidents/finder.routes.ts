import Type from 'typebox';
import { requireActor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { finderAt, finderJson, incidentFinder, scopeFinderResult } from './finder.service';
import { incidentRoles, loadIncident } from './incident.access';
import { FinderResultSchema } from './incident.schemas';

const tags = ['incidents'];
const Radius = Type.Number({ description: 'metres, 10–2000 (default 200)' });

/** The camera finder: which cameras could have seen a place during a window, and how to get it. */
export function finderRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/finder',
    {
      config: { access: incidentRoles },
      schema: {
        tags,
        summary: 'Cameras that saw or stood near a point in a window (at most 12 h), grouped',
        querystring: Type.Object(
          {
            latitude: Type.Number(),
            longitude: Type.Number(),
            radiusM: Type.Optional(Radius),
            from: Type.String({ maxLength: 40 }),
            to: Type.String({ maxLength: 40 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: FinderResultSchema },
      },
    },
    async (request) => finderAt(ctx, requireActor(request.actor), request.query),
  );

  app.get(
    '/api/incidents/:id/finder',
    {
      config: { access: incidentRoles },
      schema: {
        tags,
        summary: 'The finder around a case’s point over its window',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
        querystring: Type.Object(
          { radiusM: Type.Optional(Radius) },
          { additionalProperties: false },
        ),
        response: { 200: FinderResultSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const incident = await loadIncident(ctx, actor, request.params.id);
      const result = await incidentFinder(ctx, incident, request.query.radiusM);
      return finderJson(await scopeFinderResult(ctx, actor, result));
    },
  );
}
