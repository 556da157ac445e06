import { join } from 'node:path';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import { ffmpegBinary } from '../platform/ffmpeg';
import type { Logger } from '../platform/supervisor';
import { mediaDirOf } from '../recording/storage.disk';
import { downloadArgs, moovReserveBytes } from './export-args';
import { ExportCache, exportKey, exportTtlMs, type OpenExport } from './export-cache';
import { runFfmpeg, writeConcatList } from './ffmpeg-job';
import { auditFootageOnce, grantFootage, RecentAudits } from './footage-access';
import { locateSegments } from './footage-files';
import { indexComesFirst } from './mp4-layout';
import { downloadFileName, downloadPlan } from './footage-plan';
import { parseRange, rangeLimits } from './footage-range';
import { footageSegments } from './footage.repo';
import { noFootage } from './playback.service';

// Download: an MP4 of exactly the range asked for (to the keyframe before its start), made with
// stream copy into the export folder and served from there with Range support.

/** A day of footage is 8,640 files; joining them is disk-bound, so allow it time. */
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
    const binary = ffmpegBinary(ctx.config.ffmpegPath);
    const list = await writeConcatList(binary, plan.entries);
    const seconds = (range.toMs - range.fromMs) / 1000;
    const run = (args: string[]) =>
      deps.state.gate.run(() =>
        runFfmpeg(binary, args, { timeoutMs: exportTimeoutMs, logger: deps.logger }),
      );
    try {
      await run(downloadArgs(list.path, output, moovReserveBytes(seconds)));
      // ffmpeg 5 reports a reservation that was too small yet exits 0: check the layout.
      if (!(await indexComesFirst(output))) {
        deps.logger.warn({ camera: camera.code, seconds }, 'index did not fit; using faststart');
        await run(downloadArgs(list.path, output));
      }
    } finally {
      await list.dispose();
    }
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
