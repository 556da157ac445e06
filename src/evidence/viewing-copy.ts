import { rm, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { EvidenceItemTable } from '../platform/db/schema';
import { ffmpegBinary, ffprobeBinary } from '../platform/ffmpeg';
import { AppError } from '../platform/http/errors';
import { runFfmpeg } from '../playback/ffmpeg-job';
import { acquireFile } from './acquire';
import { recordCustody } from './custody.service';
import { incomingPath, sha256File } from './evidence-files';
import { viewingCopyOf } from './evidence.repo';
import { evidencePath } from './evidence.view';
import type { MediaSummary } from './evidence.types';
import { fencedInput, probeMedia } from './media-probe';

// What the browser plays: the original itself when it is already H.264 (and AAC) in MP4,
// otherwise a viewing copy transcoded once and kept as a derived item with its own hash, so the
// original is never touched and the copy is accounted for like any other evidence.

const unprocessable = (message: string, field: string) =>
  new AppError(422, 'not_video', message, field);

/** A long upload transcodes at a few times real time on a small server. */
const transcodeTimeoutMs = 4 * 3_600_000;

/** ffmpeg's arguments for a viewing copy: H.264/AAC MP4 with its index first. */
export function viewingCopyArgs(input: string, output: string): string[] {
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostats', '-nostdin'],
    ...fencedInput(input),
    ...['-map', '0:v:0?', '-map', '0:a:0?'],
    // 4:2:0 needs even sides; owners' recorders do produce odd ones.
    ...['-vf', 'scale=trunc(iw/2)*2:trunc(ih/2)*2'],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p'],
    ...['-c:a', 'aac', '-movflags', '+faststart', '-f', 'mp4', '-y', output],
  ];
}

/** True when a browser plays the stored file as it is: H.264 (and AAC, if any) in MP4. */
export function playsInBrowser(storedPath: string, media: MediaSummary | null): boolean {
  if (!media?.video || !['.mp4', '.m4v'].includes(extname(storedPath).toLowerCase())) return false;
  return (
    media.format.split(',').includes('mp4') &&
    media.video.codec === 'h264' &&
    (media.audio === null || media.audio.codec === 'aac')
  );
}

const parseMedia = (text: string | null): MediaSummary | null =>
  text === null ? null : (JSON.parse(text) as MediaSummary);

/** `TX1-01_20250301-143000.avi` → `TX1-01_20250301-143000.view.mp4`. */
export function viewingCopyName(fileName: string): string {
  const ext = extname(fileName);
  return `${ext ? fileName.slice(0, -ext.length) : fileName}.view.mp4`;
}

/** Copies being made, per original, so viewers who arrive together wait for the same one. */
const making = new Map<string, Promise<EvidenceItemTable>>();

async function makeViewingCopy(
  ctx: AppContext,
  actor: Actor,
  original: EvidenceItemTable,
  logger: FastifyBaseLogger,
): Promise<EvidenceItemTable> {
  const output = await incomingPath(ctx.config, '.mp4');
  try {
    await runFfmpeg(
      ffmpegBinary(ctx.config.ffmpegPath),
      viewingCopyArgs(evidencePath(ctx.config, original), output),
      { timeoutMs: transcodeTimeoutMs, logger },
    );
    const [sha256, info, media] = await Promise.all([
      sha256File(output),
      stat(output),
      probeMedia(ffprobeBinary(ctx.config.ffmpegPath), output),
    ]);
    const copy = await acquireFile(
      ctx,
      actor,
      {
        incidentId: original.incident_id,
        requestId: original.request_id,
        kind: 'viewing_copy',
        derivedFrom: original.id,
        cameraId: original.camera_id,
        tempPath: output,
        fileName: viewingCopyName(original.file_name),
        mime: 'video/mp4',
        sha256,
        bytes: info.size,
        media,
        requestedFromMs: original.requested_from_ms,
        requestedToMs: original.requested_to_ms,
        deliveredFromMs: original.delivered_from_ms,
        deliveredToMs: original.delivered_to_ms,
        clockOffset:
          original.clock_offset_ms === null || original.clock_offset_method === null
            ? null
            : {
                ms: Number(original.clock_offset_ms),
                method: original.clock_offset_method,
                by: original.clock_offset_by,
                note: original.clock_offset_note,
              },
      },
      { details: { originalSha256: original.sha256, transcode: 'libx264 crf 23, aac' } },
    );
    await recordCustody(ctx, actor, original, 'derived', {
      viewingCopyId: copy.id,
      copySha256: copy.sha256,
    });
    return copy;
  } finally {
    await rm(output, { force: true });
  }
}

/**
 * The item to play for `item`: a viewing copy as it is, the original when a browser plays it,
 * else its viewing copy (made now if there is none yet).
 */
export async function viewableItem(
  ctx: AppContext,
  actor: Actor,
  item: EvidenceItemTable,
  logger: FastifyBaseLogger,
): Promise<EvidenceItemTable> {
  if (item.kind === 'viewing_copy') return item;
  const existing = await viewingCopyOf(ctx.db, item.id);
  if (existing) return existing;
  const media = parseMedia(item.media);
  if (playsInBrowser(item.stored_path, media)) return item;
  // Nothing to transcode: say so rather than let ffmpeg fail on it.
  if (!media?.video) throw unprocessable('this item has no video stream to show', 'id');
  let pending = making.get(item.id);
  if (!pending) {
    pending = makeViewingCopy(ctx, actor, item, logger).finally(() => making.delete(item.id));
    making.set(item.id, pending);
  }
  return pending;
}
