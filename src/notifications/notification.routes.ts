import Type, { type TSchema } from 'typebox';
import { requireActor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { listNotifications, markAllRead, markNotificationRead } from './notification.service';
import { startNotificationSender, type NotificationSender } from './sender';

const tags = ['notifications'];
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const NotificationSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String()),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});

/** The caller's own notifications; any signed-in user has them. */
export function notificationRoutes(app: App, ctx: AppContext): void {
  // The webhook sender runs only where a gateway is configured; in-app notifications need none.
  let sender: NotificationSender | null = null;
  app.addHook('onReady', (done) => {
    if (ctx.config.notifyWebhookUrl !== undefined) {
      sender = startNotificationSender(ctx, app.log.child({ module: 'notifications' }));
    }
    done();
  });
  app.addHook('onClose', async () => {
    await sender?.stop();
  });

  app.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Your notifications, newest first, with how many are unread',
        querystring: Type.Object(
          {
            unread: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(NotificationSchema), unread: Type.Integer() }),
        },
      },
    },
    async (request) =>
      listNotifications(ctx, requireActor(request.actor), {
        unreadOnly: request.query.unread ?? false,
        limit: request.query.limit ?? 50,
      }),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark one of your notifications read',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 200: NotificationSchema },
      },
    },
    async (request) => markNotificationRead(ctx, requireActor(request.actor), request.params.id),
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark all your notifications read',
        response: { 200: Type.Object({ updated: Type.Integer() }) },
      },
    },
    async (request) => markAllRead(ctx, requireActor(request.actor)),
  );
}
