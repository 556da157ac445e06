import { randomUUID } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import type { Actor } from '../auth/actor';
import { findCamera, type CameraRow } from '../cameras/camera.repo';
import type { AppContext } from '../platform/context';
import type { EvidenceItemTable } from '../platform/db/schema';
import { notFound } from '../platform/http/errors';
import { normalizeText } from '../platform/text';
import { appendCustody, auditCustody } from './custody.service';
import {
  absoluteEvidencePath,
  moveIntoStore,
  removeStored,
  storedExtension,
  storedRelativePath,
} from './evidence-files';
import { insertItem } from './evidence.repo';
import type { AcquireInput, EvidenceSource } from './evidence.types';

// Taking a file into evidence: the bytes are moved into the store and made read-only, then the
// row and its first custody event (`acquired`) are written in one transaction. A failure at any
// step leaves nothing behind: no row, no stored file, no temporary file.

const maxFileNameLength = 200;

/** Who and what the bytes came from, copied from the camera as it is now. */
export function sourceOf(camera: CameraRow | undefined, cameraId: string | null): EvidenceSource {
  return {
    cameraId: camera?.id ?? cameraId,
    cameraCode: camera?.code ?? null,
    cameraName: camera?.name ?? null,
    ownerKind: camera?.owner_kind ?? null,
    ownerName: camera?.owner_name ?? null,
    address: camera?.address ?? null,
    latitude: camera?.latitude ?? null,
    longitude: camera?.longitude ?? null,
    heading: camera?.heading ?? null,
    makeModel: camera?.make_model ?? null,
  };
}

/** The name to show and to put in packages: the last path part, trimmed and NFC-normalised. */
export function cleanFileName(given: string, ext: string): string {
  const base = normalizeText(given.split(/[\\/]/).pop() ?? '').replace(/\p{Cc}/gu, '');
  if (base === '' || base === '.' || base === '..') return `evidence${ext}`;
  return base.length <= maxFileNameLength ? base : base.slice(base.length - maxFileNameLength);
}

/**
 * Moves `input.tempPath` into `<data-dir>/evidence/<incident>/<item><ext>` (read-only, never
 * opened for writing again), stores the row and the `acquired` custody event (audited), and
 * returns the row. The bytes are not changed; the file's size must match what was hashed.
 */
export async function acquireFile(
  ctx: AppContext,
  actor: Actor | null,
  input: AcquireInput,
  meta: { ip?: string; details?: Record<string, unknown> } = {},
): Promise<EvidenceItemTable> {
  try {
    const incident = await ctx.db.kysely
      .selectFrom('incidents')
      .select('id')
      .where('id', '=', input.incidentId)
      .executeTakeFirst();
    if (!incident) throw notFound('incident');
    const size = (await stat(input.tempPath)).size;
    if (size !== input.bytes) {
      throw new Error(`the file to acquire has ${size} bytes, not the ${input.bytes} hashed`);
    }
    const camera = input.cameraId ? await findCamera(ctx.db, input.cameraId) : undefined;
    const id = randomUUID();
    const ext = storedExtension(input.fileName);
    const stored = storedRelativePath(input.incidentId, id, ext);
    const path = absoluteEvidencePath(ctx.config, stored);
    await moveIntoStore(input.tempPath, path, input.sha256);
    try {
      return await recordAcquisition(ctx, actor, input, { id, stored, ext, camera }, meta);
    } catch (error) {
      await removeStored(path);
      throw error;
    }
  } finally {
    // Gone once moved; still there if a step before the move failed.
    await rm(input.tempPath, { force: true });
  }
}

async function recordAcquisition(
  ctx: AppContext,
  actor: Actor | null,
  input: AcquireInput,
  file: { id: string; stored: string; ext: string; camera: CameraRow | undefined },
  meta: { ip?: string; details?: Record<string, unknown> },
): Promise<EvidenceItemTable> {
  const now = ctx.now().toISOString();
  const row: EvidenceItemTable = {
    id: file.id,
    incident_id: input.incidentId,
    request_id: input.requestId,
    kind: input.kind,
    derived_from: input.derivedFrom,
    camera_id: input.cameraId,
    source: JSON.stringify(sourceOf(file.camera, input.cameraId)),
    file_name: cleanFileName(input.fileName, file.ext),
    stored_path: file.stored,
    mime: input.mime,
    bytes: input.bytes,
    sha256: input.sha256,
    media: input.media ? JSON.stringify(input.media) : null,
    requested_from_ms: input.requestedFromMs,
    requested_to_ms: input.requestedToMs,
    delivered_from_ms: input.deliveredFromMs,
    delivered_to_ms: input.deliveredToMs,
    clock_offset_ms: input.clockOffset?.ms ?? null,
    clock_offset_method: input.clockOffset?.method ?? null,
    clock_offset_by: input.clockOffset?.by ?? null,
    clock_offset_at: input.clockOffset ? now : null,
    clock_offset_note: input.clockOffset?.note ?? null,
    collected_by: actor?.id ?? null,
    collected_at: now,
  };
  const details = {
    kind: row.kind,
    bytes: row.bytes,
    requestId: row.request_id,
    derivedFrom: row.derived_from,
    ...meta.details,
  };
  const pending = await auditCustody(ctx, actor, row, 'acquired', details, { ip: meta.ip });
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertItem(trx, row);
    await appendCustody(trx, ctx.db.dialect, pending);
  });
  return row;
}
