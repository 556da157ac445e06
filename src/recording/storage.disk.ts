import { statfs } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../platform/config';

export interface DiskSpace {
  /** Bytes an unprivileged process may still write. */
  freeBytes: number;
  totalBytes: number;
}

/** Reads free disk for a folder; see `diskSpace`. Injected in tests to simulate a full disk. */
export type DiskProbe = (dir: string) => Promise<DiskSpace | null>;

/**
 * Free and total bytes of the file system holding `dir`. The media folder may not exist yet
 * (nothing recorded), so the nearest existing parent answers for it; null when none can be read.
 */
export const diskSpace: DiskProbe = async (dir) => {
  let current = dir;
  for (;;) {
    try {
      const stats = await statfs(current);
      return { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = dirname(current);
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current) return null;
      current = parent;
    }
  }
};

/** The media folder: configuration fills it at load, but the type keeps it optional. */
export function mediaDirOf(config: Pick<Config, 'mediaDir' | 'dataDir'>): string {
  return resolve(config.mediaDir ?? join(config.dataDir, 'media'));
}
