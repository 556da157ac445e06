import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebSocket } from 'ws';
import { requireActor } from '../auth/actor';
import { resolveActor } from '../auth/sessions';
import { cameraRoles } from '../cameras/camera.access';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { AppError, tooManyRequests } from '../platform/http/errors';
import { listActiveGrants, raiseAlarm } from './grants.service';
import { admitLive, auditLiveView, decideLive } from './live-access';
import type { LiveCamera } from './live.service';
import { liveServiceOf } from './live.service';
import { newestSegment } from './live.repo';
import {
  AlarmBodySchema,
  AlarmResultSchema,
  LiveAccessQuery,
  LiveAccessSchema,
  LiveGrantListSchema,
  LiveStreamQuery,
  SnapshotQuery,
  type LiveAccess,
} from './live.schemas';
import { liveCloseCodes, type LiveStream, type ViewerSink } from './live-viewer';
import { SnapshotService } from './snapshot.service';

const tags = ['live'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
/** How often a live socket is pinged and its viewer's access checked again. */
export const liveCheckMs = 15_000;

/** What the check before the upgrade hands to the socket handler. */
interface Ticket {
  camera: LiveCamera;
  stream: LiveStream;
  release: () => void;
}

/** A close frame's reason may hold at most 123 bytes of UTF-8: cut on a character boundary. */
export function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > 123) reason = reason.slice(0, -1);
  return reason;
}

function sinkOf(socket: WebSocket): ViewerSink {
  return {
    send: (data) => socket.send(data, { binary: typeof data !== 'string' }),
    get bufferedAmount() {
      return socket.bufferedAmount;
    },
    close(code, reason) {
      socket.close(code, reason);
      // A viewer too slow to read its data is slow to read the close too: do not hold its queue.
      setTimeout(() => socket.terminate(), 1_000).unref();
    },
  };
}

/**
 * Live view: a WebSocket per viewer (access checked and audited before the upgrade, so a
 * refused client hears a plain HTTP error), what the UI needs to explain a refusal, snapshots,
 * and alarms that open live view of `live_on_alarm` cameras.
 */
