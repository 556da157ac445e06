import type { IncomingMessage } from 'node:http';
import Type from 'typebox';
import { requireActor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { AppError } from '../platform/http/errors';
import { cameraRoles, importRoles } from './camera.access';
import {
  CameraItemsSchema,
  CameraListSchema,
  CameraSchema,
  ImportResultSchema,
  MapCameraListSchema,
} from './camera.schemas';
import {
  createCamera,
  getCamera,
  listCameras,
  listMyCameras,
  mapCamerasJson,
} from './camera.service';
import {
  CameraFilterQuerySchema,
  CameraInputSchema,
  CameraPatchSchema,
  consentTiers,
  literals,
} from './camera.types';
import { decommissionCamera, setConsent, updateCamera } from './camera-changes.service';
import { exportCamerasCsv, exportCamerasGeoJson } from './camera-export';
import { importCameraCsv, importTooLarge } from './camera-import';

const tags = ['cameras'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const ListQuery = Type.Object({
  ...CameraFilterQuerySchema.properties,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
const ExportQuery = Type.Object({
  ...CameraFilterQuerySchema.properties,
  reason: Type.String({
    maxLength: 500,
    description: 'why the export is needed; recorded in the audit log',
  }),
});
const Reason = Type.String({ minLength: 1, maxLength: 500 });

/** Reads a CSV body into a Buffer, refusing more than the import limit with a 413 that names it. */
function csvBodyParser(ctx: AppContext) {
  return (
    request: { headers: Record<string, unknown> },
    payload: IncomingMessage,
  ): Promise<Buffer> => {
    const limit = ctx.config.importMaxBytes;
    if (Number(request.headers['content-length']) > limit)
      return Promise.reject(importTooLarge(limit));
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          payload.removeListener('data', onData);
          reject(importTooLarge(limit));
        } else chunks.push(chunk);
      };
      payload.on('data', onData);
      payload.on('error', reject);
      payload.on('end', () => resolve(Buffer.concat(chunks)));
    });
  };
}

export function cameraRoutes(app: App, ctx: AppContext): void {
  app.addContentTypeParser('text/csv', csvBodyParser(ctx));

  app.get(
    '/api/cameras',
    {
      config: { access: cameraRoles },
      schema: { tags, querystring: ListQuery, response: { 200: CameraListSchema } },
    },
    async (request) => {
      const { limit = 50, offset = 0, ...filters } = request.query;
      return listCameras(ctx, requireActor(request.actor), filters, { limit, offset });
    },
  );

  app.get(
    '/api/cameras/map',
    {
      config: { access: cameraRoles },
      schema: {
        tags,
        querystring: CameraFilterQuerySchema,
        // The body arrives as JSON text in this shape (see `mapQuery`), hence a string to TypeScript.
        response: { 200: Type.Unsafe<string>(MapCameraListSchema) },
      },
    },
    async (request, reply) => {
      const json = await mapCamerasJson(ctx, requireActor(request.actor), request.query);
      // Already JSON, built by the database: Fastify sends a string body as it is.
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );

  app.get(
    '/api/cameras/mine',
    { config: { access: cameraRoles }, schema: { tags, response: { 200: CameraItemsSchema } } },
    async (request) => listMyCameras(ctx, requireActor(request.actor)),
  );

  app.get(
    '/api/cameras/export.csv',
    {
      config: { access: cameraRoles },
      schema: { tags, querystring: ExportQuery, produces: ['text/csv'] },
    },
    async (request, reply) => {
      const { reason, ...filters } = request.query;
      const csv = await exportCamerasCsv(ctx, requireActor(request.actor), filters, reason, {
        ip: request.ip,
      });
      const day = ctx.now().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="cameras-${day}.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/api/cameras/export.geojson',
    {
      config: { access: cameraRoles },
      schema: { tags, querystring: ExportQuery, produces: ['application/geo+json'] },
    },
    async (request, reply) => {
      const { reason, ...filters } = request.query;
      const collection = await exportCamerasGeoJson(
        ctx,
        requireActor(request.actor),
        filters,
        reason,
        { ip: request.ip },
      );
      const day = ctx.now().toISOString().slice(0, 10);
      return reply
        .type('application/geo+json; charset=utf-8')
        .header('content-disposition', `attachment; filename="cameras-${day}.geojson"`)
        .send(JSON.stringify(collection));
    },
  );

  app.post(
    '/api/cameras/import',
    {
      config: { access: importRoles },
      schema: {
        tags,
        consumes: ['text/csv'],
        querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean({ default: false })) }),
        response: { 200: ImportResultSchema },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError(
          415,
          'unsupported_media_type',
          'send the CSV file itself with Content-Type: text/csv',
          'file',
        );
      }
      return importCameraCsv(ctx, requireActor(request.actor), request.body, {
        dryRun: request.query.dryRun === true,
        ip: request.ip,
      });
    },
  );

  app.get(
    '/api/cameras/:id',
    {
      config: { access: cameraRoles },
      schema: {
        tags,
        params: IdParams,
        querystring: Type.Object({
          reason: Type.Optional(
            Type.String({
              maxLength: 500,
              description: "why you need a private owner's contact; audited",
            }),
          ),
        }),
        response: { 200: CameraSchema },
      },
    },
    async (request) =>
      getCamera(ctx, requireActor(request.actor), request.params.id, {
        reason: request.query.reason,
        ip: request.ip,
      }),
  );

  app.post(
    '/api/cameras',
    {
      config: { access: cameraRoles },
      schema: { tags, body: CameraInputSchema, response: { 201: CameraSchema } },
    },
    async (request, reply) => {
      const camera = await createCamera(ctx, requireActor(request.actor), request.body, {
        ip: request.ip,
      });
      return reply.code(201).send(camera);
    },
  );

  app.patch(
    '/api/cameras/:id',
    {
      config: { access: cameraRoles },
      schema: { tags, params: IdParams, body: CameraPatchSchema, response: { 200: CameraSchema } },
    },
    async (request) =>
      updateCamera(ctx, requireActor(request.actor), request.params.id, request.body, {
        ip: request.ip,
      }),
  );

  app.post(
    '/api/cameras/:id/decommission',
    {
      config: { access: cameraRoles },
      schema: {
        tags,
        params: IdParams,
        body: Type.Object({ reason: Reason }),
        response: { 200: CameraSchema },
      },
    },
    async (request) =>
      decommissionCamera(ctx, requireActor(request.actor), request.params.id, request.body.reason, {
        ip: request.ip,
      }),
  );

  app.put(
    '/api/cameras/:id/consent',
    {
      config: { access: cameraRoles },
      schema: {
        tags,
        params: IdParams,
        body: Type.Object({
          consentTier: literals(consentTiers),
          consentExpiresAt: Type.Optional(
            Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
          ),
        }),
        response: { 200: CameraSchema },
      },
    },
    async (request) =>
      setConsent(ctx, requireActor(request.actor), request.params.id, request.body, {
        ip: request.ip,
      }),
  );
}
