import type { Readable } from 'node:stream';
import Type from 'typebox';
import { requireActor } from '../auth/actor';
import { EvidenceItemSchema } from '../evidence/evidence.schemas';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { AppError } from '../platform/http/errors';
import { FootageRequestSchema, IdParams, UploadQuery } from './request.schemas';
import { uploadFootage } from './request.upload';

/**
 * `PUT /api/footage-requests/:id/upload`: the raw file as the body. In a plugin of its own so
 * the pass-through body parser (the service streams the bytes to disk) reaches only this route.
 */
export function uploadRoutes(app: App, ctx: AppContext): void {
  const passThrough = (
    _request: unknown,
    payload: Readable,
    done: (e: null, b: Readable) => void,
  ) => done(null, payload);
  app.addContentTypeParser('application/octet-stream', passThrough);
  app.addContentTypeParser(/^video\/[\w.+-]+$/, passThrough);

  app.put(
    '/api/footage-requests/:id/upload',
    {
      config: { access: 'authenticated' },
      bodyLimit: ctx.config.uploadMaxBytes,
      schema: {
        tags: ['requests'],
        summary: 'Send a video file from your own recorder in answer to a request (audited)',
        description:
          'The body is the file itself (Content-Type application/octet-stream or video/*). ' +
          'MP4/MOV, AVI, MKV/WebM or MPEG-TS; hashed (SHA-256) as it arrives.',
        params: IdParams,
        querystring: UploadQuery,
        response: {
          201: Type.Object({ request: FootageRequestSchema, item: EvidenceItemSchema }),
        },
      },
    },
    async (request, reply) => {
      const length = request.headers['content-length'];
      try {
        const result = await uploadFootage(
          ctx,
          requireActor(request.actor),
          request.params.id,
          {
            fileName: request.query.fileName,
            from: request.query.from,
            to: request.query.to,
            body: request.body as Readable | undefined,
            declaredBytes: length === undefined ? null : Number(length),
          },
          { ip: request.ip, logger: request.log },
        );
        return await reply.code(201).send(result);
      } catch (error) {
        // The rest of an over-long body is not read: close the connection after answering.
        if (error instanceof AppError && error.status === 413) reply.header('connection', 'close');
        throw error;
      }
    },
  );
}
