import { liveEdgeSeek, trimRange } from './liveProtocol';

// Media Source Extensions for live fMP4: one SourceBuffer in `segments` mode fed from a queue,
// kept within about a second of the newest frame, with old media trimmed behind the playhead.

type MediaSourceClass = typeof MediaSource;

/** `ManagedMediaSource` where it exists (iPhone Safari has only that), else `MediaSource`. */
function mediaSourceClass(): MediaSourceClass | null {
  const scope = window as unknown as { ManagedMediaSource?: MediaSourceClass };
  if (scope.ManagedMediaSource) return scope.ManagedMediaSource;
  return typeof MediaSource === 'undefined' ? null : MediaSource;
}

export function canPlayLive(mime: string): boolean {
  return mediaSourceClass()?.isTypeSupported(mime) ?? false;
}

/** A queue this long means the page is not decoding (a background tab): start over. */
const maxQueued = 60;

export type SinkProblem = 'failed' | 'behind';

export class MseSink {
  private mediaSource: MediaSource | null = null;
  private buffer: SourceBuffer | null = null;
  private url: string | null = null;
  private queue: ArrayBuffer[] = [];
  private destroyed = false;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly onProblem: (problem: SinkProblem, detail: string) => void,
  ) {}

  /**
   * A new init segment means a new connection to the camera, whose timestamps start over (and
   * whose codec may differ): the MediaSource is rebuilt rather than patched.
   */
  init(mime: string, segment: ArrayBuffer): void {
    this.detach();
    const Source = mediaSourceClass();
    if (!Source) {
      this.onProblem('failed', 'no Media Source Extensions');
      return;
    }
    const mediaSource = new Source();
    this.mediaSource = mediaSource;
    this.queue = [segment];
    // Safari's ManagedMediaSource plays only with remote playback (AirPlay) switched off.
    this.video.disableRemotePlayback = true;
    mediaSource.addEventListener('sourceopen', () => this.opened(mediaSource, mime), {
      once: true,
    });
    this.url = URL.createObjectURL(mediaSource);
    this.video.src = this.url;
  }

  append(fragment: ArrayBuffer): void {
    if (!this.mediaSource) return;
    this.queue.push(fragment);
    if (this.queue.length > maxQueued) {
      this.onProblem('behind', `${this.queue.length} fragments waiting`);
      return;
    }
    this.pump();
  }

  destroy(): void {
    this.destroyed = true;
    this.detach();
  }

  private opened(mediaSource: MediaSource, mime: string): void {
    if (this.mediaSource !== mediaSource || this.destroyed) return;
    try {
      const buffer = mediaSource.addSourceBuffer(mime);
      buffer.mode = 'segments';
      buffer.addEventListener('updateend', () => this.updated());
      buffer.addEventListener('error', () => this.onProblem('failed', 'the browser refused media'));
      this.buffer = buffer;
    } catch (error) {
      this.onProblem('failed', error instanceof Error ? error.message : String(error));
      return;
    }
    this.pump();
  }

  private pump(): void {
    const buffer = this.buffer;
    const next = this.queue[0];
    if (!buffer || buffer.updating || !next) return;
    try {
      buffer.appendBuffer(next);
      this.queue.shift();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'QuotaExceededError') {
        // Full: drop what was already watched and try again once that is done.
        this.trim(true);
        return;
      }
      this.onProblem('failed', error instanceof Error ? error.message : String(error));
    }
  }

  private updated(): void {
    const video = this.video;
    const ranges = video.buffered;
    if (ranges.length > 0) {
      const seek = liveEdgeSeek(video.currentTime, ranges.end(ranges.length - 1));
      if (seek !== null) video.currentTime = seek;
      if (video.paused) {
        // Muted autoplay is allowed everywhere; if a browser still says no, the video simply
        // stays on its first frame and the player shows its controls-free state.
        video.play().catch((error: unknown) => {
          video.dataset.playError = error instanceof Error ? error.name : 'unknown';
        });
      }
    }
    if (!this.trim(false)) this.pump();
  }

  /** Removes media far behind the playhead; true when a removal started (pump follows it). */
  private trim(force: boolean): boolean {
    const buffer = this.buffer;
    const ranges = this.video.buffered;
    if (!buffer || buffer.updating || ranges.length === 0) return false;
    const current = this.video.currentTime;
    const range = force
      ? current - ranges.start(0) > 1
        ? ([ranges.start(0), current - 1] as [number, number])
        : null
      : trimRange(current, ranges.start(0));
    if (!range) return false;
    buffer.remove(range[0], range[1]);
    return true;
  }

  private detach(): void {
    this.queue = [];
    this.buffer = null;
    this.mediaSource = null;
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = null;
    this.video.removeAttribute('src');
    this.video.load();
  }
}
