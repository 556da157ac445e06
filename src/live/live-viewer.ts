import type { LiveStreamInfo } from './codec-string';

// One live viewer's side of the fan-out. Every viewer of a camera is sent the same Buffer (no
// copy per viewer); what a viewer costs the server is what its socket has not yet written. That
// is bounded: past the limit the viewer skips to the next keyframe (a picture jump, never a
// smear), and a viewer still behind after a few seconds is dropped, so a slow phone on a bad
// network cannot make the server hold a growing queue.

/** Where a viewer's messages go: a WebSocket in production, a fake in unit tests. */
export interface ViewerSink {
  send(data: Buffer | string): void;
  /** Bytes accepted by `send` but not yet written to the network. */
  readonly bufferedAmount: number;
  close(code: number, reason: string): void;
}

export interface ViewerLimits {
  /** Above this many unsent bytes, fragments are skipped up to the next keyframe. */
  maxBufferedBytes: number;
  /** A viewer still over the limit this long after it first fell behind is closed. */
  maxBehindMs: number;
}

export const defaultViewerLimits: ViewerLimits = {
  maxBufferedBytes: 4 * 1024 * 1024,
  maxBehindMs: 5_000,
};

/** WebSocket close codes of the live view (4xxx: application codes the player understands). */
export const liveCloseCodes = {
  /** The server is shutting down (RFC 6455 "going away"). */
  shutdown: 1001,
  /** The viewer could not keep up. */
  tooSlow: 4408,
  /** Consent ended while watching (an alarm's grant ran out, the owner changed the tier). */
  accessEnded: 4403,
} as const;

export type LiveStream = 'main' | 'sub';
export type LiveState = 'connecting' | 'online' | 'offline';

export class LiveViewer {
  private needsKeyframe = true;
  private behindSinceMs: number | null = null;
  private closedFlag = false;
  sentBytes = 0;
  skippedFragments = 0;

  constructor(
    private readonly sink: ViewerSink,
    private readonly limits: ViewerLimits = defaultViewerLimits,
    /** Called once when the viewer is closed by the server (too slow, shutdown). */
    private readonly onClose: (viewer: LiveViewer) => void = () => undefined,
  ) {}

  get closed(): boolean {
    return this.closedFlag;
  }

  private json(message: Record<string, unknown>): void {
    if (!this.closedFlag) this.sink.send(JSON.stringify(message));
  }

  status(state: LiveState): void {
    this.json({ type: 'status', state });
  }

  /** The stream's description, then the init segment; the next fragment shown is a keyframe. */
  init(info: LiveStreamInfo | null, data: Buffer, stream: LiveStream): void {
    this.json({
      type: 'init',
      mime: info?.mime ?? 'video/mp4',
      width: info?.width ?? null,
      height: info?.height ?? null,
      stream,
    });
    if (this.closedFlag) return;
    this.sink.send(data);
    this.needsKeyframe = true;
  }

  /** Sends a fragment unless the viewer waits for a keyframe or is too far behind. */
  fragment(data: Buffer, keyframe: boolean, nowMs: number): 'sent' | 'skipped' | 'closed' {
    if (this.closedFlag) return 'closed';
    if (this.sink.bufferedAmount > this.limits.maxBufferedBytes) {
      if (!this.needsKeyframe) {
        this.needsKeyframe = true;
        this.json({ type: 'skipped' });
      }
      this.behindSinceMs ??= nowMs;
      this.skippedFragments++;
      if (nowMs - this.behindSinceMs >= this.limits.maxBehindMs) {
        this.close(liveCloseCodes.tooSlow, 'too slow for live video');
        return 'closed';
      }
      return 'skipped';
    }
    if (this.needsKeyframe && !keyframe) {
      this.skippedFragments++;
      return 'skipped';
    }
    this.needsKeyframe = false;
    this.behindSinceMs = null;
    this.sink.send(data);
    this.sentBytes += data.length;
    return 'sent';
  }

  close(code: number, reason: string): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    this.sink.close(code, reason);
    this.onClose(this);
  }

  /** The socket closed on its own (the viewer left): nothing more is sent. */
  detach(): void {
    this.closedFlag = true;
  }
}
