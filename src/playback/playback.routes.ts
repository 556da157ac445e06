import { requireActor } from '../auth/actor';
import { cameraRoles } from '../cameras/camera.access';
import { footageRoles } from '../cameras/footage.access';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { AppError } from '../platform/http/errors';
import { parseByteRange } from './byte-range';
import { downloadState, prepareDownload } from './download.service';
import { RecentAudits } from './footage-access';
import {
  IdParams,
  MediaQuerySchema,
  PlaybackWindowSchema,
  TimelineQuerySchema,
  TimelineSchema,
  WindowQuerySchema,
} from './playback.schemas';
import { openPlaybackStream, playbackWindow } from './playback.service';
import { cameraTimeline } from './timeline.service';

const tags = ['playback'];
/** Police who may be shown footage, and owners of their own cameras. */
const footageViewers = [...footageRoles, 'camera_owner'] as const;
/** A viewer who keeps watching within this long is in the same playback session. */
const playbackSessionMs = 30 * 60_000;

/** Timeline, playback and download of a camera's recordings. */
export function playbackRoutes(app: App, ctx: AppContext): void {
  const logger = app.log.child({ module: 'playback' });
  const playbackAudits = new RecentAudits(playbackSessionMs, true);
  const downloads = downloadState(ctx);
  const onSweepError = (error: Error) =>
    logger.warn({ err: error.message }, 'old exports not removed');
  app.addHook('onReady', async () => {
    await downloads.cache.sweep().catch(onSweepError);
    downloads.cache.start(60_000, onSweepError);
  });
  app.addHook('onClose', () => downloads.cache.stop());

  app.get(
    '/api/cameras/:id/timeline',
    {
      config: { access: cameraRoles },
      schema: {
        tags,
        summary: 'Recorded ranges, gaps, holds and missing footage of a camera (up to 31 days)',
        params: IdParams,
        querystring: TimelineQuerySchema,
        response: { 200: TimelineSchema },
      },
    },
    async (request) =>
      cameraTimeline(ctx, requireActor(request.actor), request.params.id, request.query),
  );

  app.get(
    '/api/cameras/:id/playback',
    {
      config: { access: footageViewers },
      schema: {
        tags,
        summary: 'A playback window (up to 1 hour): its pieces on the wall clock and its stream',
        params: IdParams,
        querystring: WindowQuerySchema,
        response: { 200: PlaybackWindowSchema },
      },
    },
    async (request) =>
      playbackWindow(ctx, requireActor(request.actor), request.params.id, request.query),
  );

  app.get(
    '/api/cameras/:id/playback.mp4',
    {
      config: { access: footageViewers },
      schema: {
        tags,
        summary: 'A playback window as fragmented MP4 (stream copy); audited once per session',
        params: IdParams,
        querystring: MediaQuerySchema,
      },
    },
    async (request, reply) => {
      const stream = await openPlaybackStream(
        ctx,
        requireActor(request.actor),
        request.params.id,
        request.query,
        { recent: playbackAudits, logger, ip: request.ip },
      );
      // The client went away (seek, closed tab): ffmpeg stops at once.
      reply.raw.once('close', () => stream.stop());
      return reply
        .header('cache-control', 'no-store')
        .header('x-media-seconds', stream.plan.mediaSeconds.toFixed(3))
        .type('video/mp4')
        .send(stream.stdout);
    },
  );

  app.get(
    '/api/cameras/:id/download.mp4',
    {
      config: { access: footageViewers },
      schema: {
        tags,
        summary: 'An MP4 of a range (up to 24 hours), with Range support; audited once per export',
        params: IdParams,
        querystring: MediaQuerySchema,
      },
    },
    async (request, reply) => {
      const header = request.headers.range;
      // A header that cannot be read is refused before any footage is joined.
      const shape = parseByteRange(header, Number.MAX_SAFE_INTEGER);
      if (shape.kind === 'unsatisfiable') {
        throw new AppError(416, 'range_not_satisfiable', shape.message, 'range');
      }
      const download = await prepareDownload(
        ctx,
        requireActor(request.actor),
        request.params.id,
        request.query,
        { state: downloads, logger, ip: request.ip },
      );
      const answer = parseByteRange(header, download.size);
      reply
        .header('accept-ranges', 'bytes')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="${download.fileName}"`);
      if (answer.kind === 'unsatisfiable') {
        await download.file.close();
        reply.header('content-range', `bytes */${download.size}`);
        throw new AppError(416, 'range_not_satisfiable', answer.message, 'range');
      }
      try {
        await download.audit();
      } catch (error) {
        await download.file.close();
        throw error;
      }
      const { start, end } =
        answer.kind === 'partial' ? answer : { start: 0, end: download.size - 1 };
      if (answer.kind === 'partial') {
        reply.code(206).header('content-range', `bytes ${start}-${end}/${download.size}`);
      }
      reply.header('content-length', String(end - start + 1)).type('video/mp4');
      return reply.send(download.file.createReadStream({ start, end, autoClose: true }));
    },
  );
}
