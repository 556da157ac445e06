import { randomUUID } from 'node:crypto';
import { access, mkdir, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AppContext } from '../platform/context';
import { ffprobeBinary } from '../platform/ffmpeg';
import { partialStartMs, quarantinePath } from './reconcile-paths';
import { probeFile, type ProbeResult } from './reconcile-probe';
import {
  cameraIdsWithSegments,
  indexedFilesOf,
  insertSegmentRow,
  registeredCameraIds,
  setSegmentState,
  type IndexedFile,
} from './reconcile-repo';
import { cameraFolders, scanCameraFolder, type CameraFolder } from './reconcile-scan';
import { lineLog, type RecordingLog } from './retention-log';
import { segmentRelativePath } from './segment-list';
import { mediaDirOf } from './storage.disk';

// Crash safety: at start, before the recorder runs, make the index and the disk agree. A file
// the index lacks is probed and indexed, or quarantined if unreadable; a segment ffmpeg had not
// finished is finalised if readable; a row whose file is gone is marked missing (and restored
// if the file is back). Nothing is deleted: what cannot be indexed is moved aside.

export interface ReconcileReport {
  durationMs: number;
  cameras: number;
  scannedFiles: number;
  /** Complete files found on disk but not in the index, now indexed. */
  indexed: number;
  /** In-progress files that were readable, renamed into place and indexed. */
  finalised: number;
  quarantined: number;
  /** Rows whose file is gone, now marked `missing`. */
  missing: number;
  /** Rows marked `missing` whose file is back, now `ok` again. */
  restored: number;
  ignored: number;
  /** The first 100 files moved to quarantine, with why. */
  quarantinedFiles: { from: string; to: string; reason: string }[];
}

export interface ReconcileDeps {
  log?: RecordingLog;
  ffprobe?: string;
  probeTimeoutMs?: number;
}

const PARALLEL_CAMERAS = 4;

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

class Reconciler {
  readonly report: ReconcileReport = {
    durationMs: 0,
    cameras: 0,
    scannedFiles: 0,
    indexed: 0,
    finalised: 0,
    quarantined: 0,
    missing: 0,
    restored: 0,
    ignored: 0,
    quarantinedFiles: [],
  };
  private readonly mediaDir: string;
  private readonly ffprobe: string;

  constructor(
    private readonly ctx: AppContext,
    private readonly log: RecordingLog,
    private readonly deps: ReconcileDeps,
  ) {
    this.mediaDir = mediaDirOf(ctx.config);
    this.ffprobe = deps.ffprobe ?? ffprobeBinary(ctx.config.ffmpegPath);
  }

  private probe(path: string): Promise<ProbeResult | null> {
    return probeFile(this.ffprobe, join(this.mediaDir, path), this.deps.probeTimeoutMs);
  }

  async camera(cameraId: string, registered: boolean): Promise<void> {
    const folder = await scanCameraFolder(this.mediaDir, cameraId);
    const rows = await indexedFilesOf(this.ctx.db.kysely, cameraId);
    this.report.cameras += 1;
    this.report.ignored += folder.ignored;
    this.report.scannedFiles +=
      folder.complete.length + folder.partial.length + folder.misnamed.length;
    if (!registered) {
      for (const path of allFiles(folder)) await this.quarantine(path, 'unknown camera');
      return;
    }
    const seen = new Set<string>();
    const restore: string[] = [];
    const indexedHere = (path: string): boolean => {
      const row = rows.get(path);
      if (!row) return false;
      seen.add(path);
      if (row.state === 'missing') restore.push(row.id);
      return true;
    };
    for (const { path, startMs } of folder.complete) {
      if (indexedHere(path)) continue;
      const probe = await this.probe(path);
      if (probe && (await this.index(cameraId, path, startMs, probe))) {
        this.report.indexed += 1;
        seen.add(path);
      } else if (!probe) await this.quarantine(path, 'unreadable');
    }
    for (const path of folder.misnamed) {
      if (!indexedHere(path)) await this.quarantine(path, 'name gives no start time');
    }
    for (const path of folder.partial) {
      const finalPath = await this.finalise(cameraId, path, rows);
      if (finalPath) seen.add(finalPath);
    }
    const gone = [...rows.values()].filter((row) => row.state === 'ok' && !seen.has(row.path));
    await setSegmentState(
      this.ctx.db.kysely,
      gone.map((row) => row.id),
      'missing',
    );
    await setSegmentState(this.ctx.db.kysely, restore, 'ok');
    this.report.missing += gone.length;
    this.report.restored += restore.length;
    for (const row of gone.slice(0, 20))
      this.log.warn({ cameraId, path: row.path }, 'indexed segment file is missing');
  }

