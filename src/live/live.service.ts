import type { AppContext } from '../platform/context';
import type { Logger } from '../platform/supervisor';
import { detectFfmpeg, type FfmpegCaps } from '../recording/ffmpeg-caps';
import { LiveChannel } from './live-channel';
import { OnDemandSource, RecorderSource } from './live-sources';
import { channelKey, planStream, type StreamFacts } from './live-streams';
import {
  defaultViewerLimits,
  liveCloseCodes,
  LiveViewer,
  type LiveStream,
  type ViewerLimits,
  type ViewerSink,
} from './live-viewer';

export interface LiveOptions extends ViewerLimits {
  /** A channel stays open this long after its last viewer left (an on-demand ffmpeg too). */
  lingerMs: number;
  maxGopBytes: number;
  /** Live sockets one user may hold at once; more are refused with 429 before the upgrade. */
  maxSocketsPerUser: number;
}

export const defaultLiveOptions: LiveOptions = {
  ...defaultViewerLimits,
  lingerMs: 10_000,
  maxGopBytes: 16 * 1024 * 1024,
  maxSocketsPerUser: 32,
};

/** A camera as the live view needs it: streams, and who hears about its viewers. */
export interface LiveCamera extends StreamFacts {
  code: string;
  jurisdiction_path: string;
  owner_user_id: string | null;
}

export interface ChannelStats {
  key: string;
  viewers: number;
  source: 'recorder' | 'ondemand';
  ffmpegStarts: number;
  cachedBytes: number;
}

/**
 * The live view of this process: one channel per camera stream being watched, the sockets each
 * user holds, and viewer counts. One per application context (see `liveServiceOf`).
 */
