import { join } from 'node:path';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import { ffmpegBinary } from '../platform/ffmpeg';
import type { Logger } from '../platform/supervisor';
import { mediaDirOf } from '../recording/storage.disk';
import type { ConcatEntry } from './concat-list';
import { downloadArgs, moovReserveBytes } from './export-args';
import { ExportCache, exportKey, exportTtlMs, type OpenExport } from './export-cache';
import { runFfmpeg, writeConcatList } from './ffmpeg-job';
import { auditFootageOnce, grantFootage, RecentAudits } from './footage-access';
import { locateSegments } from './footage-files';
import { indexComesFirst } from './mp4-layout';
import { downloadFileName, downloadPlan } from './footage-plan';
import { parseRange, rangeLimits } from './footage-range';
import { footageSegments } from './footage.repo';
import { joinSegments } from './mp4-join/join-file';
import { noFootage } from './playback.service';

// Download: an MP4 of exactly the range asked for (to the keyframe before its start), made with
// stream copy into the export folder and served from there with Range support. Segments of one
// stream are joined by copying their bytes under a new index (`mp4-join`); ffmpeg's concat
// demuxer makes the rest, packet by packet.

/** A day of footage is 8,640 files; ffmpeg joining them is disk-bound, so allow it time. */
const exportTimeoutMs = 30 * 60_000;
/** Exports run at most this many at once; the rest wait their turn. */
const concurrentExports = 2;

/** Runs jobs at most `limit` at a time, in order of arrival. */
export class JobGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((go) => this.waiting.push(go));
    this.running++;
    try {
      return await job();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

/**
 * The download made by ffmpeg's concat demuxer with stream copy: the way for files the joiner
 * cannot join (a change of resolution or codec between segments, a layout it does not know).
 */
export async function exportWithFfmpeg(
  binary: string,
  entries: readonly ConcatEntry[],
  output: string,
  options: { seconds: number; logger: Logger },
): Promise<void> {
  const list = await writeConcatList(binary, entries);
  const run = (args: string[]) =>
    runFfmpeg(binary, args, { timeoutMs: exportTimeoutMs, logger: options.logger });
  try {
    await run(downloadArgs(list.path, output, moovReserveBytes(options.seconds)));
    // ffmpeg 5 reports a reservation that was too small yet exits 0: check the layout.
    if (!(await indexComesFirst(output))) {
      options.logger.warn({ seconds: options.seconds }, 'index did not fit; using faststart');
      await run(downloadArgs(list.path, output));
    }
  } finally {
    await list.dispose();
  }
}

/** What the download routes keep between requests. */
export interface DownloadState {
  cache: ExportCache;
  gate: JobGate;
  recent: RecentAudits;
}

export function downloadState(ctx: AppContext): DownloadState {
  return {
    cache: new ExportCache(join(ctx.config.dataDir, 'exports')),
    gate: new JobGate(concurrentExports),
    // One export is audited once per viewer for as long as it is kept.
    recent: new RecentAudits(exportTtlMs, false),
  };
}

export interface PreparedDownload extends OpenExport {
  fileName: string;
  /** Writes the access-log event, once per viewer and export; call when the bytes are sent. */
  audit(): Promise<void>;
}

/** Checks access and the range, then finds or makes the export file. */
export async function prepareDownload(
  ctx: AppContext,
  actor: Actor,
  cameraId: string,
  query: { from: string; to: string; reason?: string | undefined },
  deps: { state: DownloadState; logger: Logger; ip: string },
): Promise<PreparedDownload> {
  const range = parseRange(query, rangeLimits.download);
  const grant = await grantFootage(ctx, actor, cameraId, {
    needReason: true,
    reason: query.reason,
  });
  const camera = grant.camera;
  const key = exportKey(camera.id, range.fromMs, range.toMs);
  const build = async (output: string) => {
    const segments = await footageSegments(ctx.db, camera.id, range);
    const plan = downloadPlan(
      await locateSegments(mediaDirOf(ctx.config), segments),
      range.fromMs,
      range.toMs,
    );
    if (plan.entries.length === 0) throw noFootage(range);
    const seconds = (range.toMs - range.fromMs) / 1000;
    await deps.state.gate.run(async () => {
      const joined = await joinSegments(plan.entries, output);
      const details = { camera: camera.code, seconds, files: plan.entries.length };
      if (joined.joined) {
        deps.logger.debug({ ...details, by: 'join' }, 'download made by joining segments');
        return;
      }
      deps.logger.debug(
        { ...details, by: 'ffmpeg', reason: joined.reason },
        'download made by ffmpeg',
      );
      await exportWithFfmpeg(ffmpegBinary(ctx.config.ffmpegPath), plan.entries, output, {
        seconds,
        logger: deps.logger,
      });
    });
  };
  const opened = await deps.state.cache.get(key, build);
  const from = new Date(range.fromMs).toISOString();
  const to = new Date(range.toMs).toISOString();
  return {
    ...opened,
    fileName: downloadFileName(camera.code, range.fromMs),
    audit: () =>
      auditFootageOnce(ctx, deps.state.recent, `${actor.id}\n${key}\n${grant.reason}`, {
        actor,
        grant,
        action: 'footage.download',
        meta: { ip: deps.ip },
        details: { from, to, bytes: opened.size },
      }),
  };
}
