import { execFile } from 'node:child_process';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { acquireFile } from '../evidence/acquire';
import { incomingPath, sha256File } from '../evidence/evidence-files';
import { probeMedia } from '../evidence/media-probe';
import type { AppContext } from '../platform/context';
import { ffmpegBinary, ffprobeBinary } from '../platform/ffmpeg';
import type { PlannedCase } from './demo-incidents-plan';

// Real evidence for a handful of the demo's cases: a one-second clip made once with ffmpeg's
// test pattern, copied per item and taken in through `acquireFile`, so each item has a real
// file, hash, media summary and custody chain like an extraction from our recordings. The
// other cases' footage came through fulfilled requests, with no file in the demo. The items
// are collected when the demo is seeded, so their custody starts then, after the case dates.

const run = promisify(execFile);

/** Arguments for the demo's one-second 320×180 H.264 clip. */
export function demoClipArgs(out: string): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x180:rate=10:duration=1',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-movflags',
    '+faststart',
    '-y',
    out,
  ];
}

/** The clip, made on first use and kept in the data directory. */
async function demoClip(ctx: AppContext): Promise<string> {
  const file = join(ctx.config.dataDir, 'demo', 'extract-clip.mp4');
  const made = await stat(file).then(
    (info) => info.size > 0,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  if (!made) {
    await mkdir(dirname(file), { recursive: true });
    await run(ffmpegBinary(ctx.config.ffmpegPath), demoClipArgs(file), { timeout: 60_000 });
  }
  return file;
}

/** Takes the clip into evidence for each planned extraction whose case has no item yet. */
export async function seedDemoExtracts(
  ctx: AppContext,
  cases: readonly PlannedCase[],
): Promise<number> {
  const planned = cases.filter(
    (item): item is PlannedCase & { extractCameraId: string } => item.extractCameraId !== null,
  );
  if (planned.length === 0) return 0;
  const done = new Set(
    (
      await ctx.db.kysely
        .selectFrom('evidence_items')
        .select('incident_id')
        .where(
          'incident_id',
          'in',
          planned.map((item) => item.id),
        )
        .execute()
    ).map((row) => row.incident_id),
  );
  const todo = planned.filter((item) => !done.has(item.id));
  if (todo.length === 0) return 0;
  const clip = await demoClip(ctx);
  const media = await probeMedia(ffprobeBinary(ctx.config.ffmpegPath), clip);
  const bytes = (await stat(clip)).size;
  const sha256 = await sha256File(clip);
  for (const item of todo) {
    const cameraId = item.extractCameraId;
    const incident = await ctx.db.kysely
      .selectFrom('incidents')
      .select('case_number')
      .where('id', '=', item.id)
      .executeTakeFirst();
    const camera = await ctx.db.kysely
      .selectFrom('cameras')
      .select('code')
      .where('id', '=', cameraId)
      .executeTakeFirst();
    if (!incident || !camera) continue;
    const tempPath = await incomingPath(ctx.config, '.mp4');
    await copyFile(clip, tempPath);
    await acquireFile(ctx, null, {
      incidentId: item.id,
      requestId: null,
      kind: 'extract',
      derivedFrom: null,
      cameraId,
      tempPath,
      fileName: `${incident.case_number}_${camera.code}.mp4`,
      mime: 'video/mp4',
      sha256,
      bytes,
      media,
      requestedFromMs: item.fromMs,
      requestedToMs: item.toMs,
      // The demo's clip is one second long: it delivers the window's first second.
      deliveredFromMs: item.fromMs,
      deliveredToMs: item.fromMs + 1000,
      clockOffset: null,
    });
  }
  return todo.length;
}
