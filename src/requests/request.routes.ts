import { requireActor } from '../auth/actor';
import { incidentRoles } from '../incidents/incident.access';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { approveRequest, cancelRequest, declineRequest } from './request.answers';
import { pendingExtractions } from './request.extraction';
import {
  CreateBody,
  FootageRequestSchema,
  IdParams,
  MyRequestsQuery,
  ReasonBody,
  RequestList,
} from './request.schemas';
import { createRequests, getRequest, incidentRequests, myRequests } from './request.service';
import { uploadRoutes } from './upload.routes';

const tags = ['requests'];

/**
 * Footage requests: police ask a camera's owner for a window of footage for a case; the owner
 * answers on "my requests" (any signed-in user may call the owner's routes: they only ever
 * reach requests for the caller's own cameras).
 */
export async function requestRoutes(app: App, ctx: AppContext): Promise<void> {
  // Shutdown waits for extractions under way, so none is cut off with its database closed.
  app.addHook('onClose', async () => pendingExtractions(ctx));

  app.post(
    '/api/incidents/:id/requests',
    {
      config: { access: incidentRoles },
      schema: {
        tags,
        summary: 'Ask the owners of cameras for footage of a window (one request per camera)',
        params: IdParams,
        body: CreateBody,
        response: { 201: RequestList },
      },
    },
    async (request, reply) => {
      const created = await createRequests(
        ctx,
        requireActor(request.actor),
        request.params.id,
        request.body,
        { ip: request.ip, logger: request.log },
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/incidents/:id/requests',
    {
      config: { access: incidentRoles },
      schema: {
        tags,
        summary: 'The footage requests of a case, newest first',
        params: IdParams,
        response: { 200: RequestList },
      },
    },
    async (request) => incidentRequests(ctx, requireActor(request.actor), request.params.id),
  );

  app.get(
    '/api/my/requests',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Requests for footage of the cameras you own, newest first',
        querystring: MyRequestsQuery,
        response: { 200: RequestList },
      },
    },
    async (request) =>
      myRequests(ctx, requireActor(request.actor), {
        status: request.query.status,
        limit: request.query.limit ?? 200,
      }),
  );

  app.get(
    '/api/footage-requests/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'One request (its camera’s owner, or police who work the case)',
        params: IdParams,
        response: { 200: FootageRequestSchema },
      },
    },
    async (request) => getRequest(ctx, requireActor(request.actor), request.params.id),
  );

  app.post(
    '/api/footage-requests/:id/approve',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Approve a request for your camera’s footage (audited)',
        params: IdParams,
        response: { 200: FootageRequestSchema },
      },
    },
    async (request) =>
      approveRequest(ctx, requireActor(request.actor), request.params.id, {
        ip: request.ip,
        logger: request.log,
      }),
  );

  app.post(
    '/api/footage-requests/:id/decline',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Decline a request for your camera’s footage, saying why (audited)',
        params: IdParams,
        body: ReasonBody,
        response: { 200: FootageRequestSchema },
      },
    },
    async (request) =>
      declineRequest(ctx, requireActor(request.actor), request.params.id, request.body.reason, {
        ip: request.ip,
        logger: request.log,
      }),
  );

  app.post(
    '/api/footage-requests/:id/cancel',
    {
      config: { access: incidentRoles },
      schema: {
        tags,
        summary: 'Withdraw a request the case no longer needs (audited)',
        params: IdParams,
        body: ReasonBody,
        response: { 200: FootageRequestSchema },
      },
    },
    async (request) =>
      cancelRequest(ctx, requireActor(request.actor), request.params.id, request.body.reason, {
        ip: request.ip,
        logger: request.log,
      }),
  );

  await app.register((scope) => uploadRoutes(scope as App, ctx));
}