export class LiveService {
  readonly options: LiveOptions;
  private readonly channels = new Map<string, LiveChannel>();
  private readonly onDemand = new Set<OnDemandSource>();
  private readonly socketsByUser = new Map<string, number>();
  private caps: FfmpegCaps | null = null;
  private stopped = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly logger: Logger,
    options: Partial<LiveOptions> = {},
  ) {
    this.options = { ...defaultLiveOptions, ...options };
  }

  /** Holds one of the user's socket slots; null when all are taken. Release exactly once. */
  reserveSocket(userId: string): (() => void) | null {
    const held = this.socketsByUser.get(userId) ?? 0;
    if (held >= this.options.maxSocketsPerUser) return null;
    this.socketsByUser.set(userId, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const now = (this.socketsByUser.get(userId) ?? 1) - 1;
      if (now <= 0) this.socketsByUser.delete(userId);
      else this.socketsByUser.set(userId, now);
    };
  }

  socketsOf(userId: string): number {
    return this.socketsByUser.get(userId) ?? 0;
  }

  /** Whether the camera has a stream to watch at all. */
  canPlan(camera: StreamFacts, stream: LiveStream): boolean {
    return planStream(camera, stream, this.ctx.recorder?.isRecording(camera.id) ?? false) !== null;
  }

  /** Attaches a socket to the camera's stream; returns the function to call when it closes. */
  join(camera: LiveCamera, requested: LiveStream, sink: ViewerSink): () => void {
    if (this.stopped) {
      sink.close(liveCloseCodes.shutdown, 'server stopping');
      return () => undefined;
    }
    const channel = this.channelFor(camera, requested);
    if (!channel) {
      sink.close(1011, 'this camera has no stream');
      return () => undefined;
    }
    const viewer = new LiveViewer(sink, this.options, (v) => this.leave(camera, channel, v));
    channel.add(viewer);
    this.publishViewers(camera);
    return () => {
      viewer.detach();
      this.leave(camera, channel, viewer);
    };
  }

  private leave(camera: LiveCamera, channel: LiveChannel, viewer: LiveViewer): void {
    if (!channel.viewers.has(viewer)) return;
    channel.remove(viewer);
    this.publishViewers(camera);
  }

  private channelFor(camera: LiveCamera, requested: LiveStream): LiveChannel | null {
    const recorder = this.ctx.recorder;
    const plan = planStream(camera, requested, recorder?.isRecording(camera.id) ?? false);
    if (!plan) return null;
    const key = channelKey(camera.id, plan.stream);
    const existing = this.channels.get(key);
    if (existing) return existing;
    let source: RecorderSource | OnDemandSource;
    if (plan.source === 'recorder' && recorder) source = new RecorderSource(recorder, camera.id);
    else if (plan.source === 'ondemand') {
      const onDemand = new OnDemandSource(
        `live ${camera.code} ${plan.stream}`,
        plan.sealedUrl,
        {
          box: this.ctx.box,
          caps: this.ffmpegCaps(),
          logger: this.logger,
          socketTimeoutMs: 5_000,
          watchdogMs: 10_000,
          startupTimeoutMs: 15_000,
        },
        // The wall's tiles are muted and small: their audio would only cost bandwidth.
        { audio: plan.stream === 'sub' ? 'none' : 'copy' },
      );
      this.onDemand.add(onDemand);
      source = onDemand;
    } else return null;
    const channel = new LiveChannel(
      key,
      plan.stream,
      source,
      { lingerMs: this.options.lingerMs, maxGopBytes: this.options.maxGopBytes },
      (closed) => {
        if (this.channels.get(key) === closed) this.channels.delete(key);
        if (source instanceof OnDemandSource) this.onDemand.delete(source);
      },
    );
    this.channels.set(key, channel);
    return channel;
  }

  private ffmpegCaps(): FfmpegCaps {
    this.caps ??= detectFfmpeg(this.ctx.config.ffmpegPath);
    return this.caps;
  }

  /** Viewers of a camera, main and sub streams together. */
  viewers(cameraId: string): number {
    let count = 0;
    for (const stream of ['main', 'sub'] as const) {
      count += this.channels.get(channelKey(cameraId, stream))?.viewers.size ?? 0;
    }
    return count;
  }

  /** The newest keyframe of any stream of the camera being watched now, for a snapshot. */
  latestKeyframe(cameraId: string): { init: Buffer; fragment: Buffer } | null {
    for (const stream of ['main', 'sub'] as const) {
      const frame = this.channels.get(channelKey(cameraId, stream))?.latestKeyframe();
      if (frame) return frame;
    }
    return null;
  }

  stats(): ChannelStats[] {
    return [...this.channels.values()].map((channel) => ({
      key: channel.key,
      viewers: channel.viewers.size,
      source: channel.sourceKind,
      ffmpegStarts: channel.ffmpegStarts,
      cachedBytes: channel.cachedBytes,
    }));
  }

  private publishViewers(camera: LiveCamera): void {
    this.ctx.events.publish({
      type: 'camera.viewers',
      jurisdictionPath: camera.jurisdiction_path,
      ownerUserId: camera.owner_user_id,
      data: { cameraId: camera.id, viewers: this.viewers(camera.id) },
    });
  }

  /** Closes every viewer (1001, going away) and stops every on-demand ffmpeg. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const channel of [...this.channels.values()]) {
      for (const viewer of [...channel.viewers])
        viewer.close(liveCloseCodes.shutdown, 'server stopping');
      channel.close();
    }
    const sources = [...this.onDemand];
    this.onDemand.clear();
    await Promise.all(sources.map((source) => source.stop()));
  }
}

const services = new WeakMap<AppContext, LiveService>();

/** The live service of a context, made on first use. */
export function liveServiceOf(
  ctx: AppContext,
  logger: Logger,
  options: Partial<LiveOptions> = {},
): LiveService {
  let service = services.get(ctx);
  if (!service) {
    service = new LiveService(ctx, logger, options);
    services.set(ctx, service);
  }
  return service;
}

/** Viewers of a camera in this process (0 when nobody ever watched live here). */
export function liveViewers(ctx: AppContext, cameraId: string): number {
  return services.get(ctx)?.viewers(cameraId) ?? 0;
}

/** The live service of a context if one was made (tests and benchmarks look inside). */
export function existingLiveService(ctx: AppContext): LiveService | null {
  return services.get(ctx) ?? null;
}
