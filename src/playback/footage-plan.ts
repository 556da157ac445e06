import type { ConcatEntry } from './concat-list';
import { mergeSpans, type Span } from './timeline';

// Which files make a playback stream or a download, and where each lands on the wall clock.
// Pure: the caller has already read the index and checked which files are still on disk.

export interface PlannedSegment {
  startMs: number;
  endMs: number;
  /** Absolute path of the file. */
  path: string;
  /** False when the index says it is missing or the file is gone from disk. */
  present: boolean;
}

/** A stretch of wall-clock time played without a break, and where it begins in media time. */
export interface Piece extends Span {
  mediaStartSeconds: number;
}

export interface FootagePlan {
  entries: ConcatEntry[];
  pieces: Piece[];
  /** Indexed footage whose file is gone, merged. */
  missing: Span[];
  /** Length of the joined media: the sum of the durations given to the demuxer. */
  mediaSeconds: number;
}

/** Present segments oldest first, without any wholly inside an earlier one (a duplicate). */
function playable(segments: readonly PlannedSegment[]): PlannedSegment[] {
  const sorted = [...segments]
    .filter((segment) => segment.endMs > segment.startMs)
    .sort((a, b) => a.startMs - b.startMs || b.endMs - a.endMs);
  const kept: PlannedSegment[] = [];
  for (const segment of sorted) {
    if (!segment.present) continue;
    const last = kept.at(-1);
    if (last && segment.endMs <= last.endMs) continue;
    kept.push(segment);
  }
  return kept;
}

function missingOf(segments: readonly PlannedSegment[]): Span[] {
  return mergeSpans(
    segments
      .filter((segment) => !segment.present && segment.endMs > segment.startMs)
      .sort((a, b) => a.startMs - b.startMs),
    0,
  );
}

function appendPiece(pieces: Piece[], span: Span, mediaStartSeconds: number): void {
  const last = pieces.at(-1);
  // Files cut back to back on the wall clock play as one piece; any seam starts a new one.
  if (last && last.endMs === span.startMs) last.endMs = span.endMs;
  else pieces.push({ startMs: span.startMs, endMs: span.endMs, mediaStartSeconds });
}

/**
 * Playback joins whole files: the stream starts at the first file's start (maybe before the
 * window) and skips gaps and missing files, which `pieces` lets the player show on the clock.
 */
export function playbackPlan(segments: readonly PlannedSegment[]): FootagePlan {
  const entries: ConcatEntry[] = [];
  const pieces: Piece[] = [];
  // Counted in whole milliseconds (the index's unit), so sums carry no rounding noise.
  let mediaMs = 0;
  for (const segment of playable(segments)) {
    entries.push({ path: segment.path, durationSeconds: (segment.endMs - segment.startMs) / 1000 });
    appendPiece(pieces, segment, mediaMs / 1000);
    mediaMs += segment.endMs - segment.startMs;
  }
  return { entries, pieces, missing: missingOf(segments), mediaSeconds: mediaMs / 1000 };
}

/**
 * A download is cut to the range: the first file from `fromMs` (back to the keyframe before it,
 * as stream copy must), the last up to `toMs`.
 */
export function downloadPlan(
  segments: readonly PlannedSegment[],
  fromMs: number,
  toMs: number,
): FootagePlan {
  const inRange = playable(segments).filter((s) => s.startMs < toMs && s.endMs > fromMs);
  const entries: ConcatEntry[] = [];
  const pieces: Piece[] = [];
  let mediaMs = 0;
  for (const segment of inRange) {
    const startMs = Math.max(segment.startMs, fromMs);
    const endMs = Math.min(segment.endMs, toMs);
    const entry: ConcatEntry = { path: segment.path };
    if (startMs > segment.startMs) entry.inpointSeconds = (startMs - segment.startMs) / 1000;
    if (endMs < segment.endMs) entry.outpointSeconds = (endMs - segment.startMs) / 1000;
    // With an out point the demuxer measures the file itself; otherwise the index says.
    else entry.durationSeconds = (endMs - startMs) / 1000;
    entries.push(entry);
    appendPiece(pieces, { startMs, endMs }, mediaMs / 1000);
    mediaMs += endMs - startMs;
  }
  const missing = missingOf(segments.filter((s) => s.startMs < toMs && s.endMs > fromMs));
  return { entries, pieces, missing, mediaSeconds: mediaMs / 1000 };
}

const vietnamOffsetMs = 7 * 3_600_000;

/** `TX1-01_20250301-143000.mp4`: the camera code and the start in Vietnam time (UTC+7 all year). */
export function downloadFileName(cameraCode: string, fromMs: number): string {
  const code = cameraCode.replace(/[^A-Za-z0-9._-]+/g, '_') || 'camera';
  const local = new Date(fromMs + vietnamOffsetMs).toISOString(); // read as Vietnam wall time
  const stamp = `${local.slice(0, 10).replaceAll('-', '')}-${local.slice(11, 19).replaceAll(':', '')}`;
  return `${code}_${stamp}.mp4`;
}
