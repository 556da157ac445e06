import { readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { isDayFolder, PARTIAL_DIR, SEGMENTS_DIR, segmentStartMs } from './reconcile-paths';

// What a camera's folders hold, sorted into what reconcile must handle. Paths are relative to
// the media folder, as the index stores them. A camera's folder is read one day folder at a
// time, so neither the start-up pass nor the sweep holds more than a day of names at once.

export interface CameraFolder {
  /** Day folders (`YYYY-MM-DD`), oldest first. */
  days: string[];
  /** Anything else in the camera folder but `.partial/` (stray files, other folders). */
  ignored: number;
}

export interface DayFolder {
  /** False when the folder does not exist (nothing of that day is on disk). */
  found: boolean;
  /** `segments/<camera>/<day>/<HHMMSS>.mp4`, with the start the name gives. */
  complete: { path: string; startMs: number }[];
  /** `.mp4` files whose name gives no start: not ours to index. */
  misnamed: string[];
  /** Anything else (other files, folders): left alone, only counted. */
  ignored: number;
}

export interface PartialFolder {
  /** `segments/<camera>/.partial/*.mp4`: segments ffmpeg had not finished. */
  partial: string[];
  ignored: number;
}

async function entriesOrNull(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    // A folder removed meanwhile (retention empties old day folders) simply holds nothing.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const entries = async (dir: string) => (await entriesOrNull(dir)) ?? [];

const isMp4 = (name: string) => name.endsWith('.mp4');

/** The camera folders under `segments/` (each named by a camera id). */
export async function cameraFolders(mediaDir: string): Promise<string[]> {
  const found = await entries(join(mediaDir, SEGMENTS_DIR));
  return found.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

/** The day folders of one camera; their contents are not read. */
export async function listCameraFolder(mediaDir: string, cameraId: string): Promise<CameraFolder> {
  const folder: CameraFolder = { days: [], ignored: 0 };
  for (const entry of await entries(join(mediaDir, SEGMENTS_DIR, cameraId))) {
    if (entry.isDirectory() && isDayFolder(entry.name)) folder.days.push(entry.name);
    else if (!(entry.isDirectory() && entry.name === PARTIAL_DIR)) folder.ignored += 1;
  }
  folder.days.sort();
  return folder;
}

export async function scanDayFolder(
  mediaDir: string,
  cameraId: string,
  day: string,
): Promise<DayFolder> {
  const dayRel = posix.join(SEGMENTS_DIR, cameraId, day);
  const found = await entriesOrNull(join(mediaDir, dayRel));
  const folder: DayFolder = { found: found !== null, complete: [], misnamed: [], ignored: 0 };
  for (const file of found ?? []) {
    if (!file.isFile() || !isMp4(file.name)) {
      folder.ignored += 1;
      continue;
    }
    const path = posix.join(dayRel, file.name);
    const startMs = segmentStartMs(day, file.name);
    if (startMs === null) folder.misnamed.push(path);
    else folder.complete.push({ path, startMs });
  }
  return folder;
}

export async function scanPartialFolder(
  mediaDir: string,
  cameraId: string,
): Promise<PartialFolder> {
  const folder: PartialFolder = { partial: [], ignored: 0 };
  const partialRel = posix.join(SEGMENTS_DIR, cameraId, PARTIAL_DIR);
  for (const file of await entries(join(mediaDir, partialRel))) {
    if (file.isFile() && isMp4(file.name)) folder.partial.push(posix.join(partialRel, file.name));
    else folder.ignored += 1;
  }
  return folder;
}
