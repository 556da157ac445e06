import Type, { type TSchema } from 'typebox';
import { requireActor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { reconcileOnce } from './reconcile';
import { startRetention, type RetentionRunner } from './retention';
import { storageFigures, storageRoles } from './storage.service';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const StorageSchema = Type.Object({
  mediaDir: Type.String(),
  scope: Type.Union([Type.Literal('all'), Type.Literal('jurisdiction')]),
  totalBytes: Type.Number(),
  segmentCount: Type.Integer(),
  heldBytes: Type.Number(),
  oldestSegmentAt: Nullable(Type.String()),
  quotaBytes: Type.Number(),
  quotaUsedBytes: Type.Number(),
  minFreeBytes: Type.Number(),
  disk: Nullable(Type.Object({ freeBytes: Type.Number(), totalBytes: Type.Number() })),
  perCamera: Type.Array(
    Type.Object({
      cameraId: Type.String(),
      code: Type.String(),
      bytes: Type.Number(),
      segments: Type.Integer(),
      oldestAt: Nullable(Type.String()),
      retentionDays: Type.Integer(),
    }),
  ),
  lastRetention: Nullable(
    Type.Object({
      at: Type.String(),
      deletedSegments: Type.Integer(),
      deletedBytes: Type.Number(),
      reason: Type.String(),
      trigger: Nullable(Type.String()),
      warnings: Type.Array(Type.String()),
    }),
  ),
  warnings: Type.Array(Type.String()),
});

/**
 * A process that records keeps its media folder: when the app is ready, reconcile settles disk
 * and index (before the recorder writes; it awaits the same run), then retention starts; it
 * stops when the app closes. A failed reconcile is logged, not fatal: recording matters more.
 */
function keepMedia(app: App, ctx: AppContext): void {
  let retention: RetentionRunner | null = null;
  app.addHook('onReady', async () => {
    const log = app.log.child({ module: 'media' });
    try {
      await reconcileOnce(ctx, { log });
    } catch (error) {
      log.error({ err: (error as Error).message }, 'reconcile failed; recording goes on');
    }
    retention = startRetention(ctx, { log });
  });
  app.addHook('onClose', async () => {
    await retention?.stop();
  });
}

export function storageRoutes(app: App, ctx: AppContext): void {
  if (ctx.config.recording) keepMedia(app, ctx);
  app.get(
    '/api/storage',
    {
      config: { access: storageRoles },
      schema: {
        tags: ['recording'],
        summary:
          'Footage kept (in your jurisdiction), held footage, quota, free disk and the last retention run',
        response: { 200: StorageSchema },
      },
    },
    async (request) => storageFigures(ctx, requireActor(request.actor)),
  );
}
