import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AppContext } from '../platform/context';
import type { Logger } from '../platform/supervisor';
import type { StreamInfo } from './fmp4';
import { isCompleteMp4, moveIntoPlace } from './segment-files';
import { insertSegment } from './segments.repo';

/** A segment ffmpeg reported closed, placed on the wall clock. */
export interface ClosedSegment {
  file: string;
  startMs: number;
  endMs: number;
  info: StreamInfo | null;
}

export interface SegmentPlacerDeps {
  ctx: AppContext;
  mediaDir: string;
  logger: Logger;
  camera: () => { id: string; code: string };
  partialDir: () => string;
  /** Called after each segment is indexed, in order (the recorder closes its gap here). */
  indexed: (segment: ClosedSegment) => Promise<void>;
}

/**
 * Moves one camera's closed segments into place and indexes them, oldest first. A segment that
 * cannot be moved yet (the disk turned read-only or full as it closed) waits here and is tried
 * again when the next one closes, so footage ffmpeg finished is not left out of the index.
 */
export class SegmentPlacer {
  private readonly waiting: ClosedSegment[] = [];
  /** Day folders already made, so each segment does not ask for a `mkdir`. */
  private readonly dayFolders = new Set<string>();

  constructor(private readonly deps: SegmentPlacerDeps) {}

  async add(segment: ClosedSegment): Promise<void> {
    this.waiting.push(segment);
    const { logger } = this.deps;
    while (this.waiting.length > 0) {
      const next = this.waiting[0]!;
      const camera = this.deps.camera();
      const partial = join(this.deps.partialDir(), next.file);
      let placed: { path: string; bytes: number };
      try {
        if (!(await isCompleteMp4(partial))) {
          // Left where it is: reconcile moves it to quarantine. Never indexed as footage.
          logger.warn({ camera: camera.code, file: next.file }, 'segment incomplete, not indexed');
          this.waiting.shift();
          continue;
        }
        placed = await moveIntoPlace(
          this.deps.mediaDir,
          camera.id,
          partial,
          next.startMs,
          this.dayFolders,
        );
      } catch (error) {
        logger.warn(
          { camera: camera.code, file: next.file, err: (error as Error).message },
          'segment cannot be moved into place yet; will retry',
        );
        return;
      }
      this.waiting.shift();
      await this.index(camera.id, next, placed);
      await this.deps.indexed(next);
    }
  }

  private async index(
    cameraId: string,
    segment: ClosedSegment,
    placed: { path: string; bytes: number },
  ): Promise<void> {
    const { info } = segment;
    await insertSegment(this.deps.ctx.db, {
      id: randomUUID(),
      camera_id: cameraId,
      stream: 'main',
      start_ms: segment.startMs,
      end_ms: segment.endMs,
      bytes: placed.bytes,
      path: placed.path,
      codec: info?.codec ?? null,
      width: info?.width ?? null,
      height: info?.height ?? null,
      has_audio: info?.hasAudio ? 1 : 0,
      state: 'ok',
      created_at: new Date().toISOString(),
    });
  }
}
