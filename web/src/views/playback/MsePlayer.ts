// Plays recorded footage in a <video> through Media Source Extensions. The server joins the
// segments of a window (up to an hour) into one fragmented MP4; the player streams it into a
// SourceBuffer, asks for the next window before the current one runs out and appends it at
// `timestampOffset` = the end of the last, so playback runs on across segments, windows and
// gaps in the recording without a stall. `pieces` map the buffer's time back to the wall clock.
import { ApiError, toApiError } from '../../api/client';
import { mediaUrl, playbackApi, type PlaybackWindow } from './playbackApi';
import { bufferAt, dayMs, minuteMs, placePieces, wallAt, type PlacedPiece } from './timeMath';

export type PlayerStatus =
  | 'idle'
  | 'loading'
  | 'playing'
  | 'paused'
  | 'waiting'
  | 'ended'
  | 'noFootage'
  | 'error'
  | 'unsupported';

export interface PlayerSnapshot {
  status: PlayerStatus;
  /** The wall-clock moment on screen, once known. */
  wallMs: number | null;
  rate: number;
  error: ApiError | null;
}

export interface PlayerOptions {
  cameraId: string;
  reason: string | null;
  onChange: (snapshot: PlayerSnapshot) => void;
}

export const playbackRates = [0.5, 1, 2, 4, 8, 16] as const;

/** Footage not yet played that the buffer holds at most, in seconds of media per 1× of speed. */
const aheadPerRate = 60;
/** Start fetching the next window when this much (per 1× of speed) is left. */
const prefetchPerRate = 20;
/** Played footage kept for a short step back, in seconds. */
const keepBehind = 30;
/** Wait this long before asking again for footage past the newest recorded. */
const liveEdgeRetryMs = 5_000;
/** Segments newer than this may still be closing; a window ending later is re-read from its footage. */
const settleMs = 30_000;

const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

