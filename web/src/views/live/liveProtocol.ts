// The live socket's protocol as the browser sees it, and the small decisions the player makes
// on time: pure functions, so they read (and are reasoned about) apart from MSE and React.

export type LiveStream = 'main' | 'sub';

export interface InitMessage {
  type: 'init';
  /** `video/mp4; codecs="avc1.64001f,mp4a.40.2"`, read from the init segment by the server. */
  mime: string;
  width: number | null;
  height: number | null;
  stream: LiveStream;
}

export type LiveMessage =
  | InitMessage
  | { type: 'status'; state: 'connecting' | 'online' | 'offline' }
  | { type: 'skipped' };

/** Close codes the server uses (see the server's live-viewer.ts). */
export const liveCloseCodes = {
  normal: 1000,
  shutdown: 1001,
  accessEnded: 4403,
  tooSlow: 4408,
} as const;

/** A text frame of the protocol, or null for anything else (ignored, never thrown). */
export function parseLiveMessage(text: string): LiveMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Not JSON: not a message of this protocol, so there is nothing to act on.
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Record<string, unknown>;
  if (message.type === 'init' && typeof message.mime === 'string') {
    return {
      type: 'init',
      mime: message.mime,
      width: typeof message.width === 'number' ? message.width : null,
      height: typeof message.height === 'number' ? message.height : null,
      stream: message.stream === 'sub' ? 'sub' : 'main',
    };
  }
  if (
    message.type === 'status' &&
    (message.state === 'connecting' || message.state === 'online' || message.state === 'offline')
  ) {
    return { type: 'status', state: message.state };
  }
  if (message.type === 'skipped') return { type: 'skipped' };
  return null;
}

/** ws:// or wss:// like the page, so the session cookie goes along. */
export function liveSocketUrl(
  location: { protocol: string; host: string },
  cameraId: string,
  stream: LiveStream,
  reason: string | null,
): string {
  const params = new URLSearchParams({ stream });
  if (reason) params.set('reason', reason);
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/cameras/${encodeURIComponent(cameraId)}/live?${params}`;
}

/** The wait before reconnect attempt `attempt` (0-based): 1 s, 2 s, 4 s … capped at 30 s. */
export function retryDelay(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 15));
}

/** More than this behind the newest buffered frame, the player jumps forward. */
export const maxLagSeconds = 2;
/** Where it jumps to: just behind the edge, so the next fragment arrives before it is needed. */
export const edgeLeadSeconds = 0.3;

/** Where to seek to stay near the live edge, or null to leave playback alone. */
export function liveEdgeSeek(currentTime: number, bufferedEnd: number): number | null {
  if (bufferedEnd - currentTime > maxLagSeconds) return Math.max(0, bufferedEnd - edgeLeadSeconds);
  return null;
}

/** Media older than this behind the playhead is removed, so a long watch keeps memory flat. */
export const keepBehindSeconds = 10;

/** The range to remove from the buffer, or null when it is still small. */
export function trimRange(currentTime: number, bufferedStart: number): [number, number] | null {
  const end = currentTime - keepBehindSeconds;
  return end - bufferedStart > keepBehindSeconds ? [bufferedStart, end] : null;
}
