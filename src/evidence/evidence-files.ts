import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  chmod,
  copyFile,
  constants,
  mkdir,
  open,
  readdir,
  rename,
  rm,
  stat,
  unlink,
} from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Config } from '../platform/config';

// The evidence store on disk: `<data-dir>/evidence/<incident>/<item><ext>`, each file read-only
// once it is in. Work in progress (extracts, viewing copies) is written under `.incoming/` on
// the same filesystem, so taking it in is a rename.

export const evidenceRoot = (config: Pick<Config, 'dataDir'>): string =>
  join(config.dataDir, 'evidence');

export const incomingDir = (config: Pick<Config, 'dataDir'>): string =>
  join(evidenceRoot(config), '.incoming');

/** A fresh path under `.incoming/` (the folder is made); the caller removes it if unused. */
export async function incomingPath(config: Pick<Config, 'dataDir'>, ext: string): Promise<string> {
  const dir = incomingDir(config);
  await mkdir(dir, { recursive: true });
  return join(dir, `${randomUUID()}${ext}`);
}

/** Extensions kept as given; anything else is stored as `.bin` (the name shown is unchanged). */
const knownExtensions = new Set([
  '.mp4',
  '.m4v',
  '.mov',
  '.3gp',
  '.avi',
  '.mkv',
  '.webm',
  '.ts',
  '.mts',
  '.m2ts',
  '.flv',
  '.wmv',
  '.asf',
  '.mpg',
  '.mpeg',
]);

/** The stored file's extension, from the name the file was given. */
export function storedExtension(fileName: string): string {
  const ext = extname(fileName).toLowerCase();
  return knownExtensions.has(ext) ? ext : '.bin';
}

/** The stored path relative to the evidence root (what the row keeps). */
export const storedRelativePath = (incidentId: string, itemId: string, ext: string): string =>
  `${incidentId}/${itemId}${ext}`;

/** The absolute path of a stored file; throws if the row points outside the evidence folder. */
export function absoluteEvidencePath(config: Pick<Config, 'dataDir'>, stored: string): string {
  const root = evidenceRoot(config);
  const path = resolve(root, stored);
  const inside = relative(root, path);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) {
    throw new Error(`evidence path ${stored} lies outside the evidence folder`);
  }
  return path;
}

/** SHA-256 of a file, read as a stream so a 4 GiB upload does not sit in memory. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Moves `from` to `to` (which must not exist) and makes it read-only. A rename when both lie on
 * one filesystem; otherwise a copy that is flushed to disk and checked against `sha256` before
 * the source is removed, so the stored bytes are the ones that were hashed.
 */
export async function moveIntoStore(from: string, to: string, sha256: string): Promise<void> {
  await mkdir(join(to, '..'), { recursive: true });
  if (!(await renamed(from, to))) await copyInto(from, to, sha256);
  await chmod(to, 0o444);
}

/** False when `from` and `to` lie on different filesystems (the bytes must be copied). */
async function renamed(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EXDEV') return false;
    throw error;
  }
}

async function copyInto(from: string, to: string, sha256: string): Promise<void> {
  await copyFile(from, to, constants.COPYFILE_EXCL);
  let copied: string;
  try {
    await fsyncFile(to);
    copied = await sha256File(to);
  } catch (error) {
    await rm(to, { force: true });
    throw error;
  }
  if (copied !== sha256) {
    await rm(to, { force: true });
    throw new Error('the copy into the evidence store does not match the hash of the original');
  }
  await unlink(from);
}

/** Removes a stored file that was never recorded (an acquisition that failed half-way). */
export async function removeStored(path: string): Promise<void> {
  // The file was made read-only; unlinking needs write access to the folder only.
  await rm(path, { force: true });
}

/** Work left in `.incoming/` this long after it was last written is from a crashed process. */
export const abandonedAfterMs = 24 * 3_600_000;

/** Removes abandoned work files (never stored evidence, which is outside `.incoming/`). */
export async function sweepIncoming(
  config: Pick<Config, 'dataDir'>,
  nowMs: number,
): Promise<number> {
  const dir = incomingDir(config);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0; // nothing acquired yet
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null); // removed meanwhile by its own process
    if (info?.isFile() && nowMs - info.mtimeMs > abandonedAfterMs) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}
