import { EventEmitter } from 'node:events';

/**
 * What the recorder's one RTSP connection per camera offers the live view: the init segment
 * (ftyp+moov), then fragments (moof+mdat, each starting at a keyframe), and `end` when the
 * connection drops (a new init follows when it is back).
 */
export type LiveChunk =
  | { kind: 'init'; data: Buffer }
  /** `keyframe`: a viewer may start here; `atMs`: when it left ffmpeg (for latency). */
  | { kind: 'fragment'; data: Buffer; keyframe: boolean; atMs: number }
  | { kind: 'end' };

export type LiveListener = (chunk: LiveChunk) => void;

/** Fans each camera's fMP4 out to any number of viewers, in process. */
export class LiveFeed {
  private readonly emitter = new EventEmitter();
  private readonly inits = new Map<string, Buffer>();

  constructor() {
    // One listener per viewer per camera: a video wall has many.
    this.emitter.setMaxListeners(0);
  }

  /** Listens to a camera's chunks; returns the function that stops listening. */
  onLiveChunk(cameraId: string, listener: LiveListener): () => void {
    this.emitter.on(cameraId, listener);
    return () => this.emitter.off(cameraId, listener);
  }

  /** The current init segment, for a viewer who joins mid-stream, or null when not connected. */
  initSegment(cameraId: string): Buffer | null {
    return this.inits.get(cameraId) ?? null;
  }

  viewers(cameraId: string): number {
    return this.emitter.listenerCount(cameraId);
  }

  publishInit(cameraId: string, data: Buffer): void {
    this.inits.set(cameraId, data);
    this.emitter.emit(cameraId, { kind: 'init', data } satisfies LiveChunk);
  }

  publishFragment(cameraId: string, data: Buffer, keyframe: boolean, atMs: number): void {
    if (this.emitter.listenerCount(cameraId) === 0) return;
    this.emitter.emit(cameraId, { kind: 'fragment', data, keyframe, atMs } satisfies LiveChunk);
  }

  end(cameraId: string): void {
    if (!this.inits.delete(cameraId)) return;
    this.emitter.emit(cameraId, { kind: 'end' } satisfies LiveChunk);
  }
}
