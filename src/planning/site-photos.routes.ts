import type { Readable } from 'node:stream';
import { requireActor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { AppError } from '../platform/http/errors';
import { planningReaders, planningWriters } from './planning.access';
import { addSitePhoto, readSitePhoto } from './site-photos';
import { IdParams, PhotoParams, PhotoQuery, PhotoSchema } from './sites.schemas';

const tags = ['planning'];

/**
 * Survey photos: the image itself is the body. In a plugin of its own so the pass-through
 * image parser reaches only these routes; the service reads at most 10 MB of it.
 */
export function sitePhotoRoutes(app: App, ctx: AppContext): void {
  const passThrough = (
    _request: unknown,
    payload: Readable,
    done: (e: null, b: Readable) => void,
  ) => done(null, payload);
  app.addContentTypeParser(/^image\/[\w.+-]+$/, passThrough);
  app.addContentTypeParser('application/octet-stream', passThrough);

  app.post(
    '/api/planned-sites/:id/photos',
    {
      config: { access: planningWriters },
      schema: {
        tags,
        summary: 'Add a survey photo to a site (JPEG, PNG or WebP, at most 10 MB; audited)',
        description:
          'The body is the image itself (Content-Type image/jpeg, image/png or image/webp).',
        params: IdParams,
        querystring: PhotoQuery,
        response: { 201: PhotoSchema },
      },
    },
    async (request, reply) => {
      const length = request.headers['content-length'];
      try {
        const photo = await addSitePhoto(
          ctx,
          requireActor(request.actor),
          request.params.id,
          {
            fileName: request.query.fileName,
            body: request.body as Readable | undefined,
            declaredBytes: length === undefined ? null : Number(length),
          },
          { ip: request.ip },
        );
        return await reply.code(201).send(photo);
      } catch (error) {
        // The rest of an over-long body is not read: close the connection after answering.
        if (error instanceof AppError && error.status === 413) reply.header('connection', 'close');
        throw error;
      }
    },
  );

  app.get(
    '/api/planned-sites/:id/photos/:photoId',
    {
      config: { access: planningReaders },
      schema: { tags, summary: 'A survey photo of a site, as the image', params: PhotoParams },
    },
    async (request, reply) => {
      const photo = await readSitePhoto(
        ctx,
        requireActor(request.actor),
        request.params.id,
        request.params.photoId,
      );
      return reply
        .type(photo.mime)
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(photo.bytes);
    },
  );
}
