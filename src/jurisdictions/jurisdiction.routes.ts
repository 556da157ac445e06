import Type from 'typebox';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { badRequest } from '../platform/http/errors';
import { importJurisdictionItems, importJurisdictions } from './jurisdiction-import';
import * as jurisdictions from './jurisdiction.service';
import {
  JurisdictionDetailSchema,
  JurisdictionSchema,
  jurisdictionLevels,
} from './jurisdiction.types';

const tags = ['jurisdictions'];
const anyone = { access: 'authenticated' as const };
const LevelSchema = Type.Enum(jurisdictionLevels);
const DateSchema = Type.String({ format: 'date' });

const ListQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    level: Type.Optional(LevelSchema),
    parentId: Type.Optional(Type.String({ minLength: 1 })),
    includeHistoric: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);

const OutlineQuerySchema = Type.Object(
  {
    bbox: Type.Optional(Type.String({ maxLength: 200 })),
    level: Type.Optional(LevelSchema),
    includeHistoric: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const FeatureCollectionSchema = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.String(),
      geometry: Type.Unknown(),
      properties: Type.Object({
        id: Type.String(),
        code: Type.String(),
        name: Type.String(),
        level: Type.String(),
        kind: Type.String(),
      }),
    }),
  ),
});

const ImportResultSchema = Type.Object({
  imported: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
});

/** Units: read by anyone signed in (they are public facts), imported by admins only. */
export function jurisdictionRoutes(app: App, ctx: AppContext): void {
  // CSV arrives as raw bytes so the importer can check the encoding itself and name bad lines.
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'buffer', bodyLimit: ctx.config.importMaxBytes },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/api/jurisdictions',
    {
      config: anyone,
      schema: {
        tags,
        summary: 'List or search units (accent-insensitive); current units unless includeHistoric',
        querystring: ListQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(JurisdictionSchema) }) },
      },
    },
    async (request) => ({ items: await jurisdictions.listJurisdictions(ctx, request.query) }),
  );

  app.get(
    '/api/jurisdictions/outlines',
    {
      config: anyone,
      schema: {
        tags,
        summary: 'Unit outlines as GeoJSON for the map; bbox=minLng,minLat,maxLng,maxLat',
        querystring: OutlineQuerySchema,
        response: { 200: FeatureCollectionSchema },
      },
    },
    async (request) => jurisdictions.jurisdictionOutlines(ctx, request.query),
  );

  app.get(
    '/api/jurisdictions/resolve',
    {
      config: anyone,
      schema: {
        tags,
        summary: 'The unit that had a code on a date, and the unit that carries it on today',
        querystring: Type.Object(
          { code: Type.String({ minLength: 1, maxLength: 40 }), at: Type.Optional(DateSchema) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ unit: JurisdictionSchema, current: JurisdictionSchema }) },
      },
    },
    async (request) => jurisdictions.resolveJurisdiction(ctx, request.query.code, request.query.at),
  );

  app.get(
    '/api/jurisdictions/:id',
    {
      config: anyone,
      schema: {
        tags,
        summary: 'One unit with its ancestors, children and the unit it became',
        params: Type.Object({ id: Type.String({ minLength: 1 }) }),
        response: { 200: JurisdictionDetailSchema },
      },
    },
    async (request) => jurisdictions.getJurisdiction(ctx, request.params.id),
  );

  app.post(
    '/api/jurisdictions/import',
    {
      config: { access: ['admin'] },
      bodyLimit: ctx.config.importMaxBytes,
      schema: {
        tags,
        summary: 'Import units from CSV (text/csv) or a JSON array, all or nothing',
        consumes: ['text/csv', 'application/json'],
        response: { 200: ImportResultSchema },
      },
    },
    async (request) => {
      if (Buffer.isBuffer(request.body))
        return importJurisdictions(ctx, request.actor, request.body, 'csv');
      if (request.body === undefined)
        throw badRequest('send the units as text/csv or a JSON array');
      return importJurisdictionItems(ctx, request.actor, request.body);
    },
  );
}
