import { rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { AppContext } from '../platform/context';
import { activeHoldRanges } from './holds.repo';
import { DAY_MS, holdsByCamera, overlapsHold, type Deletion } from './retention-plan';
import type { RecordingLog } from './retention-log';
import { mediaDirOf } from './storage.disk';
import { deleteSegmentRows } from './storage.repo';

export interface DeleteOutcome {
  deleted: Deletion[];
  /** Planned, but a hold placed since planning now covers them. */
  heldSince: number;
  /** Files that could not be removed (permissions, I/O): their rows stay. */
  failed: number;
}

/** The absolute file of a relative segment path, or null if the path leaves the media folder. */
export function mediaFile(mediaDir: string, path: string): string | null {
  const root = resolve(mediaDir);
  const file = resolve(root, path);
  return file.startsWith(root + sep) ? file : null;
}

/**
 * Deletes planned segments: the file first, then the row, so a crash in between leaves a row
 * whose file is gone (reconcile marks it missing, retention removes it later) and never an
 * unindexed file. A file already gone is fine. Holds are read again just before: one placed
 * while the plan was made still wins.
 */
export async function deleteSegments(
  ctx: AppContext,
  deletions: readonly Deletion[],
  log: RecordingLog,
): Promise<DeleteOutcome> {
  if (deletions.length === 0) return { deleted: [], heldSince: 0, failed: 0 };
  const holds = holdsByCamera(await activeHoldRanges(ctx.db.kysely));
  const deleted: Deletion[] = [];
  let heldSince = 0;
  let failed = 0;
  const folders = new Set<string>();
  for (const deletion of deletions) {
    const { segment } = deletion;
    if (overlapsHold(segment, holds.get(segment.cameraId))) {
      heldSince += 1;
      continue;
    }
    const file = mediaFile(mediaDirOf(ctx.config), segment.path);
    if (file === null) {
      // A row pointing outside the media folder was not written by us: leave the file alone.
      log.warn({ segmentId: segment.id, path: segment.path }, 'segment path outside media folder');
    } else {
      try {
        await unlink(file);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT') {
          failed += 1;
          log.warn({ segmentId: segment.id, path: segment.path, code }, 'cannot delete segment');
          continue;
        }
      }
      folders.add(dirname(file));
    }
    deleted.push(deletion);
  }
  await deleteSegmentRows(
    ctx.db.kysely,
    deleted.map((d) => d.segment.id),
  );
  await removeEmptyDayFolders(mediaDirOf(ctx.config), folders, ctx.now().getTime(), log);
  return { deleted, heldSince, failed };
}

/**
 * Day folders (`segments/<camera>/<day>/`) emptied by retention are removed so the tree does not
 * fill with empty folders. Today's and yesterday's stay even when empty: the recorder may be
 * about to move a segment into one, and removing it between its mkdir and rename would lose it.
 */
async function removeEmptyDayFolders(
  mediaDir: string,
  folders: Set<string>,
  nowMs: number,
  log: RecordingLog,
): Promise<void> {
  const yesterday = new Date(nowMs - DAY_MS).toISOString().slice(0, 10);
  for (const folder of folders) {
    const depth = relative(resolve(mediaDir), folder).split(sep).length;
    if (depth < 3 || !(basename(folder) < yesterday)) continue;
    try {
      await rmdir(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOENT') continue;
      log.warn({ folder, code }, 'cannot remove empty segment folder');
    }
  }
}
