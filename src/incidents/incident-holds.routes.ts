import Type from 'typebox';
import { requireActor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { HoldSchema } from '../recording/holds.routes';
import { radiusLimits } from './finder';
import { incidentRoles, loadIncident } from './incident.access';
import { listIncidentHolds, placeIncidentHolds, releaseIncidentHolds } from './incident-holds';

const tags = ['incidents'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

const Holds = Type.Object({ items: Type.Array(HoldSchema) });

/** Preservation holds of a case: placed in one action, listed, released together. */
export function incidentHoldRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/incidents/:id/holds',
    {
      config: { access: incidentRoles },
      schema: {
        tags,
        summary: 'Hold the case window’s footage of every recorded candidate camera (audited)',
        params: IdParams,
        body: Type.Object(
          {
            reason: Type.Optional(Type.String({ maxLength: 500 })),
            radiusM: Type.Optional(
              Type.Number({ minimum: radiusLimits.minM, maximum: radiusLimits.maxM }),
            ),
            cameraIds: Type.Optional(
              Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 500 }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Holds },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const incident = await loadIncident(ctx, actor, request.params.id);
      const placed = await placeIncidentHolds(ctx, actor, incident, request.body, {
        ip: request.ip,
      });
      return reply.code(201).send(placed);
    },
  );

  app.get(
    '/api/incidents/:id/holds',
    {
      config: { access: incidentRoles },
      schema: {
        tags,
        summary: 'The holds placed for a case, active and released',
        params: IdParams,
        response: { 200: Holds },
      },
    },
    async (request) => {
      const incident = await loadIncident(ctx, requireActor(request.actor), request.params.id);
      return listIncidentHolds(ctx, incident);
    },
  );

  app.post(
    '/api/incidents/:id/holds/release',
    {
      config: { access: incidentRoles },
      schema: {
        tags,
        summary: 'Release every hold of the case still in force (audited with the reason)',
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: Holds },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const incident = await loadIncident(ctx, actor, request.params.id);
      return releaseIncidentHolds(ctx, actor, incident, request.body.reason, { ip: request.ip });
    },
  );
}
