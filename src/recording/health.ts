import type { ChildExit } from '../platform/supervisor';

// Camera health, decided from what the recorder's ffmpeg did. Pure: tested without processes.

/** `disabled`: recording is switched off for the camera (or it left service). */
export const healthStates = [
  'online',
  'connecting',
  'offline',
  'auth_failed',
  'error',
  'disabled',
] as const;
export type HealthState = (typeof healthStates)[number];
export const isHealthState = (value: string): value is HealthState =>
  (healthStates as readonly string[]).includes(value);

export interface Failure {
  state: Exclude<HealthState, 'online' | 'connecting' | 'disabled'>;
  error: string;
}

/** ffmpeg prefixes messages with `[rtsp @ 0x55d4…] `; the address means nothing to a reader. */
export function cleanLine(line: string): string {
  return line.replace(/^\[[\w-]+ @ 0x[0-9a-f]+\]\s*/i, '').trim();
}

const rules: { pattern: RegExp; state: Failure['state']; error: string }[] = [
  {
    pattern: /401 Unauthorized|authorization failed/i,
    state: 'auth_failed',
    error: 'the camera refused the user name or password (401)',
  },
  { pattern: /\b403 Forbidden/i, state: 'auth_failed', error: 'the camera refused access (403)' },
  { pattern: /matches no streams/, state: 'error', error: 'the stream has no video' },
  {
    pattern: /Could not find tag for codec|codec not currently supported/i,
    state: 'error',
    error: 'the camera sends a codec that cannot be stored in MP4',
  },
  {
    pattern: /Invalid data found when processing input/,
    state: 'error',
    error: 'the camera does not answer as an RTSP video stream (invalid data)',
  },
  {
    pattern: /461 Unsupported transport/i,
    state: 'error',
    error: 'the camera does not offer RTSP over TCP (461)',
  },
  { pattern: /\b404 Not Found/i, state: 'error', error: 'no stream at this path (404)' },
  // Disk before folder: a full disk also makes the next segment fail to open.
  {
    pattern: /No space left on device|Disk quota exceeded/i,
    state: 'error',
    error: 'the media disk is full',
  },
  {
    // A folder that cannot be made (a file in its path) shows as "Not a directory"; ffmpeg
    // names the segment it could not open whatever the cause.
    pattern: /Permission denied|Read-only file system|Not a directory|Failed to open segment/i,
    state: 'error',
    error: 'the media folder is not writable',
  },
];

/** Why a recording child ended, as a health state and a message a ward officer can act on. */
export function classifyExit(exit: ChildExit, watchdogMs: number): Failure {
  if (exit.reason === 'spawn_failed') {
    return { state: 'error', error: `cannot start ffmpeg: ${exit.stderr.at(-1) ?? 'unknown'}` };
  }
  if (exit.reason === 'watchdog') {
    return { state: 'offline', error: `no data for ${Math.round(watchdogMs / 1000)} s` };
  }
  const lines = exit.stderr.map(cleanLine);
  for (const rule of rules) {
    if (lines.some((line) => rule.pattern.test(line))) {
      return { state: rule.state, error: rule.error };
    }
  }
  // The last line of an RTSP failure names it ("Connection refused", "Connection timed out").
  const last = [...lines]
    .reverse()
    .find((line) => !/^Non-monotonous|Timestamps are unset/.test(line));
  const detail =
    last ?? (exit.code === null ? `killed by ${exit.signal}` : `exit code ${exit.code}`);
  return { state: 'offline', error: `connection lost: ${detail}`.slice(0, 300) };
}

export interface HealthEntry {
  atMs: number;
  state: string;
}

/**
 * Share of `[fromMs, toMs)` the camera spent `online`, from its health changes. `before` is the
 * state it was in at `fromMs` (its last change before the window), or null when it has no
 * history before the window: then it was not being recorded yet, and the share is measured from
 * its first change, so a camera added an hour ago and online since shows 100%, not 4%.
 */
export function uptimePercent(
  entries: readonly HealthEntry[],
  before: string | null,
  fromMs: number,
  toMs: number,
): number {
  const sorted = [...entries].sort((a, b) => a.atMs - b.atMs);
  const first = sorted[0];
  const start = before === null && first ? Math.max(fromMs, Math.min(first.atMs, toMs)) : fromMs;
  if (toMs <= start) return 0;
  let online = 0;
  let state = before;
  let since = start;
  for (const entry of sorted) {
    if (entry.atMs >= toMs) break;
    const at = Math.max(entry.atMs, start);
    if (state === 'online') online += at - since;
    state = entry.state;
    since = at;
  }
  if (state === 'online') online += toMs - since;
  return Math.round((online / (toMs - start)) * 1000) / 10;
}

/** Bitrate and frame rate over the last few seconds of fragments. */
export class RateMeter {
  private readonly samples: { atMs: number; bytes: number; frames: number }[] = [];

  constructor(private readonly windowMs = 10_000) {}

  add(atMs: number, bytes: number, frames: number): void {
    this.samples.push({ atMs, bytes, frames });
    while (this.samples.length > 2 && this.samples[0]!.atMs < atMs - this.windowMs) {
      this.samples.shift();
    }
  }

  clear(): void {
    this.samples.length = 0;
  }

  /** Rates between the first and last sample (each sample's data arrived since the one before). */
  rates(nowMs: number): { bitrateKbps: number | null; fps: number | null } {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last === first || nowMs - last.atMs > this.windowMs) {
      return { bitrateKbps: null, fps: null };
    }
    const seconds = (last.atMs - first.atMs) / 1000;
    // Fragments read together arrive in the same millisecond: no time has passed to divide by.
    if (seconds <= 0) return { bitrateKbps: null, fps: null };
    let bytes = 0;
    let frames = 0;
    for (const sample of this.samples.slice(1)) {
      bytes += sample.bytes;
      frames += sample.frames;
    }
    return {
      bitrateKbps: Math.round((bytes * 8) / 1000 / seconds),
      fps: Math.round((frames / seconds) * 10) / 10,
    };
  }
}
