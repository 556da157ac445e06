import type { Readable } from 'node:stream';
import { rm } from 'node:fs/promises';
import type { Actor } from '../auth/actor';
import { acquireFile } from '../evidence/acquire';
import { toEvidenceItem, type EvidenceItem } from '../evidence/evidence.view';
import { probeMedia } from '../evidence/media-probe';
import type { AppContext } from '../platform/context';
import { ffprobeBinary } from '../platform/ffmpeg';
import { badRequest, forbidden } from '../platform/http/errors';
import { uploadedMessage } from './request.messages';
import { tellAbout } from './request.notices';
import * as repo from './request.repo';
import { parseInstant, requireUploadable } from './request.rules';
import { getRequest, loadRequest, type RequestMeta } from './request.service';
import { factsOf, type FootageRequest } from './request.view';
import { overLimit, receiveUpload, type Received } from './upload.receive';
import { checkFileName, checkMedia, deliveredRange } from './upload.rules';

// An owner answers a request with files from their own recorder. Each file is checked (named
// and probed as video), hashed as it arrives and taken into the case's evidence unchanged. A
// refused file leaves nothing behind and changes nothing already collected.

export interface UploadInput {
  fileName: string;
  /** What the owner says the file covers (ISO instants), when they know. */
  from?: string | undefined;
  to?: string | undefined;
  /** The request body; undefined when none was sent. */
  body: Readable | undefined;
  /** The Content-Length header, when sent. */
  declaredBytes: number | null;
}

async function takeIn(
  ctx: AppContext,
  actor: Actor,
  row: repo.RequestRow,
  received: Received,
  input: UploadInput,
  ext: string,
  meta: RequestMeta,
) {
  const delivered = deliveredRange(input.from, input.to, parseInstant);
  if (received.bytes === 0) throw badRequest('the file is empty', 'file');
  const media = await probeMedia(ffprobeBinary(ctx.config.ffmpegPath), received.path);
  const mime = checkMedia(media, ext);
  // Declined or cancelled while the bytes were arriving: refuse rather than collect.
  const current = await repo.findRequest(ctx.db, row.id);
  requireUploadable(current?.status ?? 'cancelled');
  return acquireFile(
    ctx,
    actor,
    {
      incidentId: row.incident_id,
      requestId: row.id,
      kind: 'upload',
      derivedFrom: null,
      cameraId: row.camera_id,
      tempPath: received.path,
      fileName: input.fileName,
      mime,
      sha256: received.sha256,
      bytes: received.bytes,
      media,
      requestedFromMs: row.from_ms,
      requestedToMs: row.to_ms,
      deliveredFromMs: delivered?.fromMs ?? null,
      deliveredToMs: delivered?.toMs ?? null,
      clockOffset: null,
    },
    meta.ip === undefined ? {} : { ip: meta.ip },
  );
}

export async function uploadFootage(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UploadInput,
  meta: RequestMeta,
): Promise<{ request: FootageRequest; item: EvidenceItem }> {
  const { row, as } = await loadRequest(ctx, actor, id);
  if (as !== 'owner') throw forbidden("only the camera's owner may send files for a request");
  requireUploadable(row.status);
  const ext = checkFileName(input.fileName);
  deliveredRange(input.from, input.to, parseInstant);
  const limit = ctx.config.uploadMaxBytes;
  if (input.declaredBytes !== null && input.declaredBytes > limit) throw overLimit(limit);
  if (input.body === undefined) throw badRequest('the file is empty', 'file');

  const received = await receiveUpload(ctx.config, input.body, ext, limit);
  let item;
  try {
    item = await takeIn(ctx, actor, row, received, input, ext, meta);
  } finally {
    // Taken in, the file has moved; refused, it must not linger.
    await rm(received.path, { force: true });
  }

  const at = ctx.now().toISOString();
  // Sending a file answers a pending request: it counts as the owner's approval.
  await repo.updateRequest(ctx.db, row.id, ['pending'], {
    status: 'fulfilled',
    decided_at: at,
    decided_by: actor.id,
    updated_at: at,
  });
  await repo.updateRequest(ctx.db, row.id, ['approved'], { status: 'fulfilled', updated_at: at });
  await ctx.audit.record({
    actor,
    action: 'request.upload',
    targetType: 'camera',
    targetId: row.camera_id,
    targetOwnerId: row.camera_owner_user_id,
    jurisdictionPath: row.camera_path,
    ip: meta.ip ?? null,
    details: {
      requestId: row.id,
      incidentId: row.incident_id,
      caseNumber: row.case_number,
      cameraId: row.camera_id,
      cameraCode: row.camera_code,
      itemId: item.id,
      fileName: item.file_name,
      bytes: Number(item.bytes),
      sha256: item.sha256,
    },
  });
  const file = { fileName: item.file_name, bytes: Number(item.bytes), sha256: item.sha256 };
  await tellAbout(ctx, row, 'request.uploaded', uploadedMessage(factsOf(row), file), meta.logger);
  return {
    request: await getRequest(ctx, actor, id),
    item: toEvidenceItem(item, { names: new Map([[actor.id, actor.displayName]]) }),
  };
}
