import type { Actor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import { ffmpegBinary } from '../platform/ffmpeg';
import { AppError } from '../platform/http/errors';
import type { Logger } from '../platform/supervisor';
import { mediaDirOf } from '../recording/storage.disk';
import { playbackArgs } from './export-args';
import { streamFfmpeg, writeConcatList, type FfmpegStream } from './ffmpeg-job';
import { auditFootageOnce, grantFootage, type RecentAudits } from './footage-access';
import { fallbackMime, locateSegments, segmentMime } from './footage-files';
import { playbackPlan, type FootagePlan } from './footage-plan';
import { parseRange, rangeLimits, type TimeRange } from './footage-range';
import { footageSegments } from './footage.repo';
import type { PlaybackWindow } from './playback.schemas';
import { recorderGaps } from './timeline.service';
import { clipSpans, explainHoles, holesBetween, type Span } from './timeline';

// Playback: a window of up to an hour, played as one fragmented MP4 joined from the indexed
// segments with stream copy. The JSON describes the window; the media endpoint streams it.

const iso = (ms: number) => new Date(ms).toISOString();
const span = (s: Span) => ({ start: iso(s.startMs), end: iso(s.endMs) });

export function noFootage(range: TimeRange): AppError {
  return new AppError(
    404,
    'no_footage',
    `no footage of this camera between ${iso(range.fromMs)} and ${iso(range.toMs)}`,
  );
}

async function planWindow(ctx: AppContext, cameraId: string, range: TimeRange) {
  const segments = await footageSegments(ctx.db, cameraId, range);
  const located = await locateSegments(mediaDirOf(ctx.config), segments);
  const plan = playbackPlan(located);
  return { segments, plan };
}

/** The window's pieces on the wall clock, its gaps and missing files, and the stream's URL. */
export async function playbackWindow(
  ctx: AppContext,
  actor: Actor,
  cameraId: string,
  query: { from: string; to: string },
): Promise<PlaybackWindow> {
  const range = parseRange(query, rangeLimits.playback);
  const { camera } = await grantFootage(ctx, actor, cameraId, { needReason: false });
  const { segments, plan } = await planWindow(ctx, camera.id, range);
  const first = plan.entries[0];
  if (!first) throw noFootage(range);
  const nowMs = ctx.now().getTime();
  const played = clipSpans(plan.pieces, range.fromMs, range.toMs);
  const missing = clipSpans(plan.missing, range.fromMs, range.toMs);
  const holes = holesBetween(played, range.fromMs, Math.min(range.toMs, nowMs));
  const gaps = explainHoles(holes, missing, await recorderGaps(ctx, camera.id, range, nowMs));
  const hasAudio = segments.some((segment) => segment.hasAudio);
  const mime = (await segmentMime(first.path).catch(() => null)) ?? fallbackMime(hasAudio);
  const window = new URLSearchParams({ from: iso(range.fromMs), to: iso(range.toMs) });
  return {
    from: iso(range.fromMs),
    to: iso(range.toMs),
    mime,
    pieces: plan.pieces.map((piece) => ({ ...span(piece), mediaStart: piece.mediaStartSeconds })),
    gaps: gaps.map((gap) => ({ ...span(gap), reason: gap.reason })),
    missing: missing.map(span),
    mediaSeconds: plan.mediaSeconds,
    url: `/api/cameras/${encodeURIComponent(camera.id)}/playback.mp4?${window.toString()}`,
  };
}

export interface PlaybackStream extends FfmpegStream {
  plan: FootagePlan;
}

/**
 * The stream of a window. The viewer's reason is audited once per playback session (same
 * viewer, camera and reason while they keep watching), not once per window fetched.
 */
export async function openPlaybackStream(
  ctx: AppContext,
  actor: Actor,
  cameraId: string,
  query: { from: string; to: string; reason?: string | undefined },
  deps: { recent: RecentAudits; logger: Logger; ip: string },
): Promise<PlaybackStream> {
  const range = parseRange(query, rangeLimits.playback);
  const grant = await grantFootage(ctx, actor, cameraId, {
    needReason: true,
    reason: query.reason,
  });
  const { plan } = await planWindow(ctx, grant.camera.id, range);
  if (plan.entries.length === 0) throw noFootage(range);
  await auditFootageOnce(ctx, deps.recent, `${actor.id}\n${grant.camera.id}\n${grant.reason}`, {
    actor,
    grant,
    action: 'footage.playback',
    meta: { ip: deps.ip },
    details: { from: iso(range.fromMs), to: iso(range.toMs) },
  });
  const binary = ffmpegBinary(ctx.config.ffmpegPath);
  const list = await writeConcatList(binary, plan.entries);
  try {
    const stream = await streamFfmpeg(binary, playbackArgs(list.path), deps.logger);
    void stream.exited
      .then(() => list.dispose())
      .catch((error: Error) => deps.logger.warn({ err: error.message }, 'concat list not removed'));
    return { ...stream, plan };
  } catch (error) {
    await list.dispose();
    throw error;
  }
}