export class MsePlayer {
  private generation = 0;
  private source: MediaSource | null = null;
  private buffer: SourceBuffer | null = null;
  private objectUrl: string | null = null;
  private placed: PlacedPiece[] = [];
  private nextFromMs: number | null = null;
  private nextOffset = 0;
  private mime = '';
  private fetching = false;
  private retryAtMs = 0;
  private pendingSeekTime: number | null = null;
  private abort: AbortController | null = null;
  private readonly timer: number;
  private rate = 1;
  private fault: { status: PlayerStatus; error: ApiError | null } | null = null;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly options: PlayerOptions,
  ) {
    this.timer = window.setInterval(() => this.tick(), 250);
    // Muted by default: browsers let muted video start without a click, and street footage
    // rarely needs its sound; the page has a switch.
    video.muted = true;
  }

  /** Starts over at the wall-clock moment `wallMs` (or the next footage after it). */
  async seek(wallMs: number): Promise<void> {
    const generation = this.restart();
    this.emit();
    // One window streams at a time: the prefetch waits until this one is in.
    this.fetching = true;
    try {
      const window = await this.findWindow(wallMs);
      if (generation !== this.generation) return;
      if (!window) {
        this.fail('noFootage', null);
        return;
      }
      await this.openSource(window.mime, generation);
      this.pendingSeekTime = Math.max(wallMs, Date.parse(window.pieces[0]?.start ?? window.from));
      await this.appendWindow(window, generation);
    } catch (error) {
      if (generation === this.generation && !isAbort(error)) this.fail('error', toApiError(error));
    } finally {
      if (generation === this.generation) this.fetching = false;
    }
  }

  /** Plays or pauses; playing again after the end starts nothing new. */
  toggle(): void {
    if (this.video.paused) this.video.play().catch(() => this.emit());
    else this.video.pause();
    this.emit();
  }

  setMuted(muted: boolean): void {
    this.video.muted = muted;
  }

  setRate(rate: number): void {
    this.rate = rate;
    this.video.playbackRate = rate;
    this.emit();
  }

  destroy(): void {
    this.generation++;
    window.clearInterval(this.timer);
    this.abort?.abort();
    this.detach();
  }

  private restart(): number {
    this.generation++;
    this.abort?.abort();
    this.abort = new AbortController();
    this.detach();
    this.placed = [];
    this.nextFromMs = null;
    this.nextOffset = 0;
    this.fetching = false;
    this.retryAtMs = 0;
    this.pendingSeekTime = null;
    this.fault = null;
    return this.generation;
  }

  private detach(): void {
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    this.objectUrl = null;
    this.source = null;
    this.buffer = null;
    this.video.removeAttribute('src');
    this.video.load();
  }

  private fail(status: PlayerStatus, error: ApiError | null): void {
    this.fault = { status, error };
    this.emit();
  }

  /** A window of footage at or after `fromMs`, found through the timeline so no request is a 404. */
  private async findWindow(fromMs: number): Promise<PlaybackWindow | null> {
    const ahead = await playbackApi.timeline(this.options.cameraId, fromMs, fromMs + 7 * dayMs);
    const range = ahead.ranges.find((candidate) => Date.parse(candidate.end) > fromMs);
    if (!range) return null;
    const start = Math.max(fromMs, Date.parse(range.start));
    const span = Math.min(60, 5 * Math.max(1, this.rate)) * minuteMs;
    return playbackApi.window(this.options.cameraId, start, start + span);
  }

  private async openSource(mime: string, generation: number): Promise<void> {
    if (typeof MediaSource === 'undefined' || !MediaSource.isTypeSupported(mime)) {
      this.fail('unsupported', new ApiError(0, 'unsupported', mime));
      throw new DOMException('unsupported', 'AbortError');
    }
    const source = new MediaSource();
    this.objectUrl = URL.createObjectURL(source);
    this.video.src = this.objectUrl;
    await new Promise<void>((resolve) =>
      source.addEventListener('sourceopen', () => resolve(), { once: true }),
    );
    if (generation !== this.generation) throw new DOMException('stale', 'AbortError');
    this.source = source;
    this.buffer = source.addSourceBuffer(mime);
    this.mime = mime;
    this.video.playbackRate = this.rate;
  }

  /** Streams one window into the buffer after what is already there. */
  private async appendWindow(window: PlaybackWindow, generation: number): Promise<void> {
    const buffer = this.buffer;
    if (!buffer) return;
    if (window.mime !== this.mime && 'changeType' in buffer) {
      buffer.changeType(window.mime); // the camera changed codec between windows
      this.mime = window.mime;
    }
    const offset = this.nextOffset;
    this.placed.push(...placePieces(window.pieces, offset));
    const lastEnd = Date.parse(window.pieces.at(-1)?.end ?? window.to);
    this.nextFromMs = Math.max(lastEnd, Math.min(Date.parse(window.to), Date.now() - settleMs));
    await this.idle(buffer);
    buffer.timestampOffset = offset;
    const response = await fetch(mediaUrl(window, this.options.reason), {
      credentials: 'same-origin',
      signal: this.abort?.signal,
    });
    if (!response.ok || !response.body) throw await responseError(response);
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (generation !== this.generation) {
        await reader.cancel();
        return;
      }
      if (done) break;
      await this.append(buffer, value, generation);
      this.applyPendingSeek();
    }
    this.nextOffset = offset + window.mediaSeconds;
  }

  private async append(buffer: SourceBuffer, chunk: Uint8Array, generation: number): Promise<void> {
    // Keep memory bounded: wait while enough footage lies ahead of the playhead.
    while (this.aheadSeconds() > aheadPerRate * Math.max(1, this.rate)) {
      await sleep(250);
      if (generation !== this.generation) return;
    }
    for (let attempt = 0; ; attempt++) {
      await this.idle(buffer);
      try {
        buffer.appendBuffer(chunk as Uint8Array<ArrayBuffer>);
        await this.idle(buffer);
        return;
      } catch (error) {
        if (!(error instanceof DOMException) || error.name !== 'QuotaExceededError' || attempt > 20)
          throw error;
        this.evict(buffer, 5);
        await sleep(500);
        if (generation !== this.generation) return;
      }
    }
  }

  private idle(buffer: SourceBuffer): Promise<void> {
    if (!buffer.updating) return Promise.resolve();
    return new Promise((resolve) =>
      buffer.addEventListener('updateend', () => resolve(), { once: true }),
    );
  }

  /** Once the moment asked for is buffered, jump there and play. */
  private applyPendingSeek(): void {
    if (this.pendingSeekTime === null) return;
    const buffered = this.video.buffered;
    if (buffered.length === 0) return;
    const target = bufferAt(this.placed, this.pendingSeekTime) ?? buffered.start(0);
    if (target > buffered.end(buffered.length - 1)) return;
    this.pendingSeekTime = null;
    this.video.currentTime = Math.max(target, buffered.start(0));
    this.video.playbackRate = this.rate;
    this.video.play().catch(() => this.emit()); // autoplay refused: the play button is there
  }

  private aheadSeconds(): number {
    const buffered = this.video.buffered;
    if (buffered.length === 0) return 0;
    return buffered.end(buffered.length - 1) - this.video.currentTime;
  }

  private evict(buffer: SourceBuffer, behind = keepBehind): void {
    const buffered = this.video.buffered;
    const until = this.video.currentTime - behind;
    if (buffer.updating || buffered.length === 0 || until <= buffered.start(0) + 1) return;
    buffer.remove(0, until);
  }

  private tick(): void {
    const buffer = this.buffer;
    if (buffer && this.source?.readyState === 'open') {
      this.jumpSmallGap();
      if (this.video.currentTime > keepBehind * 3) this.evict(buffer);
      const wanted = this.aheadSeconds() < prefetchPerRate * Math.max(1, this.rate);
      if (wanted && !this.fetching && this.nextFromMs !== null && Date.now() >= this.retryAtMs) {
        void this.loadNext(this.generation);
      }
    }
    this.emit();
  }

  /** Seams between windows may leave a few milliseconds unbuffered; step over them. */
  private jumpSmallGap(): void {
    const video = this.video;
    if (video.paused || video.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) return;
    const buffered = video.buffered;
    for (let i = 0; i < buffered.length; i++) {
      const start = buffered.start(i);
      if (start > video.currentTime && start - video.currentTime < 1.5) {
        video.currentTime = start + 0.001;
        return;
      }
    }
  }

  private async loadNext(generation: number): Promise<void> {
    const from = this.nextFromMs;
    if (from === null) return;
    this.fetching = true;
    try {
      const window = await this.findWindow(from);
      if (generation !== this.generation) return;
      if (!window) {
        // Past the newest footage: wait for the recorder near the live edge, else stop there.
        if (from > Date.now() - 10 * minuteMs) this.retryAtMs = Date.now() + liveEdgeRetryMs;
        else this.nextFromMs = null;
        return;
      }
      await this.appendWindow(window, generation);
    } catch (error) {
      if (generation === this.generation && !isAbort(error)) this.fail('error', toApiError(error));
    } finally {
      if (generation === this.generation) this.fetching = false;
    }
  }

  private snapshot(): PlayerSnapshot {
    const video = this.video;
    const wallMs = this.placed.length > 0 ? wallAt(this.placed, video.currentTime) : null;
    const base = { wallMs, rate: this.rate, error: this.fault?.error ?? null };
    if (this.fault) return { ...base, status: this.fault.status };
    if (this.generation === 0) return { ...base, status: 'idle' };
    if (!this.source || this.pendingSeekTime !== null) return { ...base, status: 'loading' };
    const atEnd = this.nextFromMs === null && !this.fetching && this.aheadSeconds() < 0.3;
    if (atEnd) return { ...base, status: 'ended' };
    if (video.paused) return { ...base, status: 'paused' };
    if (video.readyState < HTMLMediaElement.HAVE_FUTURE_DATA) return { ...base, status: 'waiting' };
    return { ...base, status: 'playing' };
  }

  private emit(): void {
    this.options.onChange(this.snapshot());
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

async function responseError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as {
      error?: { code?: string; message?: string; field?: string };
    };
    return new ApiError(
      response.status,
      body.error?.code ?? `http_${response.status}`,
      body.error?.message ?? response.statusText,
      body.error?.field,
    );
  } catch {
    // Not the API's JSON (a proxy's page): the status says enough.
    return new ApiError(response.status, `http_${response.status}`, response.statusText);
  }
}
