import Type from 'typebox';
import { requireActor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { badRequest } from '../platform/http/errors';
import { planningReaders, planningWriters } from './coverage.access';
import { readableUnit } from './coverage.service';
import { importRoads, roadsGeoJson } from './roads.service';

const tags = ['coverage'];

const ImportResultSchema = Type.Object({
  importId: Type.String(),
  features: Type.Integer(),
  segments: Type.Integer(),
  lengthM: Type.Number(),
  replaced: Type.Integer(),
});

const RoadCollectionSchema = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      geometry: Type.Object({
        type: Type.Literal('LineString'),
        coordinates: Type.Array(Type.Array(Type.Number())),
      }),
      properties: Type.Object({
        wayId: Type.String(),
        name: Type.String(),
        kind: Type.String(),
        lengthM: Type.Number(),
      }),
    }),
  ),
});

/** Street networks: imported per unit from OpenStreetMap GeoJSON, shown on the planning map. */
export function roadRoutes(app: App, ctx: AppContext): void {
  // Browsers send a `.geojson` file as application/geo+json; it is JSON all the same.
  app.addContentTypeParser(
    'application/geo+json',
    { parseAs: 'string', bodyLimit: ctx.config.importMaxBytes },
    (_request, body, done) => {
      try {
        done(null, JSON.parse(String(body)));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        done(badRequest(`the file is not valid JSON: ${reason}`, 'body'), undefined);
      }
    },
  );

  app.post(
    '/api/units/:id/roads',
    {
      config: { access: planningWriters },
      bodyLimit: ctx.config.importMaxBytes,
      schema: {
        tags,
        summary: 'Import a unit’s street network (GeoJSON LineStrings), replacing the previous one',
        consumes: ['application/json', 'application/geo+json'],
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
        querystring: Type.Object(
          { fileName: Type.Optional(Type.String({ maxLength: 300 })) },
          { additionalProperties: false },
        ),
        response: { 201: ImportResultSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const result = await importRoads(
        ctx,
        actor,
        request.params.id,
        request.body,
        request.query.fileName,
      );
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/api/roads',
    {
      config: { access: planningReaders },
      schema: {
        tags,
        summary: 'A unit’s streets (its subtree’s too) as GeoJSON lines, one per way',
        querystring: Type.Object(
          { unitId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
          { additionalProperties: false },
        ),
        response: { 200: RoadCollectionSchema },
      },
    },
    async (request) => {
      const unit = await readableUnit(ctx, requireActor(request.actor), request.query.unitId);
      return roadsGeoJson(ctx, unit.path);
    },
  );
}
