import { rm, stat } from 'node:fs/promises';
import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../auth/actor';
import { findCamera } from '../cameras/camera.repo';
import type { AppContext } from '../platform/context';
import type { CameraTable, EvidenceItemTable } from '../platform/db/schema';
import { ffmpegBinary, ffprobeBinary } from '../platform/ffmpeg';
import { AppError, notFound } from '../platform/http/errors';
import { exportWithFfmpeg, JobGate } from '../playback/download.service';
import { locateSegments } from '../playback/footage-files';
import { downloadFileName, downloadPlan, type FootagePlan } from '../playback/footage-plan';
import { footageSegments } from '../playback/footage.repo';
import { joinSegments } from '../playback/mp4-join/join-file';
import { mediaDirOf } from '../recording/storage.disk';
import { acquireFile } from './acquire';
import { measureCameraClock } from './clock/measure';
import { incomingPath, sha256File } from './evidence-files';
import type { ClockOffset } from './evidence.types';
import { probeMedia } from './media-probe';

// Extraction: our recording of a camera over a window, joined from the indexed segments exactly
// as a download is (stream copy, never re-encoded), then taken into evidence with its hash, the
// instants it really covers and the camera's clock offset measured from its stream.

/** Extracts share the disk with recording; one or two at a time is enough. */
const extractGate = new JobGate(2);

const iso = (ms: number) => new Date(ms).toISOString();

export function noFootageRecorded(camera: Pick<CameraTable, 'code'>, fromMs: number, toMs: number) {
  return new AppError(
    409,
    'no_footage',
    `no footage of camera ${camera.code} was recorded between ${iso(fromMs)} and ${iso(toMs)}`,
  );
}

/** The first and last instants the plan really covers (gaps inside are the caller's to show). */
export function deliveredRange(plan: FootagePlan): { fromMs: number; toMs: number } | null {
  const first = plan.pieces[0];
  const last = plan.pieces.at(-1);
  return first && last ? { fromMs: first.startMs, toMs: last.endMs } : null;
}

/** Writes the window's footage to `output`: joined byte for byte, or by ffmpeg's concat. */
async function writeFootage(
  ctx: AppContext,
  plan: FootagePlan,
  output: string,
  logger: FastifyBaseLogger,
): Promise<void> {
  await extractGate.run(async () => {
    const joined = await joinSegments(plan.entries, output);
    if (joined.joined) return;
    logger.debug({ reason: joined.reason }, 'extract made by ffmpeg');
    await exportWithFfmpeg(ffmpegBinary(ctx.config.ffmpegPath), plan.entries, output, {
      seconds: plan.mediaSeconds,
      logger,
    });
  });
}

/** The camera's clock against ours, from its stream; null with the reason when unmeasurable. */
async function streamClock(
  ctx: AppContext,
  camera: CameraTable,
  logger: FastifyBaseLogger,
): Promise<{ offset: ClockOffset | null; note: string }> {
  let measured: Awaited<ReturnType<typeof measureCameraClock>>;
  try {
    measured = await measureCameraClock(ctx, camera);
  } catch (error) {
    // The footage is worth having without the offset; the item says it was not measured.
    logger.warn({ camera: camera.code, err: (error as Error).message }, 'clock not measured');
    return { offset: null, note: 'the camera clock could not be measured' };
  }
  if (measured.offsetMs === null) return { offset: null, note: measured.note };
  return {
    offset: { ms: measured.offsetMs, method: 'stream', by: null, note: measured.note },
    note: measured.note,
  };
}

/**
 * Extracts `[fromMs, toMs)` of the camera's recording into the case. Access is the caller's
 * decision (a route, or an approved request); this only does the work. 409 `no_footage` when
 * nothing was recorded in the window.
 */
export async function extractRecording(
  ctx: AppContext,
  actor: Actor | null,
  input: {
    incidentId: string;
    requestId: string | null;
    cameraId: string;
    fromMs: number;
    toMs: number;
  },
  logger: FastifyBaseLogger,
): Promise<EvidenceItemTable> {
  const camera = await findCamera(ctx.db, input.cameraId);
  if (!camera) throw notFound('camera');
  const segments = await footageSegments(ctx.db, camera.id, input);
  const located = await locateSegments(mediaDirOf(ctx.config), segments);
  const plan = downloadPlan(located, input.fromMs, input.toMs);
  const delivered = deliveredRange(plan);
  if (!delivered) throw noFootageRecorded(camera, input.fromMs, input.toMs);

  const output = await incomingPath(ctx.config, '.mp4');
  try {
    await writeFootage(ctx, plan, output, logger);
    const [sha256, info, media, clock] = await Promise.all([
      sha256File(output),
      stat(output),
      probeMedia(ffprobeBinary(ctx.config.ffmpegPath), output),
      streamClock(ctx, camera, logger),
    ]);
    return await acquireFile(
      ctx,
      actor,
      {
        incidentId: input.incidentId,
        requestId: input.requestId,
        kind: 'extract',
        derivedFrom: null,
        cameraId: camera.id,
        tempPath: output,
        fileName: downloadFileName(camera.code, delivered.fromMs),
        mime: 'video/mp4',
        sha256,
        bytes: info.size,
        media,
        requestedFromMs: input.fromMs,
        requestedToMs: input.toMs,
        deliveredFromMs: delivered.fromMs,
        deliveredToMs: delivered.toMs,
        clockOffset: clock.offset,
      },
      {
        details: {
          files: plan.entries.length,
          missing: plan.missing.map((span) => ({ from: iso(span.startMs), to: iso(span.endMs) })),
          clock: clock.note,
        },
      },
    );
  } finally {
    // Moved into the store on success; removed here if anything failed first.
    await rm(output, { force: true });
  }
}
