import type { WebSocket } from 'ws';
import { inScope, requireActor, type Actor } from '../auth/actor';
import { resolveActor } from '../auth/sessions';
import type { AppContext } from './context';
import type { ServerEvent } from './events';
import type { App } from './http/app';

/** How often the server pings each socket; a socket that missed the last pong is closed. */
export const pingIntervalMs = 30_000;

/**
 * Whether a viewer may hear an event: admin everything; a camera owner only events about their
 * own cameras (as in the registry, an owner's scope is their cameras, not their street); anyone
 * else events in their jurisdiction, or about something they own. Events without a place
 * (`jurisdictionPath` null) are for every signed-in user.
 */
export function mayReceive(actor: Actor, event: ServerEvent): boolean {
  if (actor.role === 'admin') return true;
  if (event.ownerUserId && event.ownerUserId === actor.id) return true;
  if (event.jurisdictionPath === null) return true;
  if (actor.role === 'camera_owner') return false;
  return inScope(actor, event.jurisdictionPath);
}

/** The event as sent: who owns it and where it is stay on the server. */
export function wireMessage(event: ServerEvent): string {
  return JSON.stringify({ type: event.type, at: event.at, data: event.data });
}

/**
 * `GET /api/events`: a WebSocket of server events for the signed-in user (the session cookie
 * authenticates the upgrade request like any API call). The `@fastify/websocket` plugin is
 * registered once, in `buildApp`, so every domain can add socket routes.
 */
export function eventRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/events',
    {
      websocket: true,
      config: { access: 'authenticated' },
      schema: { tags: ['platform'], summary: 'WebSocket of server events (camera health, …)' },
    },
    (socket: WebSocket, request) => {
      const actor = requireActor(request.actor);
      let alive = true;
      const unsubscribe = ctx.events.subscribe((event) => {
        if (socket.readyState !== socket.OPEN || !mayReceive(actor, event)) return;
        socket.send(wireMessage(event));
      });
      const pinger = setInterval(() => {
        if (!alive) {
          socket.terminate();
          return;
        }
        alive = false;
        socket.ping();
        // A socket outlives its request: once the session ends (logout, expiry), it closes too.
        resolveActor(ctx, request).then(
          (current) => {
            if (current?.id !== actor.id) socket.close(4401, 'session ended');
          },
          (error: unknown) =>
            request.log.warn({ err: (error as Error).message }, 'session check failed'),
        );
      }, pingIntervalMs);
      pinger.unref();
      socket.on('pong', () => {
        alive = true;
      });
      // The socket only speaks; anything a client sends is ignored.
      socket.on('message', () => undefined);
      socket.on('error', (error) => {
        request.log.debug({ err: error.message }, 'event socket error');
      });
      socket.on('close', () => {
        clearInterval(pinger);
        unsubscribe();
      });
    },
  );
}
