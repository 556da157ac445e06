import Type from 'typebox';
import { requireActor } from '../auth/actor';
import { cameraRoles } from '../cameras/camera.access';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { liveViewers } from '../live/live.service';
import {
  type RecordingStatus,
  type RecordingStatusWithViewers,
  RecordingStatusListSchema,
  RecordingStatusSchema,
  SegmentListSchema,
  SegmentQuerySchema,
  SetRecordingSchema,
  StatusQuerySchema,
} from './recording.schemas';
import {
  cameraRecordingStatus,
  listSegments,
  recordingStatusList,
  setRecording,
} from './recording.service';

const tags = ['recording'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

/** A status with the camera's live viewer count, which the live domain keeps. */
function withViewers(ctx: AppContext, status: RecordingStatus): RecordingStatusWithViewers {
  return { ...status, viewers: liveViewers(ctx, status.cameraId) };
}

/**
 * The recording API, and the recorder's life: it starts when the app is ready (so a server
 * that cannot listen records nothing) and stops, finishing every segment, when the app closes.
 */
export function recordingRoutes(app: App, ctx: AppContext): void {
  app.addHook('onReady', async () => {
    const logger = app.log.child({ module: 'recorder' });
    try {
      await ctx.recorder?.start(logger);
    } catch (error) {
      // No ffmpeg: the server still serves everything that is already recorded.
      logger.error(
        { err: (error as Error).message },
        'recording is off: the recorder cannot start',
      );
    }
  });
  app.addHook('onClose', async () => {
    await ctx.recorder?.stop();
  });

  app.get(
    '/api/recording/status',
    {
      config: { access: cameraRoles },
      schema: {
        tags,
        summary: 'Recording health of every camera with a stream in your area',
        querystring: StatusQuerySchema,
        response: { 200: RecordingStatusListSchema },
      },
    },
    async (request) => {
      const { limit = 1000, offset = 0 } = request.query;
      const list = await recordingStatusList(ctx, requireActor(request.actor), { limit, offset });
      return { items: list.items.map((status) => withViewers(ctx, status)) };
    },
  );

  app.get(
    '/api/cameras/:id/recording',
    {
      config: { access: cameraRoles },
      schema: {
        tags,
        summary: 'Recording health of one camera',
        params: IdParams,
        response: { 200: RecordingStatusSchema },
      },
    },
    async (request) =>
      withViewers(
        ctx,
        await cameraRecordingStatus(ctx, requireActor(request.actor), request.params.id),
      ),
  );

  app.post(
    '/api/cameras/:id/recording',
    {
      config: { access: cameraRoles },
      schema: {
        tags,
        summary: 'Start or stop recording a camera (audited)',
        params: IdParams,
        body: SetRecordingSchema,
        response: { 200: RecordingStatusSchema },
      },
    },
    async (request) =>
      withViewers(
        ctx,
        await setRecording(ctx, requireActor(request.actor), request.params.id, request.body, {
          ip: request.ip,
        }),
      ),
  );

  app.get(
    '/api/cameras/:id/segments',
    {
      config: { access: cameraRoles },
      schema: {
        tags,
        summary: 'Recorded segments and gaps of a camera in a time range (at most 31 days)',
        params: IdParams,
        querystring: SegmentQuerySchema,
        response: { 200: SegmentListSchema },
      },
    },
    async (request) =>
      listSegments(ctx, requireActor(request.actor), request.params.id, request.query),
  );
}
