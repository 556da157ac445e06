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
    if (!segment) return null;
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
