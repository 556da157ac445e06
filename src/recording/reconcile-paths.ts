import { posix } from 'node:path';
import { DAY_MS } from './retention-plan';

// The media layout, as pure functions of names and instants (all UTC):
//   segments/<cameraId>/<YYYY-MM-DD>/<HHMMSS>.mp4      finished, indexed segments
//                                                     (named by `segmentRelativePath`)
//   segments/<cameraId>/.partial/<tag>-<YYYYMMDDTHHMMSSZ>.mp4   being written by ffmpeg
//   quarantine/<YYYY-MM-DD>/<cameraId>/…               what reconcile could not index

export const SEGMENTS_DIR = 'segments';
export const PARTIAL_DIR = '.partial';
export const QUARANTINE_DIR = 'quarantine';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** `HHMMSS.mp4`, or `HHMMSS-<n>.mp4` when two segments of one camera start in the same second. */
const SEGMENT_FILE = /^(\d{2})(\d{2})(\d{2})(?:-[A-Za-z0-9]+)?\.mp4$/;
/** ffmpeg's strftime name for an in-progress segment: `…-20251120T120000Z.mp4`. */
const PARTIAL_FILE = /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.mp4$/;

function utc(parts: readonly string[]): number | null {
  const [y = NaN, mo = NaN, d = NaN, h = 0, mi = 0, sec = 0] = parts.map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, sec);
  const back = new Date(ms);
  // Rejects 2025-02-30 or 25:00, which Date.UTC would roll over silently.
  const same =
    back.getUTCFullYear() === y &&
    back.getUTCMonth() === mo - 1 &&
    back.getUTCDate() === d &&
    back.getUTCHours() === h &&
    back.getUTCMinutes() === mi &&
    back.getUTCSeconds() === sec;
  return Number.isNaN(ms) || !same ? null : ms;
}

export function isDayFolder(name: string): boolean {
  const match = DAY.exec(name);
  return match !== null && utc(match.slice(1)) !== null;
}

/** The start of a finished segment from its day folder and file name, or null if not ours. */
export function segmentStartMs(day: string, file: string): number | null {
  const d = DAY.exec(day);
  const t = SEGMENT_FILE.exec(file);
  if (!d || !t) return null;
  return utc([...d.slice(1), ...t.slice(1)]);
}

/** The start of an in-progress segment from the stamp ffmpeg put in its name. */
export function partialStartMs(file: string): number | null {
  const match = PARTIAL_FILE.exec(file);
  return match ? utc(match.slice(1)) : null;
}

export { DAY_MS };

/** The day folder name (UTC) of an instant. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The instant a day folder's day begins (UTC); the name must be a day folder's. */
export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** The day folder a segment path lies in (`segments/<camera>/<day>/…`), or null. */
export function dayFolderOf(path: string): string | null {
  const day = path.split('/')[2];
  return day !== undefined && isDayFolder(day) ? day : null;
}

/**
 * The first day the start-up pass looks at for a camera. A crash can only have left footage
 * after the camera's last indexed segment, so the pass starts the day before that one (a
 * segment indexed just after midnight may follow unindexed ones from the evening before), and
 * never later than yesterday, whatever the index says (a clock set wrong, a camera never
 * indexed). Older days are the background sweep's.
 */
export function startupFromDay(lastIndexedStartMs: number | null, nowMs: number): string {
  const anchor = Math.min(lastIndexedStartMs ?? nowMs, nowMs);
  return dayOf(dayStartMs(dayOf(anchor)) - DAY_MS);
}

/**
 * The first day the background sweep leaves alone: yesterday. The recorder is still moving
 * segments into today's folder (and yesterday's, just after midnight) and indexing them right
 * after; a sweep there would race it. The next start-up pass covers those days.
 */
export function sweepBeforeDay(nowMs: number): string {
  return dayOf(dayStartMs(dayOf(nowMs)) - DAY_MS);
}

/**
 * Where a file reconcile could not index goes, relative to the media folder: under the day of
 * the move, keeping its place below `segments/` so an operator can tell what it was.
 */
export function quarantinePath(relative: string, nowMs: number, attempt = 0): string {
  const below = relative.startsWith(`${SEGMENTS_DIR}/`)
    ? relative.slice(SEGMENTS_DIR.length + 1)
    : relative;
  const base = posix.join(QUARANTINE_DIR, dayOf(nowMs), below);
  return attempt > 0 ? `${base}.${attempt}` : base;
}
