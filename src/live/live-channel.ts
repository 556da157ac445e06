import type { LiveChunk, LiveListener } from '../recording/live-feed';
import { liveStreamInfo, type LiveStreamInfo } from './codec-string';
import type { LiveStream, LiveViewer } from './live-viewer';

/** Where a channel's fMP4 comes from: the recorder's pipe, or an on-demand ffmpeg. */
export interface LiveSource {
  readonly kind: 'recorder' | 'ondemand';
  /** Starts listening; returns the function that stops. */
  open(listener: LiveListener): () => void;
  /** The init segment of the current connection, for a channel opened mid-stream. */
  currentInit(): Buffer | null;
  /** ffmpeg processes this source started (0 for the recorder's, which it does not own). */
  readonly starts: number;
}

export interface ChannelOptions {
  /** How long a channel stays open after its last viewer left, so a reload starts at once. */
  lingerMs: number;
  /** The most bytes of one GOP kept for late joiners; a longer GOP is not cached. */
  maxGopBytes: number;
  now?: () => number;
}

/**
 * One camera stream fanned out to its viewers. It listens to its source only while it has
 * viewers (plus a short linger), keeps the init segment and the fragments since the latest
 * keyframe, so a newcomer starts at once from that keyframe instead of waiting for the next.
 */
export class LiveChannel {
  readonly viewers = new Set<LiveViewer>();
  private init: { data: Buffer; info: LiveStreamInfo | null } | null = null;
  private gop: Buffer[] = [];
  private gopBytes = 0;
  /** The cache holds a whole GOP from its keyframe (false after an overflow until the next). */
  private gopComplete = false;
  private stopListening: (() => void) | null = null;
  private lingerTimer: NodeJS.Timeout | null = null;
  private wasOffline = false;

  constructor(
    readonly key: string,
    readonly stream: LiveStream,
    private readonly source: LiveSource,
    private readonly options: ChannelOptions,
    /** The channel closed (linger over): its owner forgets it. */
    private readonly onClosed: (channel: LiveChannel) => void,
  ) {}

  get sourceKind(): LiveSource['kind'] {
    return this.source.kind;
  }

  get ffmpegStarts(): number {
    return this.source.starts;
  }

  /** Bytes held for late joiners. */
  get cachedBytes(): number {
    return this.gopBytes;
  }

  get open(): boolean {
    return this.stopListening !== null;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  add(viewer: LiveViewer): void {
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = null;
    this.viewers.add(viewer);
    if (!this.stopListening) {
      this.stopListening = this.source.open((chunk) => this.onChunk(chunk));
      const current = this.source.currentInit();
      if (current && !this.init) this.init = { data: current, info: liveStreamInfo(current) };
    }
    if (!this.init) {
      viewer.status('connecting');
      return;
    }
    viewer.init(this.init.info, this.init.data, this.stream);
    if (!this.gopComplete) return;
    const now = this.now();
    this.gop.forEach((fragment, index) => viewer.fragment(fragment, index === 0, now));
  }

  remove(viewer: LiveViewer): void {
    if (!this.viewers.delete(viewer) || this.viewers.size > 0 || !this.stopListening) return;
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = setTimeout(() => this.close(), this.options.lingerMs);
    this.lingerTimer.unref();
  }

  /** The init segment and the latest keyframe's fragment, for a snapshot; null when none. */
  latestKeyframe(): { init: Buffer; fragment: Buffer } | null {
    const first = this.gop[0];
    if (!this.init || !this.gopComplete || !first) return null;
    return { init: this.init.data, fragment: first };
  }

  /** Stops listening and forgets the cached media; viewers still attached are closed by the caller. */
  close(): void {
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = null;
    this.stopListening?.();
    this.stopListening = null;
    this.init = null;
    this.clearGop();
    this.onClosed(this);
  }

  private clearGop(): void {
    this.gop = [];
    this.gopBytes = 0;
    this.gopComplete = false;
  }

  private onChunk(chunk: LiveChunk): void {
    switch (chunk.kind) {
      case 'init': {
        this.init = { data: chunk.data, info: liveStreamInfo(chunk.data) };
        this.clearGop();
        for (const viewer of this.viewers) {
          if (this.wasOffline) viewer.status('online');
          viewer.init(this.init.info, this.init.data, this.stream);
        }
        this.wasOffline = false;
        return;
      }
      case 'fragment': {
        this.cache(chunk.data, chunk.keyframe);
        const now = this.now();
        for (const viewer of this.viewers) viewer.fragment(chunk.data, chunk.keyframe, now);
        return;
      }
      case 'end': {
        this.init = null;
        this.clearGop();
        this.wasOffline = true;
        for (const viewer of this.viewers) viewer.status('offline');
        return;
      }
    }
  }

  private cache(data: Buffer, keyframe: boolean): void {
    if (keyframe) {
      this.gop = [data];
      this.gopBytes = data.length;
      this.gopComplete = data.length <= this.options.maxGopBytes;
      if (!this.gopComplete) this.clearGop();
      return;
    }
    if (!this.gopComplete) return;
    if (this.gopBytes + data.length > this.options.maxGopBytes) {
      // A GOP this long would cost more memory than a late joiner's wait is worth.
      this.clearGop();
      return;
    }
    this.gop.push(data);
    this.gopBytes += data.length;
  }
}
