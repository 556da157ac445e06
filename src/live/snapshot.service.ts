import { join } from 'node:path';
import type { AppContext } from '../platform/context';
import type { Logger } from '../platform/supervisor';
import { ffmpegBinary } from '../platform/ffmpeg';
import { mediaDirOf } from '../recording/storage.disk';
import { snapshotArgs } from './live-args';
import { Limiter, runOnce } from './snapshot-ffmpeg';

// A camera's current picture as a JPEG: decoded from the latest keyframe of a stream someone is
// watching (no new connection), else from the first frame of the newest recorded segment. One
// picture per camera is shared for a few seconds, so a page of 50 thumbnails costs at most one
// ffmpeg per camera per 5 seconds however many people load it.

export const snapshotCacheMs = 5_000;
/** Snapshots by someone other than the owner are audited once per user and camera in this. */
export const snapshotAuditEveryMs = 10 * 60_000;

/** How long a snapshot waits for the recorder's next keyframe (a 2-second GOP, and slack). */
const keyframeWaitMs = 3_000;

function nextRecorderKeyframe(
  ctx: AppContext,
  cameraId: string,
  timeoutMs: number,
): Promise<{ init: Buffer; fragment: Buffer } | null> {
  const recorder = ctx.recorder;
  if (!recorder?.live.initSegment(cameraId)) return Promise.resolve(null);
  return new Promise((resolve) => {
    const done = (frame: { init: Buffer; fragment: Buffer } | null) => {
      clearTimeout(timer);
      stop();
      resolve(frame);
    };
    const stop = recorder.onLiveChunk(cameraId, (chunk) => {
      const init = recorder.live.initSegment(cameraId);
      if (chunk.kind === 'fragment' && chunk.keyframe && init) done({ init, fragment: chunk.data });
      else if (chunk.kind === 'end') done(null);
    });
    const timer = setTimeout(() => done(null), timeoutMs);
  });
}

export interface Snapshot {
  jpeg: Buffer;
  /** When the picture was taken (the keyframe's arrival, or the segment's start). */
  takenAtMs: number;
}

/** Where a snapshot comes from; the live service and the segment index implement it. */
export interface SnapshotSources {
  latestKeyframe(cameraId: string): { init: Buffer; fragment: Buffer } | null;
  newestSegment(cameraId: string): Promise<{ path: string; startMs: number } | null>;
}

export class SnapshotService {
  private readonly cache = new Map<string, { atMs: number; picture: Promise<Snapshot | null> }>();
  private readonly audited = new Map<string, number>();
  private readonly limiter = new Limiter(2);

  constructor(
    private readonly ctx: AppContext,
    private readonly sources: SnapshotSources,
    private readonly logger: Logger,
  ) {}

  /** The camera's picture, at most `snapshotCacheMs` old; null when there is none yet. */
  picture(cameraId: string): Promise<Snapshot | null> {
    const nowMs = Date.now();
    const cached = this.cache.get(cameraId);
    if (cached && nowMs - cached.atMs < snapshotCacheMs) return cached.picture;
    this.prune(nowMs);
    const picture = this.limiter.run(() => this.take(cameraId));
    this.cache.set(cameraId, { atMs: nowMs, picture });
    // Neither a failure nor "no picture yet" is kept: a viewer may start the stream any moment,
    // and answering that costs one indexed query, not an ffmpeg.
    const forget = () => {
      if (this.cache.get(cameraId)?.picture === picture) this.cache.delete(cameraId);
    };
    picture.then((taken) => {
      if (taken === null) forget();
    }, forget);
    return picture;
  }

  /** True the first time in `snapshotAuditEveryMs` that this user looks at this camera. */
  shouldAudit(userId: string, cameraId: string, nowMs: number): boolean {
    const key = `${userId}\u0000${cameraId}`;
    const last = this.audited.get(key);
    if (last !== undefined && nowMs - last < snapshotAuditEveryMs) return false;
    this.audited.set(key, nowMs);
    if (this.audited.size > 10_000) {
      for (const [k, at] of this.audited)
        if (nowMs - at >= snapshotAuditEveryMs) this.audited.delete(k);
    }
    return true;
  }

  private prune(nowMs: number): void {
    for (const [id, entry] of this.cache) {
      if (nowMs - entry.atMs >= snapshotCacheMs) this.cache.delete(id);
    }
  }

  /**
   * A camera recorded for a few seconds only has no segment yet and, unwatched, no media in
   * memory: listen to the recorder's stream until the next keyframe (one GOP, about 2 s).
   */
  private async fromNextKeyframe(binary: string, cameraId: string): Promise<Snapshot | null> {
    const frame = await nextRecorderKeyframe(this.ctx, cameraId, keyframeWaitMs);
    if (!frame) return null;
    try {
      const jpeg = await runOnce(binary, snapshotArgs({ kind: 'pipe' }), [
        frame.init,
        frame.fragment,
      ]);
      return jpeg.length > 0 ? { jpeg, takenAtMs: Date.now() } : null;
    } catch (error) {
      this.logger.warn({ camera: cameraId, err: (error as Error).message }, 'live snapshot failed');
      return null;
    }
  }

  private async take(cameraId: string): Promise<Snapshot | null> {
    const binary = ffmpegBinary(this.ctx.config.ffmpegPath);
    const frame = this.sources.latestKeyframe(cameraId);
    if (frame) {
      try {
        const jpeg = await runOnce(binary, snapshotArgs({ kind: 'pipe' }), [
          frame.init,
          frame.fragment,
        ]);
        if (jpeg.length > 0) return { jpeg, takenAtMs: Date.now() };
      } catch (error) {
        this.logger.warn(
          { camera: cameraId, err: (error as Error).message },
          'live snapshot failed',
        );
      }
    }
    const segment = await this.sources.newestSegment(cameraId);
    if (!segment) return this.fromNextKeyframe(binary, cameraId);
    const path = join(mediaDirOf(this.ctx.config), segment.path);
    try {
      const jpeg = await runOnce(binary, snapshotArgs({ kind: 'file', path }), null);
      return jpeg.length > 0 ? { jpeg, takenAtMs: segment.startMs } : null;
    } catch (error) {
      // The file vanished or is unreadable: there is simply no picture to show.
      this.logger.warn(
        { camera: cameraId, err: (error as Error).message },
        'snapshot from segment failed',
      );
      return null;
    }
  }
}
