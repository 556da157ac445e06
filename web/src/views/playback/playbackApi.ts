// Typed calls to the timeline, playback and download API. Times are ISO 8601 UTC instants.
import { api, withQuery } from '../../api/client';

export interface TimeSpan {
  start: string;
  end: string;
}

export interface TimelineGap extends TimeSpan {
  /** The recorder's reason, `missing` for files gone from disk, null when nothing explains it. */
  reason: string | null;
}

export interface TimelineHold {
  id: string;
  from: string;
  to: string;
  reason: string;
}

export interface TimelineData {
  from: string;
  to: string;
  ranges: TimeSpan[];
  gaps: TimelineGap[];
  holds: TimelineHold[];
  missing: TimeSpan[];
  recordedSeconds: number;
  playback: { allowed: boolean; reasonRequired: boolean; message: string | null };
}

export interface PlaybackPiece extends TimeSpan {
  /** Seconds of the window's stream at which this piece starts. */
  mediaStart: number;
}

export interface PlaybackWindow {
  from: string;
  to: string;
  mime: string;
  pieces: PlaybackPiece[];
  gaps: TimelineGap[];
  missing: TimeSpan[];
  mediaSeconds: number;
  url: string;
}

const cameraPath = (cameraId: string) => `/api/cameras/${encodeURIComponent(cameraId)}`;
const iso = (ms: number) => new Date(ms).toISOString();

export const playbackApi = {
  timeline: (cameraId: string, fromMs: number, toMs: number) =>
    api.get<TimelineData>(`${cameraPath(cameraId)}/timeline`, { from: iso(fromMs), to: iso(toMs) }),
  window: (cameraId: string, fromMs: number, toMs: number) =>
    api.get<PlaybackWindow>(`${cameraPath(cameraId)}/playback`, {
      from: iso(fromMs),
      to: iso(toMs),
    }),
};

/** The stream of a window, with the viewer's reason when one is needed. */
export function mediaUrl(window: PlaybackWindow, reason: string | null): string {
  return reason ? `${window.url}&reason=${encodeURIComponent(reason)}` : window.url;
}

export function downloadUrl(
  cameraId: string,
  fromMs: number,
  toMs: number,
  reason: string | null,
): string {
  return withQuery(`${cameraPath(cameraId)}/download.mp4`, {
    from: iso(fromMs),
    to: iso(toMs),
    reason,
  });
}
