import Type from 'typebox';
import { requireActor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { badRequest } from '../platform/http/errors';
import { maxCameraIdsPerQuery, maxNameLength, wallRoles, wallSizes } from './wall.rules';
import {
  createWallLayout,
  deleteWallLayout,
  listWallLayouts,
  updateWallLayout,
  wallCameras,
} from './wall.service';

const tags = ['wall'];
const CameraId = Type.String({ minLength: 1, maxLength: 100 });
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
/** The longest wall, so a query of tile ids stays bounded. */
const maxTiles = Math.max(...wallSizes);

// Name and size limits are checked (and named in the error) by `validateLayout`; the schema
// only bounds the body so nothing huge reaches it.
const LayoutBody = Type.Object(
  {
    name: Type.String({ maxLength: 1000 }),
    size: Type.Integer({ description: '1, 4, 9 or 16 tiles' }),
    cameraIds: Type.Array(Type.Union([CameraId, Type.Null()]), {
      maxItems: maxTiles,
      description: 'one entry per tile, left to right and top to bottom; null for an empty tile',
    }),
  },
  { additionalProperties: false },
);

const LayoutSchema = Type.Object({
  id: Type.String(),
  name: Type.String({ maxLength: maxNameLength }),
  size: Type.Integer(),
  cameraIds: Type.Array(Type.Union([Type.String(), Type.Null()])),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

const WallCameraSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  status: Type.String(),
  consentTier: Type.String(),
  live: Type.Union([Type.Literal('allowed'), Type.Literal('on_alarm'), Type.Literal('denied')], {
    description:
      'allowed now (an active alarm or incident grant included); on_alarm: shared only during an alarm or open incident, none active now',
  }),
  liveMessage: Type.Union([Type.String(), Type.Null()]),
  reasonRequired: Type.Boolean({ description: 'viewing needs ?reason= (not your own camera)' }),
  liveUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'when the grant that allows live view ends',
  }),
});

/** Saved video walls (the caller's own) and what their tiles show. */
export function wallRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/wall-layouts',
    {
      config: { access: wallRoles },
      schema: {
        tags,
        summary: 'Your saved video walls',
        response: { 200: Type.Object({ items: Type.Array(LayoutSchema) }) },
      },
    },
    async (request) => listWallLayouts(ctx, requireActor(request.actor)),
  );

  app.post(
    '/api/wall-layouts',
    {
      config: { access: wallRoles },
      schema: {
        tags,
        summary: 'Save a video wall',
        body: LayoutBody,
        response: { 201: LayoutSchema },
      },
    },
    async (request, reply) => {
      const layout = await createWallLayout(ctx, requireActor(request.actor), request.body);
      return reply.code(201).send(layout);
    },
  );

  app.put(
    '/api/wall-layouts/:id',
    {
      config: { access: wallRoles },
      schema: {
        tags,
        summary: 'Replace one of your video walls (rename, resize, change its cameras)',
        params: IdParams,
        body: LayoutBody,
        response: { 200: LayoutSchema },
      },
    },
    async (request) =>
      updateWallLayout(ctx, requireActor(request.actor), request.params.id, request.body),
  );

  app.delete(
    '/api/wall-layouts/:id',
    {
      config: { access: wallRoles },
      schema: {
        tags,
        summary: 'Delete one of your video walls',
        params: IdParams,
        response: { 200: Type.Object({ ok: Type.Boolean() }) },
      },
    },
    async (request) => {
      await deleteWallLayout(ctx, requireActor(request.actor), request.params.id);
      return { ok: true };
    },
  );

  app.get(
    '/api/wall/cameras',
    {
      config: { access: wallRoles },
      schema: {
        tags,
        summary:
          'Name, state and live permission of cameras on a wall or a list page (readable ones only)',
        querystring: Type.Object(
          {
            ids: Type.String({
              maxLength: maxCameraIdsPerQuery * 101,
              description: `comma-separated ids, at most ${maxCameraIdsPerQuery}`,
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(WallCameraSchema) }) },
      },
    },
    async (request) => {
      const ids = request.query.ids
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
      if (ids.length > maxCameraIdsPerQuery)
        throw badRequest(`at most ${maxCameraIdsPerQuery} ids`, 'ids');
      return wallCameras(ctx, requireActor(request.actor), ids);
    },
  );
}