export function liveRoutes(app: App, ctx: AppContext): void {
  const logger = app.log.child({ module: 'live' });
  const live = liveServiceOf(ctx, logger);
  const snapshots = new SnapshotService(
    ctx,
    {
      latestKeyframe: (id) => live.latestKeyframe(id),
      newestSegment: (id) => newestSegment(ctx.db, id),
    },
    logger,
  );
  const tickets = new WeakMap<FastifyRequest, Ticket>();

  // Viewers hear 1001 ("going away") at shutdown and reconnect to whichever server answers
  // next. @fastify/websocket's own pre-close (at the root, so it runs first) would end them
  // without a code: live sockets are therefore taken out of its list as they open.
  app.addHook('preClose', async () => {
    await live.stop();
  });
  app.addHook('onClose', async () => {
    await live.stop();
  });

  app.get(
    '/api/cameras/:id/live',
    {
      websocket: true,
      config: { access: cameraRoles },
      schema: {
        tags,
        summary: 'WebSocket of live fMP4 (init, then fragments from a keyframe)',
        params: IdParams,
        querystring: LiveStreamQuery,
      },
      preHandler: async (request) => {
        const actor = requireActor(request.actor);
        const stream = request.query.stream ?? 'main';
        const admission = await admitLive(ctx, actor, request.params.id, request.query.reason);
        if (!request.ws) {
          throw new AppError(426, 'upgrade_required', 'open this address as a WebSocket');
        }
        const release = live.reserveSocket(actor.id);
        if (!release) {
          throw tooManyRequests(
            `at most ${live.options.maxSocketsPerUser} live streams may be open at once`,
          );
        }
        // If the upgrade never completes (the client left), the slot is freed with the socket.
        request.raw.socket?.once('close', release);
        await auditLiveView(
          ctx,
          actor,
          admission,
          { action: 'camera.live_view', stream },
          {
            ip: request.ip,
          },
        );
        tickets.set(request, { camera: admission.camera, stream, release });
      },
    },
    (socket: WebSocket, request) => {
      const ticket = tickets.get(request);
      if (!ticket) {
        socket.close(1011, 'not admitted');
        return;
      }
      app.websocketServer.clients.delete(socket);
      const actor = requireActor(request.actor);
      const leave = live.join(ticket.camera, ticket.stream, sinkOf(socket));
      let alive = true;
      const checker = setInterval(() => {
        if (!alive) {
          socket.terminate();
          return;
        }
        alive = false;
        socket.ping();
        // Consent can end while watching: an alarm's grant runs out, the owner changes the tier.
        void recheck(ctx, request, actor.id, ticket.camera.id).then(
          (problem) => {
            if (problem) socket.close(liveCloseCodes.accessEnded, closeReason(problem));
          },
          (error: unknown) =>
            request.log.warn({ err: (error as Error).message }, 'live access re-check failed'),
        );
      }, liveCheckMs);
      checker.unref();
      socket.on('pong', () => {
        alive = true;
      });
      socket.on('message', () => undefined);
      socket.on('error', (error) => request.log.debug({ err: error.message }, 'live socket error'));
      socket.on('close', () => {
        clearInterval(checker);
        leave();
        ticket.release();
      });
    },
  );

  app.get(
    '/api/cameras/:id/live/access',
    {
      config: { access: cameraRoles },
      schema: {
        tags,
        summary: 'Whether you may watch a camera live, and why not',
        params: IdParams,
        querystring: LiveAccessQuery,
        response: { 200: LiveAccessSchema },
      },
    },
    async (request): Promise<LiveAccess> => {
      const actor = requireActor(request.actor);
      const { camera, decision, grantedUntilMs } = await decideLive(ctx, actor, request.params.id);
      let message = decision.allowed ? null : decision.message;
      if (
        message === null &&
        (camera.decommissioned_at !== null || camera.status === 'decommissioned')
      )
        message = 'this camera is decommissioned';
      else if (
        message === null &&
        camera.main_stream_enc === null &&
        camera.sub_stream_enc === null
      )
        message = 'this camera has no stream to watch';
      return {
        allowed: message === null,
        reasonRequired: decision.allowed && decision.reasonRequired,
        message,
        streams: { main: camera.main_stream_enc !== null, sub: camera.sub_stream_enc !== null },
        grantedUntil: grantedUntilMs === null ? null : new Date(grantedUntilMs).toISOString(),
        viewers: live.viewers(camera.id),
      };
    },
  );

  app.get(
    '/api/cameras/:id/snapshot.jpg',
    {
      config: { access: cameraRoles },
      schema: {
        tags,
        summary: "A camera's current picture (JPEG, at most 5 s old)",
        params: IdParams,
        querystring: SnapshotQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const admission = await admitLive(ctx, actor, request.params.id, request.query.reason);
      const picture = await snapshots.picture(admission.camera.id);
      if (!picture) throw new AppError(404, 'not_found', 'there is no picture of this camera yet');
      if (admission.reason && snapshots.shouldAudit(actor.id, admission.camera.id, Date.now())) {
        await auditLiveView(
          ctx,
          actor,
          admission,
          { action: 'camera.snapshot_view' },
          {
            ip: request.ip,
          },
        );
      }
      return reply
        .header('Cache-Control', 'private, max-age=5')
        .header('X-Snapshot-At', new Date(picture.takenAtMs).toISOString())
        .type('image/jpeg')
        .send(picture.jpeg);
    },
  );

  app.post(
    '/api/cameras/:id/alarms',
    {
      config: { access: cameraRoles },
      schema: {
        tags,
        summary: 'Raise an alarm on your camera: opens live view of a live_on_alarm camera',
        params: IdParams,
        body: Type.Optional(AlarmBodySchema),
        response: { 201: AlarmResultSchema },
      },
    },
    async (request, reply) => {
      const result = await raiseAlarm(
        ctx,
        requireActor(request.actor),
        request.params.id,
        request.body ?? {},
        { ip: request.ip },
      );
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/api/cameras/:id/live-grants',
    {
      config: { access: cameraRoles },
      schema: {
        tags,
        summary: 'Active alarms and incidents that open live view of a camera',
        params: IdParams,
        response: { 200: LiveGrantListSchema },
      },
    },
    async (request) => listActiveGrants(ctx, requireActor(request.actor), request.params.id),
  );
}

/** Why a viewer may no longer watch (session ended, consent changed), or null. */
async function recheck(
  ctx: AppContext,
  request: FastifyRequest,
  userId: string,
  cameraId: string,
): Promise<string | null> {
  const current = await resolveActor(ctx, request);
  if (current?.id !== userId) return 'session ended';
  try {
    const { decision } = await decideLive(ctx, current, cameraId);
    return decision.allowed ? null : decision.message;
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
}
