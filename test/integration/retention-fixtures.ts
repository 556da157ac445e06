import { execFile } from 'node:child_process';
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { createCameras } from '../../src/cameras/camera.service';
import type { AppContext } from '../../src/platform/context';
import { ffmpegBinary } from '../../src/platform/ffmpeg';
import { segmentRelativePath } from '../../src/recording/segment-list';
import { mediaDirOf } from '../../src/recording/storage.disk';
import { unitIds } from '../helpers/fixtures';

// Real media for the retention, storage and reconcile suites: one tiny MP4 made with ffmpeg per
// test file, copied into the media layout under fabricated times and indexed like the recorder.

const run = promisify(execFile);

/** Arguments for a 0.4 s, 160×120 H.264 test picture: small and quick to make. */
export function tinyClipArgs(out: string): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=160x120:rate=10',
    '-t',
    '0.4',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-y',
    out,
  ];
}

export async function makeTinyClip(dir: string): Promise<{ file: string; bytes: number }> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'tiny.mp4');
  await run(ffmpegBinary(), tinyClipArgs(file), { timeout: 30_000 });
  return { file, bytes: (await stat(file)).size };
}

export const minutes = (n: number) => n * 60_000;
export const days = (n: number) => n * 86_400_000;

export interface PlacedSegment {
  id: string;
  path: string;
  file: string;
  startMs: number;
}

let counter = 0;

/** Copies the clip to where the recorder would have put a segment starting then; indexes it. */
export async function placeSegment(
  ctx: AppContext,
  clip: { file: string; bytes: number },
  cameraId: string,
  startMs: number,
  options: { index?: boolean } = {},
): Promise<PlacedSegment> {
  const path = segmentRelativePath(cameraId, startMs);
  const file = join(mediaDirOf(ctx.config), path);
  await mkdir(dirname(file), { recursive: true });
  await copyFile(clip.file, file);
  counter += 1;
  const id = `seg-${counter}-${startMs}`;
  if (options.index !== false) {
    await ctx.db.kysely
      .insertInto('segments')
      .values({
        id,
        camera_id: cameraId,
        stream: 'main',
        start_ms: startMs,
        end_ms: startMs + 10_000,
        bytes: clip.bytes,
        path,
        codec: 'h264',
        width: 160,
        height: 120,
        has_audio: 0,
        state: 'ok',
        created_at: new Date().toISOString(),
      })
      .execute();
  }
  return { id, path, file, startMs };
}

/** Cameras for the media suites, in Tân Xuân 1 unless told otherwise. */
export async function mediaCameras(
  ctx: AppContext,
  specs: { code: string; retentionDays?: number; unitId?: string }[],
): Promise<string[]> {
  return createCameras(
    ctx,
    null,
    specs.map(({ code, retentionDays, unitId = unitIds.tanXuan1 }) => ({
      code,
      name: `Camera ${code}`,
      ownerKind: 'ward',
      jurisdictionId: unitId,
      latitude: unitId === unitIds.thachTri ? 18.405 : 21.0752,
      longitude: unitId === unitIds.thachTri ? 105.86 : 105.7871,
      heading: 90,
      fov: 90,
      rangeM: 30,
      ...(retentionDays === undefined ? {} : { retentionDays }),
    })),
  );
}

/** Empties the index and the media folder between tests: retention acts on all cameras. */
export async function clearFootage(ctx: AppContext): Promise<void> {
  await ctx.db.kysely.deleteFrom('segments').execute();
  await ctx.db.kysely.deleteFrom('holds').execute();
  await rm(mediaDirOf(ctx.config), { recursive: true, force: true });
}

export async function fileExists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    // Not there: what the caller asks about.
    return false;
  }
}
