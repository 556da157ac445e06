import type { SecretBox } from '../platform/secret-box';
import { Supervisor, type ChildExit, type Logger } from '../platform/supervisor';
import { nextAudioMode, type AudioMode } from '../recording/ffmpeg-args';
import type { FfmpegCaps } from '../recording/ffmpeg-caps';
import { Fmp4Stream } from '../recording/fmp4-stream';
import type { LiveListener } from '../recording/live-feed';
import type { RecorderService } from '../recording/recorder';
import type { LiveSource } from './live-channel';
import { liveArgs } from './live-args';

/** The recorder's own pipe: the camera's one RTSP connection, whatever the number of viewers. */
export class RecorderSource implements LiveSource {
  readonly kind = 'recorder';
  readonly starts = 0;

  constructor(
    private readonly recorder: RecorderService,
    private readonly cameraId: string,
  ) {}

  open(listener: LiveListener): () => void {
    return this.recorder.onLiveChunk(this.cameraId, listener);
  }

  currentInit(): Buffer | null {
    return this.recorder.live.initSegment(this.cameraId);
  }
}

export interface OnDemandDeps {
  box: SecretBox;
  caps: FfmpegCaps;
  logger: Logger;
  /** Bounds a blocked RTSP read, as the recorder's does. */
  socketTimeoutMs: number;
  watchdogMs: number;
  startupTimeoutMs: number;
}

/**
 * One ffmpeg for a stream the recorder does not hold (a sub stream for the wall, or a main stream
 * that is not recorded), shared by every viewer of it. Started when its channel opens and
 * stopped when it closes; restarted by the supervisor with backoff when the camera drops.
 */
export class OnDemandSource implements LiveSource {
  readonly kind = 'ondemand';
  private readonly supervisor: Supervisor;
  private listener: LiveListener | null = null;
  private reader: Fmp4Stream | null = null;
  private init: Buffer | null = null;
  private audio: AudioMode;

  constructor(
    name: string,
    private readonly sealedUrl: string,
    private readonly deps: OnDemandDeps,
    options: { audio: AudioMode },
  ) {
    this.audio = options.audio;
    this.supervisor = new Supervisor({
      name,
      logger: deps.logger,
      spec: () => this.spec(),
      watchdogMs: deps.watchdogMs,
      startupTimeoutMs: deps.startupTimeoutMs,
      hooks: {
        onStdout: (chunk) => this.bytes(chunk),
        onExit: (exit, restartInMs) => this.exited(exit, restartInMs),
      },
    });
  }

  get starts(): number {
    return this.supervisor.starts;
  }

  open(listener: LiveListener): () => void {
    this.listener = listener;
    this.supervisor.start();
    return () => {
      this.listener = null;
      void this.supervisor.stop();
    };
  }

  /** Waits for the child to end (server shutdown). */
  stop(): Promise<void> {
    this.listener = null;
    return this.supervisor.stop();
  }

  currentInit(): Buffer | null {
    return this.init;
  }

  private spec() {
    this.reader = new Fmp4Stream(
      (init) => {
        this.init = init;
        this.listener?.({ kind: 'init', data: init });
      },
      (fragment) => {
        if (fragment.data) {
          this.listener?.({
            kind: 'fragment',
            data: fragment.data,
            keyframe: fragment.keyframe,
            atMs: Date.now(),
          });
        }
      },
    );
    const { caps, socketTimeoutMs } = this.deps;
    return {
      command: caps.binary,
      args: liveArgs(this.deps.box.open(this.sealedUrl), {
        socketTimeoutMs,
        socketTimeoutOption: caps.socketTimeoutOption,
        audio: this.audio,
      }),
    };
  }

  private bytes(chunk: Buffer): void {
    try {
      this.reader?.push(chunk);
    } catch (error) {
      // An unreadable stream cannot be shown; viewers hear it dropped and the restart retries.
      this.deps.logger.warn({ err: (error as Error).message }, 'live stream unreadable');
      this.reader = null;
      this.dropped();
    }
  }

  private dropped(): void {
    if (this.init === null) return;
    this.init = null;
    this.listener?.({ kind: 'end' });
  }

  private exited(exit: ChildExit, restartInMs: number | null): void {
    this.dropped();
    if (restartInMs === null) return;
    const audio = nextAudioMode(this.audio, exit.stderr);
    if (audio) this.audio = audio;
  }
}
