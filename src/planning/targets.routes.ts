import Type, { type TSchema } from 'typebox';
import { requireActor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { planningReaders, targetWriters } from './planning.access';
import { targetMetrics } from './target-input';
import { createTarget, deleteTarget, listTargets } from './targets.service';

const tags = ['planning'];
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const TargetSchema = Type.Object({
  id: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  metric: Type.Enum(targetMetrics),
  targetValue: Type.Number(),
  dueOn: Type.String(),
  note: Nullable(Type.String()),
  current: Type.Number(),
  progressPct: Type.Number(),
  projection: Type.Object({
    ratePerMonth: Type.Number(),
    projectedOn: Nullable(Type.String()),
    willMeet: Type.Boolean(),
    basis: Type.String(),
  }),
});

const CreateBody = Type.Object(
  {
    unitId: Type.String({ minLength: 1, maxLength: 100 }),
    metric: Type.Enum(targetMetrics),
    targetValue: Type.Number(),
    dueOn: Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }),
    note: Type.Optional(Nullable(Type.String({ maxLength: 1100 }))),
  },
  { additionalProperties: false },
);

/** Targets per unit (cameras or coverage by a date) with progress and a projection. */
export function targetRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/targets',
    {
      config: { access: planningReaders },
      schema: {
        tags,
        summary: 'Targets of a unit and its subtree, with progress and the projected date',
        querystring: Type.Object(
          { unitId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(TargetSchema) }) },
      },
    },
    async (request) => listTargets(ctx, requireActor(request.actor), request.query),
  );

  app.post(
    '/api/targets',
    {
      config: { access: targetWriters },
      schema: {
        tags,
        summary: 'Set a target for a unit in your jurisdiction (audited)',
        body: CreateBody,
        response: { 201: TargetSchema },
      },
    },
    async (request, reply) => {
      const target = await createTarget(ctx, requireActor(request.actor), request.body, {
        ip: request.ip,
      });
      return reply.code(201).send(target);
    },
  );

  app.delete(
    '/api/targets/:id',
    {
      config: { access: targetWriters },
      schema: {
        tags,
        summary: 'Remove a target (audited)',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
      },
    },
    async (request, reply) => {
      await deleteTarget(ctx, requireActor(request.actor), request.params.id, { ip: request.ip });
      return reply.code(204).send();
    },
  );
}
