import type { BackoffOptions } from '../platform/supervisor';

/** Timings of the recorder; tests shorten segments, everything else keeps these. */
export interface RecorderSettings {
  segmentSeconds: number;
  /** ffmpeg's own bound on a blocked RTSP read (ends a stalled connection cleanly). */
  socketTimeoutMs: number;
  /** The supervisor's bound on silence on the live pipe (kills what ffmpeg did not notice). */
  watchdogMs: number;
  startupTimeoutMs: number;
  backoff: BackoffOptions;
  /** How often the registry is read for cameras turned on or off. */
  pollMs: number;
}

export const defaultRecorderSettings: RecorderSettings = {
  segmentSeconds: 10,
  socketTimeoutMs: 5_000,
  watchdogMs: 10_000,
  startupTimeoutMs: 15_000,
  backoff: { initialMs: 1_000, maxMs: 60_000, healthyResetMs: 60_000 },
  pollMs: 5_000,
};

/** A camera the recorder records: what it needs from the registry. */
export interface CameraTarget {
  id: string;
  code: string;
  name: string;
  jurisdictionPath: string;
  ownerUserId: string | null;
  /** The main stream URL, still sealed; opened only to build ffmpeg's arguments. */
  sealedUrl: string;
}
