import { readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { isDayFolder, PARTIAL_DIR, SEGMENTS_DIR, segmentStartMs } from './reconcile-paths';

// What one camera's folder holds, sorted into what reconcile must handle. Paths are relative
// to the media folder, as the index stores them.

export interface CameraFolder {
  /** `segments/<camera>/<day>/<HHMMSS>.mp4`, with the start the name gives. */
  complete: { path: string; startMs: number }[];
  /** `segments/<camera>/.partial/*.mp4`: segments ffmpeg had not finished. */
  partial: string[];
  /** `.mp4` files in a day folder whose name gives no start: not ours to index. */
  misnamed: string[];
  /** Anything else (other files, other folders): left alone, only counted. */
  ignored: number;
}

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

const isMp4 = (name: string) => name.endsWith('.mp4');

/** The camera folders under `segments/` (each named by a camera id). */
export async function cameraFolders(mediaDir: string): Promise<string[]> {
  const found = await entries(join(mediaDir, SEGMENTS_DIR));
  return found.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

export async function scanCameraFolder(mediaDir: string, cameraId: string): Promise<CameraFolder> {
  const folder: CameraFolder = { complete: [], partial: [], misnamed: [], ignored: 0 };
  const cameraRel = posix.join(SEGMENTS_DIR, cameraId);
  for (const entry of await entries(join(mediaDir, cameraRel))) {
    if (!entry.isDirectory()) {
      folder.ignored += 1;
    } else if (entry.name === PARTIAL_DIR) {
      for (const file of await entries(join(mediaDir, cameraRel, PARTIAL_DIR))) {
        if (file.isFile() && isMp4(file.name))
          folder.partial.push(posix.join(cameraRel, PARTIAL_DIR, file.name));
        else folder.ignored += 1;
      }
    } else if (isDayFolder(entry.name)) {
      for (const file of await entries(join(mediaDir, cameraRel, entry.name))) {
        const path = posix.join(cameraRel, entry.name, file.name);
        if (!file.isFile() || !isMp4(file.name)) {
          folder.ignored += 1;
          continue;
        }
        const startMs = segmentStartMs(entry.name, file.name);
        if (startMs === null) folder.misnamed.push(path);
        else folder.complete.push({ path, startMs });
      }
    } else {
      folder.ignored += 1;
    }
  }
  return folder;
}
