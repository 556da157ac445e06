import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Actor } from '../auth/actor';
import type { RequestMeta } from '../cameras/camera.service';
import type { AppContext } from '../platform/context';
import { AppError, badRequest, notFound } from '../platform/http/errors';
import { photoFileName, photoMaxBytes, photoTooLarge, requireImage } from './site-photo-rules';
import * as repo from './sites.repo';
import { toPhoto, type Photo } from './sites.schemas';
import { loadSite } from './sites.service';

// Survey photos of a planned site, kept under `<data-dir>/sites/<siteId>/<photoId>.<ext>`.
// A photo is at most 10 MB, so it is read whole into memory and checked before anything is
// written: a refused file leaves nothing behind.

const sitesDir = (ctx: AppContext) => join(ctx.config.dataDir, 'sites');

/** Reads a request body up to `limit` bytes; past it, 413 without reading the rest. */
async function readLimited(body: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of body) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      bytes += buffer.length;
      if (bytes > limit) throw photoTooLarge();
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw badRequest('the upload was interrupted', 'file');
  }
  return Buffer.concat(chunks);
}

export interface PhotoUpload {
  fileName: string | undefined;
  body: Readable | undefined;
  declaredBytes: number | null;
}

export async function addSitePhoto(
  ctx: AppContext,
  actor: Actor,
  siteId: string,
  upload: PhotoUpload,
  meta: RequestMeta = {},
): Promise<Photo> {
  const site = await loadSite(ctx, actor, siteId);
  if (upload.declaredBytes !== null && upload.declaredBytes > photoMaxBytes) throw photoTooLarge();
  if (upload.body === undefined) throw badRequest('the photo is empty', 'file');
  const bytes = await readLimited(upload.body, photoMaxBytes);
  const kind = requireImage(bytes);
  const fileName = photoFileName(upload.fileName, kind);
  const id = randomUUID();
  const storedPath = `${site.id}/${id}.${kind.ext}`;
  const fullPath = join(sitesDir(ctx), storedPath);
  await mkdir(join(sitesDir(ctx), site.id), { recursive: true });
  await writeFile(fullPath, bytes, { flag: 'wx' });
  const row = {
    id,
    site_id: site.id,
    file_name: fileName,
    stored_path: storedPath,
    mime: kind.mime,
    bytes: bytes.length,
    created_by: actor.id,
    created_at: ctx.now().toISOString(),
  };
  try {
    await repo.insertPhoto(ctx.db, row);
  } catch (error) {
    // Not recorded, the file would be an orphan nobody can reach.
    await rm(fullPath, { force: true });
    throw error;
  }
  await ctx.audit.record({
    actor,
    action: 'site.photo',
    targetType: 'planned_site',
    targetId: site.id,
    jurisdictionPath: site.jurisdiction_path,
    ip: meta.ip ?? null,
    details: { name: site.name, photoId: id, fileName, mime: kind.mime, bytes: bytes.length },
  });
  return toPhoto(row);
}

export async function readSitePhoto(
  ctx: AppContext,
  actor: Actor,
  siteId: string,
  photoId: string,
): Promise<{ mime: string; fileName: string; bytes: Buffer }> {
  const site = await loadSite(ctx, actor, siteId);
  const row = await repo.findPhoto(ctx.db, site.id, photoId);
  if (!row) throw notFound('photo');
  const bytes = await readFile(join(sitesDir(ctx), row.stored_path)).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('photo file');
    throw error;
  });
  return { mime: row.mime, fileName: row.file_name, bytes };
}
