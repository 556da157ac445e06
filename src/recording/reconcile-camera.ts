import { randomUUID } from 'node:crypto';
import { access, mkdir, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AppContext } from '../platform/context';
import { ffprobeBinary } from '../platform/ffmpeg';
import { mp4Contents, type Mp4Contents } from './reconcile-boxes';
import { dayFolderOf, partialStartMs, quarantinePath } from './reconcile-paths';
import { probeFile, type ProbeResult } from './reconcile-probe';
import {
  indexedFilesBetween,
  insertSegmentRow,
  isPathIndexed,
  setSegmentState,
  type IndexedFile,
} from './reconcile-repo';
import { scanDayFolder, scanPartialFolder } from './reconcile-scan';
import type { RecordingLog } from './retention-log';
import { segmentRelativePath } from './segment-list';
import { mediaDirOf } from './storage.disk';

// Making one camera's files and index rows agree, a day folder at a time. A file the index
// lacks is probed and indexed, or quarantined if it holds no media or is unreadable; a segment
// ffmpeg had not finished is finalised if readable; a row whose file is gone is marked missing
// (and restored if the file is back). Nothing is deleted: what cannot be indexed is moved aside.

export interface ReconcileReport {
  /** `startup`: the bounded pass before recording; `sweep`: the full walk in the background. */
  kind: 'startup' | 'sweep';
  durationMs: number;
  cameras: number;
  /** Day folders read. */
  scannedDayFolders: number;
  /** Day folders on disk this pass left alone (old ones at start-up, recent ones in a sweep). */
  deferredDayFolders: number;
  /** Files listed in the folders read (day folders and `.partial/`). */
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
  /** Cameras the pass could not finish (logged); the others were done. */
  failedCameras: number;
  /** The first 100 files moved to quarantine, with why. */
  quarantinedFiles: { from: string; to: string; reason: string }[];
}

export interface ReconcileDeps {
  log?: RecordingLog;
  ffprobe?: string;
  probeTimeoutMs?: number;
}

export function emptyReport(kind: ReconcileReport['kind']): ReconcileReport {
  return {
    kind,
    durationMs: 0,
    cameras: 0,
    scannedDayFolders: 0,
    deferredDayFolders: 0,
    scannedFiles: 0,
    indexed: 0,
    finalised: 0,
    quarantined: 0,
    missing: 0,
    restored: 0,
    ignored: 0,
    failedCameras: 0,
    quarantinedFiles: [],
  };
}

const isGone = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

export class Reconciler {
  private readonly mediaDir: string;
  private readonly ffprobe: string;

  constructor(
    private readonly ctx: AppContext,
    private readonly log: RecordingLog,
    private readonly deps: ReconcileDeps,
    readonly report: ReconcileReport,
  ) {
    this.mediaDir = mediaDirOf(ctx.config);
    this.ffprobe = deps.ffprobe ?? ffprobeBinary(ctx.config.ffmpegPath);
  }

  /**
   * The files of these day folders against the camera's rows starting in [fromMs, toMs). The
   * rows are read before the folders: retention deletes a file before its row, so a row read
   * first whose file is then not listed is really gone, never a file retention is removing.
   */
  async days(
    cameraId: string,
    registered: boolean,
    days: readonly string[],
    fromMs: number,
    toMs: number | null,
  ): Promise<void> {
    const db = this.ctx.db.kysely;
    const rows = registered
      ? await indexedFilesBetween(db, cameraId, fromMs, toMs)
      : new Map<string, IndexedFile>();
    const seen = new Set<string>();
    const restore: string[] = [];
    const indexedHere = (path: string): boolean => {
      const row = rows.get(path);
      if (!row) return false;
      seen.add(path);
      if (row.state === 'missing') restore.push(row.id);
      return true;
    };
    for (const day of days) {
      const folder = await scanDayFolder(this.mediaDir, cameraId, day);
      if (folder.found) this.report.scannedDayFolders += 1;
      this.report.ignored += folder.ignored;
      this.report.scannedFiles += folder.complete.length + folder.misnamed.length;
      for (const { path, startMs } of folder.complete) {
        if (!registered) await this.quarantine(path, 'unknown camera');
        else if (!indexedHere(path) && (await this.adopt(cameraId, path, startMs))) seen.add(path);
      }
      for (const path of folder.misnamed) {
        if (!registered) await this.quarantine(path, 'unknown camera');
        else if (!indexedHere(path)) await this.quarantine(path, 'name gives no start time');
      }
    }
    const scanned = new Set(days);
    const gone: IndexedFile[] = [];
    for (const row of rows.values()) {
      if (seen.has(row.path)) continue;
      const day = dayFolderOf(row.path);
      // A row outside the folders read (a path of another shape) is checked on its own.
      const present =
        day !== null && scanned.has(day) ? false : await exists(join(this.mediaDir, row.path));
      if (!present && row.state === 'ok') gone.push(row);
      if (present && row.state === 'missing') restore.push(row.id);
    }
    await setSegmentState(
      db,
      gone.map((row) => row.id),
      'missing',
    );
    await setSegmentState(db, restore, 'ok');
    this.report.missing += gone.length;
    this.report.restored += restore.length;
    for (const row of gone.slice(0, 20))
      this.log.warn({ cameraId, path: row.path }, 'indexed segment file is missing');
  }

