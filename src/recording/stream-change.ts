import type { StreamInfo } from './fmp4';

// A camera's stream can come back different after a reconnect: an installer switched it from
// H.264 to H.265, changed its resolution or turned its microphone off. Recording copes (each
// segment is indexed with what it holds), but an operator should read in the log what changed
// and when, rather than discover it when a browser cannot play the new footage.

export interface StreamChange {
  /** One line for the log: `stream changed: codec h264 → hevc, size 1280x720 → 640x360`. */
  message: string;
  /** The same, field by field, for structured logs. */
  details: { codec?: string; size?: string; audio?: string };
}

function size(info: StreamInfo): string {
  return info.width !== null && info.height !== null ? `${info.width}x${info.height}` : 'unknown';
}

/**
 * What differs between the stream of the camera's previous connection and of this one, or null
 * when nothing the index records did (or there was no previous connection to compare with).
 */
export function streamChange(previous: StreamInfo | null, next: StreamInfo): StreamChange | null {
  if (!previous) return null;
  const details: StreamChange['details'] = {};
  if (previous.codec !== next.codec) details.codec = `${previous.codec} → ${next.codec}`;
  if (size(previous) !== size(next)) details.size = `${size(previous)} → ${size(next)}`;
  if (previous.hasAudio !== next.hasAudio) {
    details.audio = next.hasAudio ? 'none → present' : 'present → none';
  }
  const parts = Object.entries(details).map(([field, change]) => `${field} ${change}`);
  if (parts.length === 0) return null;
  return { message: `stream changed: ${parts.join(', ')}`, details };
}