  /** A readable in-progress file becomes a finished segment; an unreadable one is moved aside. */
  private async finalise(
    cameraId: string,
    path: string,
    rows: Map<string, IndexedFile>,
  ): Promise<string | null> {
    const startMs = partialStartMs(path);
    if (startMs === null) {
      await this.quarantine(path, 'in-progress file whose name gives no start time');
      return null;
    }
    const probe = await this.probe(path);
    if (!probe) {
      await this.quarantine(path, 'unreadable in-progress file');
      return null;
    }
    let target = segmentRelativePath(cameraId, startMs);
    for (let n = 1; rows.has(target) || (await exists(join(this.mediaDir, target))); n++)
      target = segmentRelativePath(cameraId, startMs, n);
    await mkdir(dirname(join(this.mediaDir, target)), { recursive: true });
    await rename(join(this.mediaDir, path), join(this.mediaDir, target));
    if (!(await this.index(cameraId, target, startMs, probe))) return null;
    this.report.finalised += 1;
    this.log.info({ cameraId, from: path, to: target }, 'finalised in-progress segment');
    return target;
  }

  private async index(
    cameraId: string,
    path: string,
    startMs: number,
    probe: ProbeResult,
  ): Promise<boolean> {
    const { size } = await stat(join(this.mediaDir, path));
    return insertSegmentRow(this.ctx.db.kysely, {
      id: randomUUID(),
      camera_id: cameraId,
      stream: 'main',
      start_ms: startMs,
      end_ms: startMs + probe.durationMs,
      bytes: size,
      path,
      codec: probe.codec,
      width: probe.width,
      height: probe.height,
      has_audio: probe.hasAudio ? 1 : 0,
      state: 'ok',
      created_at: this.ctx.now().toISOString(),
    });
  }

  async quarantine(path: string, reason: string): Promise<void> {
    const nowMs = this.ctx.now().getTime();
    let target = quarantinePath(path, nowMs);
    for (let n = 1; await exists(join(this.mediaDir, target)); n++)
      target = quarantinePath(path, nowMs, n);
    try {
      await mkdir(dirname(join(this.mediaDir, target)), { recursive: true });
      await rename(join(this.mediaDir, path), join(this.mediaDir, target));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      this.log.error({ path, target, code }, 'cannot move file to quarantine');
      return;
    }
    this.report.quarantined += 1;
    if (this.report.quarantinedFiles.length < 100)
      this.report.quarantinedFiles.push({ from: path, to: target, reason });
    this.log.warn({ from: path, to: target, reason }, 'quarantined media file');
  }
}

function allFiles(folder: CameraFolder): string[] {
  return [...folder.complete.map((file) => file.path), ...folder.misnamed, ...folder.partial];
}

/**
 * Makes index and disk agree; run once at start, before the recorder (which would otherwise be
 * writing the in-progress files this finalises). Logs and returns what it did.
 */
export async function reconcileMedia(
  ctx: AppContext,
  deps: ReconcileDeps = {},
): Promise<ReconcileReport> {
  const started = Date.now();
  const log = deps.log ?? lineLog(ctx.config.logLevel, 'reconcile');
  const reconciler = new Reconciler(ctx, log, deps);
  const mediaDir = mediaDirOf(ctx.config);
  const onDisk = await cameraFolders(mediaDir);
  const inIndex = await cameraIdsWithSegments(ctx.db.kysely);
  const cameraIds = [...new Set([...onDisk, ...inIndex])].sort();
  const registered = await registeredCameraIds(ctx.db.kysely, cameraIds);
  // A few cameras at a time: ffprobe is most of the cost after a crash (~0.1 s a file).
  const queue = [...cameraIds];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift())
      await reconciler.camera(id, registered.has(id));
  };
  await Promise.all(Array.from({ length: PARALLEL_CAMERAS }, worker));
  const report = { ...reconciler.report, durationMs: Date.now() - started };
  log.info(
    { ...report, quarantinedFiles: report.quarantinedFiles.length },
    'reconciled media folder and segment index',
  );
  return report;
}

const startupRuns = new WeakMap<AppContext, Promise<ReconcileReport>>();

/**
 * The start-up reconcile, run at most once per process: whoever needs the media folder settled
 * first (the storage module's start hook, the recorder before its first ffmpeg) starts it and
 * the others wait for the same run, so their order of registration does not matter.
 */
export function reconcileOnce(ctx: AppContext, deps: ReconcileDeps = {}): Promise<ReconcileReport> {
  let run = startupRuns.get(ctx);
  if (!run) {
    run = reconcileMedia(ctx, deps);
    startupRuns.set(ctx, run);
  }
  return run;
}
