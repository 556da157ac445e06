import { access, mkdir, open, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { segmentRelativePath } from './segment-list';

// Files of the segment store. A segment is written under `segments/<cameraId>/.partial/` and
// renamed into its day folder only once ffmpeg has closed it, so a finished name is always a
// finished file (the layout reconcile expects; see `reconcile-paths.ts`).

export const partialFolder = (mediaDir: string, cameraId: string): string =>
  join(mediaDir, 'segments', cameraId, '.partial');

/** Ids become folder names: anything but plain characters would be a path. */
export function assertSafeId(cameraId: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/.test(cameraId)) {
    throw new Error(`camera id ${JSON.stringify(cameraId)} cannot be a folder name`);
  }
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

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
 * taken) and returns its path relative to the media folder and its size.
 */
export async function moveIntoPlace(
  mediaDir: string,
  cameraId: string,
  partialFile: string,
  startMs: number,
): Promise<{ path: string; bytes: number }> {
  let duplicate = 0;
  let relative = segmentRelativePath(cameraId, startMs);
  while (await exists(join(mediaDir, relative))) {
    duplicate++;
    relative = segmentRelativePath(cameraId, startMs, duplicate);
  }
  const target = join(mediaDir, relative);
  await mkdir(dirname(target), { recursive: true });
  await rename(partialFile, target);
  const { size } = await stat(target);
  return { path: relative, bytes: size };
}
