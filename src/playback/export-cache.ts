import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

// Finished downloads under `<dataDir>/exports/`: the same camera and range asked for again
// within ten minutes is served from the file already made; a second request while it is being
// made waits for the first. Old files are deleted by a sweep.

export const exportTtlMs = 10 * 60_000;
/** A half-written file older than this belongs to a run that died; the sweep removes it. */
const abandonedPartMs = 60 * 60_000;

export interface OpenExport {
  /** Open for reading, so a sweep that deletes the file cannot pull it from under the reader. */
  file: FileHandle;
  size: number;
  /** Served from a file made earlier. */
  reused: boolean;
}

/** The file name of an export: the same for the same camera and range, nothing else in it. */
export function exportKey(cameraId: string, fromMs: number, toMs: number): string {
  return createHash('sha256').update(`${cameraId}\n${fromMs}\n${toMs}`).digest('hex').slice(0, 32);
}

export class ExportCache {
  private readonly building = new Map<string, Promise<boolean>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly dir: string,
    private readonly ttlMs = exportTtlMs,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /**
   * The export for `key`, made with `build(outputPath)` unless a fresh one exists or is being
   * made. `build` writes to a temporary name that becomes the export only once complete.
   */
  async get(key: string, build: (outputPath: string) => Promise<void>): Promise<OpenExport> {
    const path = join(this.dir, `${key}.mp4`);
    for (let attempt = 0; attempt < 3; attempt++) {
      let job = this.building.get(key);
      const mine = job === undefined;
      if (!job) {
        // Registered before the first await, so a request arriving meanwhile waits on it.
        job = this.freshOrMake(path, build);
        this.building.set(key, job);
        void job.then(
          () => this.building.delete(key),
          () => this.building.delete(key),
        );
      }
      const made = await job;
      try {
        const file = await open(path, 'r');
        return { file, size: (await file.stat()).size, reused: !(mine && made) };
      } catch (error) {
        // Swept between the check and the open: make it again.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    throw new Error(`export ${key} vanished while it was being opened`);
  }

  /** True when it made the file, false when a fresh one was already there. */
  private async freshOrMake(
    path: string,
    build: (outputPath: string) => Promise<void>,
  ): Promise<boolean> {
    if (await this.isFresh(path)) return false;
    await this.make(path, build);
    return true;
  }

  private async make(path: string, build: (outputPath: string) => Promise<void>): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const part = `${path}.${randomUUID().slice(0, 8)}.part`;
    try {
      await build(part);
      await rename(part, path);
    } finally {
      await rm(part, { force: true });
    }
  }

  private async isFresh(path: string): Promise<boolean> {
    try {
      return this.nowMs() - (await stat(path)).mtimeMs < this.ttlMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  /** Deletes exports past their time and abandoned half-written files. */
  async sweep(): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0; // nothing exported yet
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      const limit = name.endsWith('.part') ? abandonedPartMs : this.ttlMs;
      if (!name.endsWith('.mp4') && !name.endsWith('.part')) continue;
      const path = join(this.dir, name);
      const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null; // removed by a concurrent sweep
        throw error;
      });
      if (info && this.nowMs() - info.mtimeMs >= limit) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** Sweeps every `intervalMs` until `stop`; the timer never keeps the process alive. */
  start(intervalMs: number, onError: (error: Error) => void): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.sweep().catch(onError);
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
