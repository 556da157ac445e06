import Type, { type TSchema } from 'typebox';
import { requireActor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import {
  createHold,
  holdReaderRoles,
  holdWriterRoles,
  listHolds,
  releaseHold,
} from './holds.service';

const tags = ['recording'];
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Reason = Type.String({ minLength: 1, maxLength: 500 });
const Instant = Type.String({ format: 'date-time', description: 'ISO-8601, UTC' });

/** A hold as every route that lists holds sends it. */
export const HoldSchema = Type.Object({
  id: Type.String(),
  cameraId: Type.String(),
  cameraCode: Type.String(),
  from: Type.String(),
  to: Type.String(),
  reason: Type.String(),
  createdBy: Nullable(Type.String()),
  createdByUsername: Nullable(Type.String()),
  createdAt: Type.String(),
  releasedAt: Nullable(Type.String()),
  releasedBy: Nullable(Type.String()),
  releasedByUsername: Nullable(Type.String()),
  active: Type.Boolean(),
});

/** Holds: footage ranges retention must keep while an investigation needs them. */
export function holdRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/holds',
    {
      config: { access: holdReaderRoles },
      schema: {
        tags,
        summary: 'Holds on one camera, or on every camera in your jurisdiction (newest first)',
        querystring: Type.Object(
          {
            cameraId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            active: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(HoldSchema) }) },
      },
    },
    async (request) =>
      listHolds(ctx, requireActor(request.actor), {
        cameraId: request.query.cameraId,
        active: request.query.active,
        limit: request.query.limit ?? 200,
      }),
  );

  app.post(
    '/api/holds',
    {
      config: { access: holdWriterRoles },
      schema: {
        tags,
        summary: 'Keep a camera’s footage between two instants from retention (audited)',
        body: Type.Object(
          {
            cameraId: Type.String({ minLength: 1, maxLength: 100 }),
            from: Instant,
            to: Instant,
            reason: Reason,
          },
          { additionalProperties: false },
        ),
        response: { 201: HoldSchema },
      },
    },
    async (request, reply) => {
      const hold = await createHold(ctx, requireActor(request.actor), request.body, {
        ip: request.ip,
      });
      return reply.code(201).send(hold);
    },
  );

  app.post(
    '/api/holds/:id/release',
    {
      config: { access: holdWriterRoles },
      schema: {
        tags,
        summary: 'Release a hold, letting retention delete the footage again (audited)',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 200: HoldSchema },
      },
    },
    async (request) =>
      releaseHold(ctx, requireActor(request.actor), request.params.id, request.body.reason, {
        ip: request.ip,
      }),
  );
}
