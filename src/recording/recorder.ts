import { mkdir } from 'node:fs/promises';
import type { AppContext } from '../platform/context';
import type { Logger } from '../platform/supervisor';
import { CameraRecorder } from './camera-recorder';
import type { HealthNow } from './camera-health';
import { detectFfmpeg, type FfmpegCaps } from './ffmpeg-caps';
import { LiveFeed, type LiveListener } from './live-feed';
import { reconcileOnce, startMediaSweep, type MediaSweep } from './reconcile';
import { defaultRecorderSettings, type RecorderSettings } from './recorder-settings';
import { recordableCameras, whyNotRecordable } from './recording.repo';
import { assertSafeId } from './segment-files';
import { mediaDirOf } from './storage.disk';

/** What the recorder knows about one camera right now. */
export interface LiveHealth extends HealthNow {
  bitrateKbps: number | null;
  fps: number | null;
  /** ffmpeg processes started for this camera since the recorder started. */
  starts: number;
}

/**
 * Records every camera with recording on and a main stream: one supervised ffmpeg each. It
 * follows the registry (read every few seconds, and at once when the recording API changes a
 * camera), so cameras turned on, off, created, re-pointed or decommissioned are picked up.
 */
export class RecorderService {
  readonly live = new LiveFeed();
  readonly settings: RecorderSettings;
  private readonly cameras = new Map<string, CameraRecorder>();
  private timer: NodeJS.Timeout | null = null;
  private sweep: MediaSweep | null = null;
  private syncing: Promise<void> | null = null;
  private nextSync: Promise<void> | null = null;
  private caps: FfmpegCaps | null = null;
  private logger: Logger | null = null;
  private stopped = false;
  private starting: Promise<void> | null = null;

  constructor(
    private readonly ctx: AppContext,
    settings: Partial<RecorderSettings> = {},
  ) {
    this.settings = { ...defaultRecorderSettings, ...settings };
  }

  get mediaDir(): string {
    return mediaDirOf(this.ctx.config);
  }

  /** Starts recording; calling it again (a second app on the same context) changes nothing. */
  start(logger: Logger): Promise<void> {
    this.starting ??= this.begin(logger);
    return this.starting;
  }

  private async begin(logger: Logger): Promise<void> {
    this.logger = logger;
    this.stopped = false;
    this.caps = detectFfmpeg(this.ctx.config.ffmpegPath);
    logger.info(
      { ffmpeg: this.caps.binary, version: this.caps.version, mediaDir: this.mediaDir },
      'recorder starting',
    );
    try {
      await mkdir(this.mediaDir, { recursive: true });
    } catch (error) {
      // Each camera then reports the folder as not writable; nothing else stops.
      logger.error(
        { mediaDir: this.mediaDir, err: (error as Error).message },
        'media folder unusable',
      );
    }
    try {
      // Settle what a crash left (in-progress files, unindexed segments) before writing more.
      await reconcileOnce(this.ctx);
    } catch (error) {
      logger.error({ err: (error as Error).message }, 'reconcile failed; recording anyway');
    }
    // The full walk of older footage (files deleted or added by hand) runs slowly, in the background.
    this.sweep ??= startMediaSweep(this.ctx, { log: logger });
    await this.sync();
    this.timer = setInterval(() => void this.sync(), this.settings.pollMs);
    this.timer.unref();
  }

  /** Stops every camera's ffmpeg (each finishes its segment) and records the gaps. */
  async stop(): Promise<void> {
    this.stopped = true;
    // A start that failed was reported to whoever started it; stopping only waits for it.
    await this.starting?.catch(() => undefined);
    this.starting = null;
    await this.sweep?.stop();
    this.sweep = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.syncing;
    const recorders = [...this.cameras.values()];
    this.cameras.clear();
    await Promise.all(recorders.map((recorder) => recorder.stop('server_stopped')));
  }

  /**
   * Brings the running recorders in line with the registry. A call during a pass waits for one
   * more pass after it (that pass may have read the registry before the caller's change);
   * calls that pile up meanwhile share it.
   */
  sync(): Promise<void> {
    if (this.syncing) {
      this.nextSync ??= this.syncing.then(() => {
        this.nextSync = null;
        return this.sync();
      });
      return this.nextSync;
    }
    this.syncing = this.syncOnce().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  health(cameraId: string): LiveHealth | null {
    const recorder = this.cameras.get(cameraId);
    if (!recorder) return null;
    return {
      ...recorder.health.current,
      ...recorder.rates(Date.now()),
      starts: recorder.starts,
    };
  }

  isRecording(cameraId: string): boolean {
    return this.cameras.has(cameraId);
  }

  /** The live fMP4 of a camera (the next issue's live view listens here). */
  onLiveChunk(cameraId: string, listener: LiveListener): () => void {
    return this.live.onLiveChunk(cameraId, listener);
  }

  private async syncOnce(): Promise<void> {
    const logger = this.logger;
    const caps = this.caps;
    if (this.stopped || !logger || !caps) return;
    try {
      const wanted = new Map((await recordableCameras(this.ctx.db)).map((t) => [t.id, t]));
      for (const [id, recorder] of [...this.cameras]) {
        if (wanted.has(id)) continue;
        this.cameras.delete(id);
        await recorder.stop(await whyNotRecordable(this.ctx.db, id));
      }
      for (const target of wanted.values()) {
        if (this.stopped) return;
        const running = this.cameras.get(target.id);
        if (running) {
          await running.update(target);
          continue;
        }
        assertSafeId(target.id);
        const recorder = new CameraRecorder(target, {
          ctx: this.ctx,
          caps,
          logger,
          live: this.live,
          settings: this.settings,
          mediaDir: this.mediaDir,
        });
        this.cameras.set(target.id, recorder);
        try {
          await recorder.start();
        } catch (error) {
          // Not started (the database did not answer): the next pass tries again.
          this.cameras.delete(target.id);
          logger.error(
            { camera: target.code, err: (error as Error).message },
            'cannot start recording',
          );
        }
      }
    } catch (error) {
      logger.error({ err: (error as Error).message }, 'recorder could not read the registry');
    }
  }
}
