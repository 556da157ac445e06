import { access, link, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { segmentRelativePath } from './segment-list';

// Files of the segment store. A segment is written under `segments/<cameraId>/.partial/` and
// renamed into its day folder only once ffmpeg has closed it, so a finished name is always a
// finished file (the layout reconcile expects; see `reconcile-paths.ts`).

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

export const partialFolder = (mediaDir: string, cameraId: string): string =>
  join(mediaDir, 'segments', cameraId, '.partial');

/** Ids become folder names: anything but plain characters would be a path. */
export function assertSafeId(cameraId: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/.test(cameraId)) {
    throw new Error(`camera id ${JSON.stringify(cameraId)} cannot be a folder name`);
  }
}

/**
 * True when the file's top-level boxes run to its end and include `moov`: a complete MP4.
 * ffmpeg reports a segment even when writing its trailer failed (a full disk), so this is
 * checked before the file is named and indexed as footage. Reads a few headers, not the media.
 */
export async function isCompleteMp4(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const header = Buffer.alloc(16);
    let offset = 0;
    let sawMoov = false;
    // A segment cut before any frame arrived (a stop right after start) has a moov but no
    // media; it is no footage and must not be indexed as a zero-length segment.
    let sawMedia = false;
    while (offset + 8 <= size) {
      const { bytesRead } = await handle.read(header, 0, 16, offset);
      if (bytesRead < 8) return false;
      let boxSize = header.readUInt32BE(0);
      if (boxSize === 1 && bytesRead >= 16) boxSize = Number(header.readBigUInt64BE(8));
      else if (boxSize === 0) boxSize = size - offset;
      if (boxSize < 8) return false;
      const type = header.toString('latin1', 4, 8);
      if (type === 'moov') sawMoov = true;
      if (type === 'mdat' && boxSize > 16) sawMedia = true;
      offset += boxSize;
    }
    return sawMoov && sawMedia && offset === size;
  } finally {
    await handle.close();
  }
}

/**
 * Moves a closed segment to `segments/<cameraId>/<day>/<HHMMSS>.mp4` (a suffix if that name is
 * taken) and returns its path relative to the media folder and its size. A hard link then an
 * unlink, rather than a check and a rename: the link refuses to replace a file that is there,
 * so the name cannot be taken in between, and nothing is stat'ed or probed first. `dayFolders`
 * remembers folders already made, so a camera's segments do not each ask for a `mkdir`.
 */
export async function moveIntoPlace(
  mediaDir: string,
  cameraId: string,
  partialFile: string,
  startMs: number,
  dayFolders: Set<string> = new Set(),
): Promise<{ path: string; bytes: number }> {
  const { size } = await stat(partialFile);
  let folderRemade = false;
  for (let duplicate = 0; ; duplicate++) {
    const relative = segmentRelativePath(cameraId, startMs, duplicate);
    const target = join(mediaDir, relative);
    const folder = dirname(target);
    if (!dayFolders.has(folder)) {
      await mkdir(folder, { recursive: true });
      dayFolders.add(folder);
    }
    const placed = await placeUnder(partialFile, target);
    if (placed === 'taken') continue;
    if (placed === 'no_folder') {
      // The day folder was removed meanwhile (retention emptied it): make it and try again.
      if (folderRemade) throw new Error(`cannot create ${folder}`);
      folderRemade = true;
      dayFolders.delete(folder);
      duplicate--;
      continue;
    }
    return { path: relative, bytes: size };
  }
}

/** Links `file` at `target` without replacing anything there, then drops the old name. */
async function placeUnder(file: string, target: string): Promise<'placed' | 'taken' | 'no_folder'> {
  try {
    await link(file, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return 'taken';
    if (code === 'ENOENT' && (await exists(file))) return 'no_folder';
    // A file system without hard links (exFAT, some shares): check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    if (await exists(target)) return 'taken';
    await rename(file, target);
    return 'placed';
  }
  await unlink(file);
  return 'placed';
}