  /** The camera's in-progress files: only before the recorder starts, which writes them. */
  async partials(cameraId: string, registered: boolean): Promise<void> {
    const folder = await scanPartialFolder(this.mediaDir, cameraId);
    this.report.ignored += folder.ignored;
    this.report.scannedFiles += folder.partial.length;
    for (const path of folder.partial) {
      if (registered) await this.finalise(cameraId, path);
      else await this.quarantine(path, 'unknown camera');
    }
  }

  /** Indexes a complete file the index lacks; true if it is now indexed. */
  private async adopt(cameraId: string, path: string, startMs: number): Promise<boolean> {
    const contents = await this.contents(path);
    if (contents === 'gone') return false;
    if (contents === 'no_media') {
      await this.quarantine(path, 'no media');
      return false;
    }
    const probe = await this.probe(path);
    if (!probe) {
      await this.quarantine(path, 'unreadable');
      return false;
    }
    if (!(await this.index(cameraId, path, startMs, probe))) return false;
    this.report.indexed += 1;
    return true;
  }

  /** A readable in-progress file becomes a finished segment; any other is moved aside. */
  private async finalise(cameraId: string, path: string): Promise<void> {
    const startMs = partialStartMs(path);
    if (startMs === null) {
      await this.quarantine(path, 'in-progress file whose name gives no start time');
      return;
    }
    const contents = await this.contents(path);
    if (contents === 'gone') return;
    if (contents === 'no_media') {
      await this.quarantine(path, 'no media');
      return;
    }
    const probe = await this.probe(path);
    if (!probe) {
      await this.quarantine(path, 'unreadable in-progress file');
      return;
    }
    const db = this.ctx.db.kysely;
    let target = segmentRelativePath(cameraId, startMs);
    for (
      let n = 1;
      (await exists(join(this.mediaDir, target))) || (await isPathIndexed(db, target));
      n++
    )
      target = segmentRelativePath(cameraId, startMs, n);
    await mkdir(dirname(join(this.mediaDir, target)), { recursive: true });
    await rename(join(this.mediaDir, path), join(this.mediaDir, target));
    if (!(await this.index(cameraId, target, startMs, probe))) return;
    this.report.finalised += 1;
    this.log.info({ cameraId, from: path, to: target }, 'finalised in-progress segment');
  }

  private async contents(path: string): Promise<Mp4Contents | 'gone'> {
    try {
      return await mp4Contents(join(this.mediaDir, path));
    } catch (error) {
      // Removed since the folder was listed (retention, or by hand): nothing left to do.
      if (isGone(error)) return 'gone';
      throw error;
    }
  }

  private probe(path: string): Promise<ProbeResult | null> {
    return probeFile(this.ffprobe, join(this.mediaDir, path), this.deps.probeTimeoutMs);
  }

  private async index(
    cameraId: string,
    path: string,
    startMs: number,
    probe: ProbeResult,
  ): Promise<boolean> {
    let size: number;
    try {
      ({ size } = await stat(join(this.mediaDir, path)));
    } catch (error) {
      if (isGone(error)) return false;
      throw error;
    }
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
      // The file went since it was listed (retention, or by hand): nothing is left to move.
      if (code === 'ENOENT') return;
      this.log.error({ path, target, code }, 'cannot move file to quarantine');
      return;
    }
    this.report.quarantined += 1;
    if (this.report.quarantinedFiles.length < 100)
      this.report.quarantinedFiles.push({ from: path, to: target, reason });
    this.log.warn({ from: path, to: target, reason }, 'quarantined media file');
  }
}
