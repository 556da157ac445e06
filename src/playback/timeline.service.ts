import type { Actor } from '../auth/actor';
import { loadReadable } from '../cameras/camera.service';
import { recordedFootageAccess } from '../cameras/footage.access';
import type { AppContext } from '../platform/context';
import { gapsInRange } from '../recording/segments.repo';
import { parseRange, rangeLimits, type TimeRange } from './footage-range';
import { holdsOverlapping, mergedSegmentRanges } from './footage.repo';
import type { Timeline } from './playback.schemas';
import {
  clipSpans,
  explainHoles,
  holesBetween,
  seamMs,
  totalSeconds,
  type ReasonSpan,
  type Span,
} from './timeline';

const iso = (ms: number) => new Date(ms).toISOString();
const span = (s: Span) => ({ start: iso(s.startMs), end: iso(s.endMs) });

/** The recorder's logged outages in the range; one still open lasts until now. */
export async function recorderGaps(
  ctx: AppContext,
  cameraId: string,
  range: TimeRange,
  nowMs: number,
): Promise<ReasonSpan[]> {
  const rows = await gapsInRange(ctx.db, cameraId, range.fromMs, range.toMs);
  return rows.map((row) => ({
    startMs: Number(row.start_ms),
    endMs: row.end_ms === null ? nowMs : Number(row.end_ms),
    reason: row.reason,
  }));
}

/**
 * What was recorded of a camera over a period of up to 31 days. Anyone who may read the camera
 * sees it (it says no more than the segment list does); `playback` tells whether they may also
 * watch it.
 */
export async function cameraTimeline(
  ctx: AppContext,
  actor: Actor,
  cameraId: string,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<Timeline> {
  const now = ctx.now();
  const nowMs = now.getTime();
  const range = parseRange(query, rangeLimits.timeline, { nowMs, spanMs: 86_400_000 });
  const camera = await loadReadable(ctx, actor, cameraId);
  const [ranges, missing, gaps, holds] = await Promise.all([
    mergedSegmentRanges(ctx.db, camera.id, 'ok', range, seamMs),
    mergedSegmentRanges(ctx.db, camera.id, 'missing', range, seamMs),
    recorderGaps(ctx, camera.id, range, nowMs),
    holdsOverlapping(ctx.db, camera.id, range),
  ]);
  const recorded = clipSpans(ranges, range.fromMs, range.toMs);
  const lost = clipSpans(missing, range.fromMs, range.toMs);
  // The future is not a gap: holes are counted up to now.
  const holes = holesBetween(recorded, range.fromMs, Math.min(range.toMs, nowMs));
  const decision = recordedFootageAccess(actor, camera, now);
  return {
    from: iso(range.fromMs),
    to: iso(range.toMs),
    ranges: recorded.map(span),
    gaps: explainHoles(holes, lost, gaps).map((gap) => ({ ...span(gap), reason: gap.reason })),
    holds: holds.map((hold) => ({
      id: hold.id,
      from: iso(hold.fromMs),
      to: iso(hold.toMs),
      reason: hold.reason,
    })),
    missing: lost.map(span),
    recordedSeconds: totalSeconds(recorded),
    playback: decision.allowed
      ? { allowed: true, reasonRequired: decision.reasonRequired, message: null }
      : { allowed: false, reasonRequired: false, message: decision.message },
  };
}
