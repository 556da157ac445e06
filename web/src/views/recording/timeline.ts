// Today's recording as a strip: segments joined into continuous ranges, and the gaps the
// recorder logged, each placed as a share of the day. The zoomable timeline comes later.
import type { RecordingGap, Segment } from '../../api/recording';

/** Vietnam keeps UTC+7 all year (no daylight saving). */
const vietnamOffsetMs = 7 * 3_600_000;
export const dayMs = 86_400_000;

/** Midnight in Hà Nội of the day that contains `now`, as a UTC instant. */
export function startOfVietnamDay(now: number): number {
  return Math.floor((now + vietnamOffsetMs) / dayMs) * dayMs - vietnamOffsetMs;
}

/** Segments closer than this are one continuous recording (ffmpeg cuts leave tiny seams). */
const seamMs = 2_000;

export interface TimelineBlock {
  kind: 'recorded' | 'gap';
  startMs: number;
  endMs: number;
  /** For gaps: why the recorder had no footage. */
  reason?: string;
  /** For recorded ranges: how many segments, and whether any file has gone missing. */
  segments?: number;
  missing?: number;
  bytes?: number;
  /** A gap still open: the camera has not come back yet. */
  open?: boolean;
}

export interface Timeline {
  fromMs: number;
  toMs: number;
  recorded: TimelineBlock[];
  gaps: TimelineBlock[];
  recordedMs: number;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Joins segments into ranges and clips everything to [fromMs, toMs]; `nowMs` ends open gaps. */
export function buildTimeline(
  segments: readonly Segment[],
  gaps: readonly RecordingGap[],
  fromMs: number,
  toMs: number,
  nowMs: number,
): Timeline {
  const sorted = segments
    .map((segment) => ({
      start: Date.parse(segment.startAt),
      end: Date.parse(segment.endAt),
      segment,
    }))
    .filter(({ start, end }) => Number.isFinite(start) && Number.isFinite(end) && end > start)
    .sort((a, b) => a.start - b.start);

  const recorded: TimelineBlock[] = [];
  for (const { start, end, segment } of sorted) {
    const last = recorded.at(-1);
    const missing = segment.state === 'missing' ? 1 : 0;
    if (last && start - last.endMs <= seamMs) {
      last.endMs = Math.max(last.endMs, end);
      last.segments = (last.segments ?? 0) + 1;
      last.missing = (last.missing ?? 0) + missing;
      last.bytes = (last.bytes ?? 0) + segment.bytes;
    } else {
      recorded.push({
        kind: 'recorded',
        startMs: start,
        endMs: end,
        segments: 1,
        missing,
        bytes: segment.bytes,
      });
    }
  }
  const clipped = recorded
    .map((block) => ({
      ...block,
      startMs: clamp(block.startMs, fromMs, toMs),
      endMs: clamp(block.endMs, fromMs, toMs),
    }))
    .filter((block) => block.endMs > block.startMs);

  const gapBlocks = gaps
    .map((gap): TimelineBlock => {
      const open = gap.endAt === null;
      const end = open ? nowMs : Date.parse(gap.endAt ?? '');
      return {
        kind: 'gap',
        startMs: clamp(Date.parse(gap.startAt), fromMs, toMs),
        endMs: clamp(end, fromMs, toMs),
        reason: gap.reason,
        open,
      };
    })
    .filter((block) => Number.isFinite(block.startMs) && block.endMs > block.startMs)
    .sort((a, b) => a.startMs - b.startMs);

  return {
    fromMs,
    toMs,
    recorded: clipped,
    gaps: gapBlocks,
    recordedMs: clipped.reduce((sum, block) => sum + (block.endMs - block.startMs), 0),
  };
}

/** Left offset and width of a block, in percent of the timeline's span. */
export function placement(block: TimelineBlock, timeline: Timeline) {
  const span = Math.max(1, timeline.toMs - timeline.fromMs);
  const left = ((block.startMs - timeline.fromMs) / span) * 100;
  // A ten-second segment on a 24-hour strip would be invisible: keep a sliver.
  const width = Math.max(0.15, ((block.endMs - block.startMs) / span) * 100);
  return { left: `${left.toFixed(3)}%`, width: `${Math.min(width, 100 - left).toFixed(3)}%` };
}
