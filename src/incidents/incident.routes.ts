import Type from 'typebox';
import { requireActor } from '../auth/actor';
import { literals } from '../cameras/camera.types';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { descriptionLimit } from './incident-input';
import { incidentHoldRoutes } from './incident-holds.routes';
import { incidentRoles } from './incident.access';
import { IncidentSchema } from './incident.schemas';
import {
  changeIncidentStatus,
  createIncident,
  getIncident,
  listIncidents,
  updateIncident,
} from './incident.service';
import { helpedByValues, incidentStatuses, incidentTypes } from './incident.vocabulary';

const tags = ['incidents'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const Text = (maxLength: number) => Type.String({ maxLength });
const OptionalText = (maxLength: number) =>
  Type.Optional(Type.Union([Type.String({ maxLength }), Type.Null()]));
const Instant = Type.String({ description: 'ISO-8601, UTC', maxLength: 40 });

const CreateBody = Type.Object(
  {
    type: literals(incidentTypes),
    description: Text(descriptionLimit + 100),
    latitude: Type.Number(),
    longitude: Type.Number(),
    address: OptionalText(300),
    from: Instant,
    to: Instant,
    reporterName: OptionalText(200),
    reporterPhone: OptionalText(40),
  },
  { additionalProperties: false },
);

const PatchBody = Type.Object(
  {
    type: Type.Optional(literals(incidentTypes)),
    description: Type.Optional(Text(descriptionLimit + 100)),
    address: OptionalText(300),
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
    reporterName: OptionalText(200),
    reporterPhone: OptionalText(40),
  },
  { additionalProperties: false },
);

const StatusBody = Type.Object(
  {
    status: literals(incidentStatuses),
    footageHelped: Type.Optional(Type.Boolean()),
    helpedBy: Type.Optional(Type.Array(literals(helpedByValues), { maxItems: 4 })),
    note: OptionalText(2000),
  },
  { additionalProperties: false },
);

const ListQuery = Type.Object(
  {
    status: Type.Optional(literals(incidentStatuses)),
    type: Type.Optional(literals(incidentTypes)),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    before: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

/** Cases: filed, listed, edited and moved through their lifecycle by police in their area. */
export function incidentRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/incidents',
    {
      config: { access: incidentRoles },
      schema: {
        tags,
        summary: 'Cases in your jurisdiction, newest first (page with `before`)',
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(IncidentSchema) }) },
      },
    },
    async (request) => listIncidents(ctx, requireActor(request.actor), request.query),
  );

  app.post(
    '/api/incidents',
    {
      config: { access: incidentRoles },
      schema: {
        tags,
        summary: 'File a case at a point and a window (numbered per ward and year; audited)',
        body: CreateBody,
        response: { 201: IncidentSchema },
      },
    },
    async (request, reply) => {
      const incident = await createIncident(ctx, requireActor(request.actor), request.body, {
        ip: request.ip,
      });
      return reply.code(201).send(incident);
    },
  );

  app.get(
    '/api/incidents/:id',
    {
      config: { access: incidentRoles },
      schema: { tags, summary: 'One case', params: IdParams, response: { 200: IncidentSchema } },
    },
    async (request) => getIncident(ctx, requireActor(request.actor), request.params.id),
  );

  app.patch(
    '/api/incidents/:id',
    {
      config: { access: incidentRoles },
      schema: {
        tags,
        summary: 'Edit a case’s description, type, address, window or reporter (audited)',
        params: IdParams,
        body: PatchBody,
        response: { 200: IncidentSchema },
      },
    },
    async (request) =>
      updateIncident(ctx, requireActor(request.actor), request.params.id, request.body, {
        ip: request.ip,
      }),
  );

  app.post(
    '/api/incidents/:id/status',
    {
      config: { access: incidentRoles },
      schema: {
        tags,
        summary:
          'Move a case on: investigating, solved (with how footage helped), unsolved, closed',
        params: IdParams,
        body: StatusBody,
        response: { 200: IncidentSchema },
      },
    },
    async (request) =>
      changeIncidentStatus(ctx, requireActor(request.actor), request.params.id, request.body, {
        ip: request.ip,
      }),
  );

  incidentHoldRoutes(app, ctx);
}
