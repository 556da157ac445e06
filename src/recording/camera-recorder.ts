import type { ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { AppContext } from '../platform/context';
import { LineTail, Supervisor, type ChildExit, type Logger } from '../platform/supervisor';
import type { FfmpegCaps } from './ffmpeg-caps';
import { nextAudioMode, recordArgs, type AudioMode } from './ffmpeg-args';
import type { Fragment, StreamInfo } from './fmp4';
import { Fmp4Stream } from './fmp4-stream';
import { classifyExit, RateMeter, type HealthState } from './health';
import type { LiveFeed } from './live-feed';
import type { CameraTarget, RecorderSettings } from './recorder-settings';
import { partialFolder } from './segment-files';
import { SegmentPlacer, type ClosedSegment } from './segment-placer';
import { parseSegmentListLine, StreamClock } from './segment-list';
import { closeOpenGap, hasOpenGap, lastSegmentEnd, openGap } from './segments.repo';
import { HealthTracker } from './camera-health';
import { streamChange } from './stream-change';

export interface CameraRecorderDeps {
  ctx: AppContext;
  caps: FfmpegCaps;
  logger: Logger;
  live: LiveFeed;
  settings: RecorderSettings;
  mediaDir: string;
}

/** What belongs to one ffmpeg run: its name tag, its clock, its stream. */
interface Connection {
  tag: string;
  clock: StreamClock;
  fmp4: Fmp4Stream | null;
  info: StreamInfo | null;
}

const newConnection = (): Connection => ({
  tag: `c${Date.now().toString(36)}`,
  clock: new StreamClock(),
  fmp4: null,
  info: null,
});

/** Why recording of a camera stopped on purpose; becomes the gap's reason. */
export type StopReason = 'disabled' | 'decommissioned' | 'no_stream' | 'server_stopped';

/**
 * Records one camera: one supervised ffmpeg; each closed segment moved into place and indexed;
 * outages written as gaps; health kept and published; the live fMP4 handed to the live feed.
 */
export class CameraRecorder {
  readonly health: HealthTracker;
  private readonly supervisor: Supervisor;
  private readonly meter = new RateMeter();
  private audio: AudioMode = 'copy';
  /** The current ffmpeg's connection; a closed segment is placed by the one that wrote it. */
  private connection: Connection = newConnection();
  /** The last connection's stream, to notice a camera reconfigured between connections. */
  private lastInfo: StreamInfo | null = null;
  private lastEndMs: number | null = null;
  private gapMayBeOpen = true;
  private readonly placer: SegmentPlacer;
  /** Segment indexing and gap writes, in order, one at a time. */
  private work: Promise<void> = Promise.resolve();

  constructor(
    public target: CameraTarget,
    private readonly deps: CameraRecorderDeps,
  ) {
    const { settings, logger } = deps;
    this.health = new HealthTracker(deps.ctx, () => this.target, logger);
    this.placer = new SegmentPlacer({
      ctx: deps.ctx,
      mediaDir: deps.mediaDir,
      logger,
      camera: () => this.target,
      partialDir: () => this.partialDir,
      indexed: (segment) => this.segmentIndexed(segment),
    });
    this.supervisor = new Supervisor({
      name: `camera ${target.code}`,
      logger,
      spec: () => this.spec(),
      backoff: settings.backoff,
      watchdogMs: settings.watchdogMs,
      startupTimeoutMs: settings.startupTimeoutMs,
      isFatal: (exit) => classifyExit(exit, settings.watchdogMs).state === 'auth_failed',
      hooks: {
        onStart: (child) => this.attach(child),
        onStdout: (chunk) => this.liveBytes(chunk),
        onExit: (exit, restartInMs) => this.exited(exit, restartInMs),
      },
    });
  }

  get partialDir(): string {
    return partialFolder(this.deps.mediaDir, this.target.id);
  }

  /** ffmpeg processes started for this camera so far. */
  get starts(): number {
    return this.supervisor.starts;
  }

  rates(nowMs: number) {
    return this.meter.rates(nowMs);
  }

  async start(): Promise<void> {
    const { db } = this.deps.ctx;
    try {
      await mkdir(this.partialDir, { recursive: true });
    } catch (error) {
      // ffmpeg will fail to open its segment and the camera will show why; keep going.
      this.deps.logger.error(
        { camera: this.target.code, err: (error as Error).message },
        'cannot create the segment folder',
      );
    }
    this.lastEndMs = await lastSegmentEnd(db, this.target.id);
    // Footage stopped without a gap being written (the server was killed): record the hole.
    if (this.lastEndMs !== null && !(await hasOpenGap(db, this.target.id))) {
      await openGap(db, {
        cameraId: this.target.id,
        startMs: this.lastEndMs,
        reason: 'recorder_down',
      });
    }
    await this.health.set('connecting', this.health.current.error);
    this.supervisor.start();
  }

  /** Stops ffmpeg (it finishes the segment in progress), then records the gap that follows. */
  async stop(reason: StopReason): Promise<void> {
    await this.supervisor.stop();
    await this.work;
    await this.openGap(reason);
    this.deps.live.end(this.target.id);
    this.meter.clear();
    await this.health.set(reason === 'server_stopped' ? 'offline' : 'disabled', null);
  }

  /** The stream URL or name changed: reconnect with the new one. */
  async update(target: CameraTarget): Promise<void> {
    const urlChanged = target.sealedUrl !== this.target.sealedUrl;
    this.target = target;
    if (!urlChanged) return;
    await this.supervisor.stop();
    await this.work;
    await this.openGap('reconfigured');
    this.supervisor.start();
  }

  private spec() {
    const url = this.deps.ctx.box.open(this.target.sealedUrl);
    const connection = newConnection();
    connection.fmp4 = new Fmp4Stream(
      (init, info) => this.liveInit(connection, init, info),
      (fragment) => this.liveFragment(connection, fragment),
      () => this.deps.live.viewers(this.target.id) > 0,
    );
    this.connection = connection;
    const { settings, caps } = this.deps;
    return {
      command: caps.binary,
      args: recordArgs(
        { mainStreamUrl: url },
        {
          incomingDir: this.partialDir,
          connection: connection.tag,
          segmentSeconds: settings.segmentSeconds,
          socketTimeoutMs: settings.socketTimeoutMs,
          socketTimeoutOption: caps.socketTimeoutOption,
          audio: this.audio,
          segmentListFd: 3,
        },
      ),
      // strftime names and wall-clock cuts are in the child's local time: make that UTC.
      env: { ...process.env, TZ: 'UTC' },
      extraPipes: 1,
      // Megabytes a second per camera: read into one reused buffer, not a new one per read.
      stdoutBufferBytes: 256 * 1024,
    };
  }

  private attach(child: ChildProcess): void {
    const list = child.stdio[3] as Readable | null | undefined;
    if (!list) return;
    const lines = new LineTail(4);
    const connection = this.connection;
    list.setEncoding('utf8');
    list.on('data', (chunk: string) => {
      for (const line of lines.push(chunk)) {
        this.enqueue(() => this.segmentClosed(connection, line));
      }
    });
  }

  private liveBytes(chunk: Buffer): void {
    const reader = this.connection.fmp4;
    if (!reader) return;
    try {
      reader.push(chunk);
    } catch (error) {
      // The live copy is unreadable; recording goes on regardless, so only the live view stops.
      this.deps.logger.error(
        { camera: this.target.code, err: (error as Error).message },
        'live stream unreadable',
      );
      this.connection.fmp4 = null;
      this.deps.live.end(this.target.id);
    }
  }

  private liveInit(connection: Connection, init: Buffer, info: StreamInfo): void {
    connection.info = info;
    const change = streamChange(this.lastInfo, info);
    if (change) {
      this.deps.logger.warn({ camera: this.target.code, ...change.details }, change.message);
    }
    this.lastInfo = info;
    this.deps.live.publishInit(this.target.id, init);
  }

  private liveFragment(connection: Connection, fragment: Fragment): void {
    const now = Date.now();
    connection.clock.fragment(now, fragment.startSeconds);
    this.meter.add(now, fragment.bytes, fragment.frames);
    if (fragment.data)
      this.deps.live.publishFragment(this.target.id, fragment.data, fragment.keyframe, now);
    if (this.health.current.state !== 'online')
      void this.health.set('online', this.health.current.error);
  }

  private enqueue(task: () => Promise<void>): void {
    this.work = this.work.then(task).catch((error: unknown) => {
      this.deps.logger.error(
        { camera: this.target.code, err: (error as Error).message },
        'recording bookkeeping failed',
      );
    });
  }

  private async segmentClosed(connection: Connection, line: string): Promise<void> {
    const closed = parseSegmentListLine(line);
    if (!closed) return;
    const { startMs, endMs } = connection.clock.place(closed, Date.now());
    await this.placer.add({ file: closed.file, startMs, endMs, info: connection.info });
  }

  /** A segment was indexed: the outage before it, if any, ends where it starts. */
  private async segmentIndexed(segment: ClosedSegment): Promise<void> {
    if (this.gapMayBeOpen) {
      await closeOpenGap(this.deps.ctx.db, this.target.id, segment.startMs);
      this.gapMayBeOpen = false;
    }
    this.lastEndMs = Math.max(this.lastEndMs ?? segment.endMs, segment.endMs);
  }

  private async openGap(reason: string): Promise<void> {
    const startMs = this.lastEndMs ?? Date.now();
    await openGap(this.deps.ctx.db, { cameraId: this.target.id, startMs, reason });
    this.gapMayBeOpen = true;
  }

  private exited(exit: ChildExit, restartInMs: number | null): void {
    this.deps.live.end(this.target.id);
    this.meter.clear();
    if (restartInMs === null) return; // stopped on purpose: `stop` writes the gap
    const audio = nextAudioMode(this.audio, exit.stderr);
    if (audio) {
      this.deps.logger.info(
        { camera: this.target.code, audio },
        'audio cannot be copied into MP4: retrying',
      );
      this.audio = audio;
      return;
    }
    const failure = classifyExit(exit, this.deps.settings.watchdogMs);
    const state: HealthState = failure.state;
    this.enqueue(async () => {
      await this.openGap(exit.reason === 'watchdog' ? 'stalled' : state);
      await this.health.set(state, failure.error);
    });
  }
}
