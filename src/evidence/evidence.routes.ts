import Type from 'typebox';
import { requireActor, type Actor } from '../auth/actor';
import { incidentRoles } from '../incidents/incident.access';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { checkReason, RecentAudits } from '../playback/footage-access';
import { recordCustody } from './custody.service';
import { sweepIncoming } from './evidence-files';
import { attachmentDisposition, sendStoredFile } from './evidence-send';
import {
  ClockOffsetBody,
  CustodySchema,
  EvidenceItemSchema,
  ExtractBody,
  IdParams,
  ReasonQuery,
} from './evidence.schemas';
import {
  custodyOf,
  extractForIncident,
  getEvidence,
  listEvidence,
  loadItem,
  setClockOffset,
} from './evidence.service';
import { evidencePath } from './evidence.view';
import { viewableItem } from './viewing-copy';

const tags = ['evidence'];
/** Police work items through their case; a camera's owner may read items from their camera. */
const itemReaders = [...incidentRoles, 'camera_owner'] as const;
/** A viewer or downloader is written to the custody log once in this long per item. */
const custodyQuietMs = 10 * 60_000;

/** Evidence items of a case: listing, extraction, custody, original and viewing copy. */
export function evidenceRoutes(app: App, ctx: AppContext): void {
  const logger = app.log.child({ module: 'evidence' });
  const recent = new RecentAudits(custodyQuietMs, false);
  /** Claims the quiet window for `key`, and gives it back if the custody write fails. */
  const onceIn = async (key: string, write: () => Promise<unknown>) => {
    if (!recent.claim(key, ctx.now().getTime())) return;
    try {
      await write();
    } catch (error) {
      recent.release(key);
      throw error;
    }
  };
  const actorOf = (request: { actor: Actor | null }) => requireActor(request.actor);
  app.addHook('onReady', async () => {
    const removed = await sweepIncoming(ctx.config, Date.now()).catch((error: Error) => {
      logger.warn({ err: error.message }, 'abandoned evidence work files not removed');
      return 0;
    });
    if (removed > 0) logger.info({ removed }, 'abandoned evidence work files removed');
  });

  app.get(
    '/api/incidents/:id/evidence',
    {
      config: { access: incidentRoles },
      schema: {
        tags,
        summary: 'The evidence items of a case, in the order they were collected',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(EvidenceItemSchema) }) },
      },
    },
    async (request) => listEvidence(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/incidents/:id/evidence/extract',
    {
      config: { access: incidentRoles },
      schema: {
        tags,
        summary: 'Extract our recording of a camera (up to 12 hours) into the case as evidence',
        params: IdParams,
        body: ExtractBody,
        response: { 201: EvidenceItemSchema },
      },
    },
    async (request, reply) => {
      const item = await extractForIncident(
        ctx,
        actorOf(request),
        request.params.id,
        request.body,
        logger,
      );
      return reply.code(201).send(item);
    },
  );

  app.get(
    '/api/evidence/:id',
    {
      config: { access: itemReaders },
      schema: {
        tags,
        summary: 'One evidence item',
        params: IdParams,
        response: { 200: EvidenceItemSchema },
      },
    },
    async (request) => getEvidence(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/evidence/:id/custody',
    {
      config: { access: itemReaders },
      schema: {
        tags,
        summary: "An item's custody log and whether its hash chain holds",
        params: IdParams,
        response: { 200: CustodySchema },
      },
    },
    async (request) => custodyOf(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/evidence/:id/original',
    {
      config: { access: incidentRoles },
      schema: {
        tags,
        summary:
          'The original bytes as acquired (a reason is required; written to the custody log)',
        params: IdParams,
        querystring: ReasonQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const item = await loadItem(ctx, actor, request.params.id, 'work');
      const reason = checkReason(request.query.reason);
      return sendStoredFile(reply, evidencePath(ctx.config, item), {
        range: request.headers.range,
        mime: item.mime,
        disposition: attachmentDisposition(item.file_name),
        beforeSend: () =>
          onceIn(`downloaded\n${actor.id}\n${item.id}\n${reason}`, () =>
            recordCustody(ctx, actor, item, 'downloaded', null, { ip: request.ip, reason }),
          ),
      });
    },
  );

  app.get(
    '/api/evidence/:id/view',
    {
      config: { access: itemReaders },
      schema: {
        tags,
        summary:
          'The item as H.264/AAC MP4 for the browser (a viewing copy is made once if needed)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const item = await loadItem(ctx, actor, request.params.id, 'read');
      const shown = await viewableItem(ctx, actor, item, logger);
      return sendStoredFile(reply, evidencePath(ctx.config, shown), {
        range: request.headers.range,
        mime: 'video/mp4',
        beforeSend: () =>
          onceIn(`viewed\n${actor.id}\n${item.id}`, () =>
            recordCustody(
              ctx,
              actor,
              item,
              'viewed',
              shown.id === item.id ? null : { viewingCopyId: shown.id },
              { ip: request.ip },
            ),
          ),
      });
    },
  );

  app.post(
    '/api/evidence/:id/clock-offset',
    {
      config: { access: incidentRoles },
      schema: {
        tags,
        summary: "Enter the camera clock's offset for an item that has no measured one",
        params: IdParams,
        body: ClockOffsetBody,
        response: { 200: EvidenceItemSchema },
      },
    },
    async (request) =>
      setClockOffset(ctx, actorOf(request), request.params.id, request.body, { ip: request.ip }),
  );
}
