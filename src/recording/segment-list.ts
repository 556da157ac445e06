// The segment muxer reports each closed segment on a pipe as one CSV line:
// `name,start,end` with times in seconds of stream time. These pure helpers read that line and
// place stream time on the wall clock.

export interface ClosedSegment {
  /** The in-progress file name (no folder). */
  file: string;
  startSeconds: number;
  endSeconds: number;
}

/** One line of ffmpeg's CSV segment list; null for anything else. Names may be quoted. */
export function parseSegmentListLine(line: string): ClosedSegment | null {
  const match = /^(?:"((?:[^"]|"")*)"|([^,"]*)),(-?[\d.]+),(-?[\d.]+)$/.exec(line.trim());
  if (!match) return null;
  const file = match[1] !== undefined ? match[1].replaceAll('""', '"') : (match[2] ?? '');
  const startSeconds = Number(match[3]);
  const endSeconds = Number(match[4]);
  if (!file || !Number.isFinite(startSeconds) || !(endSeconds >= startSeconds)) return null;
  return { file, startSeconds, endSeconds };
}

/**
 * Maps one connection's stream time to the wall clock. The live fMP4 output flushes a fragment
 * when the next keyframe arrives, so a fragment's arrival time is the wall time of the next
 * fragment's start, plus some lag. The smallest recent difference is the best estimate of the
 * offset; a sliding window (not the all-time minimum) follows a camera clock that drifts.
 */
export class StreamClock {
  private readonly candidates: number[] = [];
  private previousArrival: number | null = null;
  private lastPlaced: { endSeconds: number; endMs: number } | null = null;

  constructor(private readonly window = 32) {}

  /** A fragment starting at `startSeconds` (stream time) arrived at `nowMs`. */
  fragment(nowMs: number, startSeconds: number | null): void {
    if (this.previousArrival !== null && startSeconds !== null) {
      this.candidates.push(this.previousArrival - startSeconds * 1000);
      if (this.candidates.length > this.window) this.candidates.shift();
    }
    this.previousArrival = nowMs;
  }

  /** Wall-clock offset of stream time zero, if enough fragments arrived to know it. */
  offsetMs(): number | null {
    return this.candidates.length === 0 ? null : Math.min(...this.candidates);
  }

  /**
   * Wall-clock start and end of a closed segment. Without an estimate yet (the connection died
   * within its first fragments), the segment is taken to have ended now. A segment that follows
   * the previous one in stream time starts exactly where it ended, so the record has no seams.
   */
  place(segment: ClosedSegment, nowMs: number): { startMs: number; endMs: number } {
    const offset = this.offsetMs() ?? nowMs - segment.endSeconds * 1000;
    const contiguous =
      this.lastPlaced !== null &&
      Math.abs(this.lastPlaced.endSeconds - segment.startSeconds) < 0.001;
    const startMs = Math.min(
      nowMs,
      contiguous ? this.lastPlaced!.endMs : Math.round(offset + segment.startSeconds * 1000),
    );
    // Lag only ever makes the estimate late: a segment that just closed cannot end after now.
    const endMs = Math.max(
      startMs,
      Math.min(nowMs, Math.round(offset + segment.endSeconds * 1000)),
    );
    this.lastPlaced = { endSeconds: segment.endSeconds, endMs };
    return { startMs, endMs };
  }
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * Where a closed segment lives, relative to the media folder:
 * `segments/<cameraId>/<YYYY-MM-DD>/<HHMMSS>.mp4` in UTC; `-1`, `-2` … if that name is taken.
 */
export function segmentRelativePath(cameraId: string, startMs: number, duplicate = 0): string {
  const at = new Date(startMs);
  const day = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
  const time = `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
  return `segments/${cameraId}/${day}/${time}${duplicate > 0 ? `-${duplicate}` : ''}.mp4`;
}
