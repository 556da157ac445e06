import type { Actor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import { AppError, badRequest, conflict, forbidden } from '../platform/http/errors';
import { canChangeConsent, canEditCamera, registrationProblem } from './camera.access';
import {
  existingCodes,
  existingUserIds,
  isUniqueViolation,
  unitsByIds,
  updateCameraRow,
  type CameraRow,
} from './camera.repo';
import { latCell, validateCameraInput } from './camera.rules';
import type { Camera } from './camera.schemas';
import { auditCamera, getCamera, loadReadable, type RequestMeta } from './camera.service';
import type { CameraPatch, ConsentTier } from './camera.types';
import { cameraSearchText, lineageNames, resolveUnits } from './camera-units';
import { sealStream } from './camera-registration';

// Changes to a registered camera: edits, consent and decommissioning. Each is checked against
// the caller's rights on that camera and audited with the camera's unit and owner.

/** Input fields stored as they are, under another column name. */
const plainColumns = {
  code: 'code',
  name: 'name',
  ownerKind: 'owner_kind',
  ownerName: 'owner_name',
  ownerPhone: 'owner_phone',
  ownerEmail: 'owner_email',
  ownerUserId: 'owner_user_id',
  address: 'address',
  longitude: 'longitude',
  heading: 'heading',
  fov: 'fov',
  rangeM: 'range_m',
  status: 'status',
  consentTier: 'consent_tier',
  consentExpiresAt: 'consent_expires_at',
  retentionDays: 'retention_days',
  installedOn: 'installed_on',
  fundingSource: 'funding_source',
  costVnd: 'cost_vnd',
  makeModel: 'make_model',
  notes: 'notes',
} as const satisfies Partial<Record<keyof CameraPatch, keyof CameraRow>>;

async function loadEditable(ctx: AppContext, actor: Actor, id: string): Promise<CameraRow> {
  const row = await loadReadable(ctx, actor, id);
  if (!canEditCamera(actor, row)) throw forbidden('you may not change this camera');
  return row;
}

export async function updateCamera(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: unknown,
  meta: RequestMeta,
): Promise<Camera> {
  const { value: patch, problems } = validateCameraInput(body, { partial: true });
  const problem = problems[0];
  if (problem) throw badRequest(`${problem.field} ${problem.reason}`, problem.field, { problems });
  const row = await loadEditable(ctx, actor, id);

  const consentChanged = patch.consentTier !== undefined || patch.consentExpiresAt !== undefined;
  if (consentChanged && !canChangeConsent(actor, row)) {
    throw new AppError(
      403,
      'forbidden',
      "only the camera's owner changes its consent tier",
      'consentTier',
    );
  }
  const ownerUserId = patch.ownerUserId !== undefined ? patch.ownerUserId : row.owner_user_id;
  const linkChanged = ownerUserId !== row.owner_user_id;
  if (
    linkChanged &&
    ownerUserId !== null &&
    !(await existingUserIds(ctx.db, [ownerUserId])).has(ownerUserId)
  ) {
    throw badRequest(`ownerUserId names no known user (${ownerUserId})`, 'ownerUserId');
  }

  let unit = (await unitsByIds(ctx.db, [row.jurisdiction_id])).get(row.jurisdiction_id);
  if (patch.jurisdictionId != null || patch.jurisdictionCode != null) {
    const ref = {
      jurisdictionId: patch.jurisdictionId ?? null,
      jurisdictionCode: patch.jurisdictionCode ?? null,
    };
    const resolution = [
      ...(await resolveUnits(ctx.db, [ref], ctx.now().toISOString().slice(0, 10))).values(),
    ][0];
    if (!resolution || !('unit' in resolution)) {
      throw badRequest(
        `${resolution?.field ?? 'jurisdictionCode'} ${resolution?.reason ?? 'is unknown'}`,
        resolution?.field,
      );
    }
    unit = resolution.unit;
  }
  if (!unit) throw new Error(`camera ${row.id} names a missing jurisdiction`);
  const ownerKind = patch.ownerKind ?? row.owner_kind;
  if (linkChanged || unit.id !== row.jurisdiction_id || ownerKind !== row.owner_kind) {
    const denied = registrationProblem(
      actor,
      { ownerKind, ownerUserId, jurisdictionPath: unit.path },
      linkChanged,
    );
    if (denied)
      throw new AppError(403, 'forbidden', `${denied.field} ${denied.reason}`, denied.field);
  }
  if (
    patch.code !== undefined &&
    patch.code !== row.code &&
    (await existingCodes(ctx.db, [patch.code], row.id)).size > 0
  ) {
    throw conflict(`code ${patch.code} is already used by another camera`, 'code');
  }

  const changes: Partial<CameraRow> = { updated_at: ctx.now().toISOString() };
  for (const [field, column] of Object.entries(plainColumns) as [
    keyof typeof plainColumns,
    keyof CameraRow,
  ][]) {
    if (patch[field] !== undefined) Object.assign(changes, { [column]: patch[field] });
  }
  if (patch.latitude !== undefined)
    Object.assign(changes, { latitude: patch.latitude, lat_cell: latCell(patch.latitude) });
  if (patch.recordingEnabled !== undefined)
    changes.recording_enabled = patch.recordingEnabled ? 1 : 0;
  if (patch.signagePosted !== undefined) changes.signage_posted = patch.signagePosted ? 1 : 0;
  if (patch.mainStreamUrl !== undefined) {
    const sealed = sealStream(ctx, patch.mainStreamUrl);
    Object.assign(changes, { main_stream_enc: sealed.enc, main_stream_display: sealed.display });
  }
  if (patch.subStreamUrl !== undefined) {
    const sealed = sealStream(ctx, patch.subStreamUrl);
    Object.assign(changes, { sub_stream_enc: sealed.enc, sub_stream_display: sealed.display });
  }
  // Giving a decommissioned camera a working status brings it back into service.
  if (patch.status !== undefined && row.status === 'decommissioned')
    changes.decommissioned_at = null;
  Object.assign(changes, { jurisdiction_id: unit.id, jurisdiction_path: unit.path });
  const merged = { ...row, ...changes };
  const names = (await lineageNames(ctx.db, [unit])).get(unit.id) ?? [unit.name];
  changes.search_text = cameraSearchText(merged, names);

  try {
    await updateCameraRow(ctx.db, row.id, changes);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('a camera with this code already exists', 'code');
    throw error;
  }
  // Field names only: the values may hold contact details or stream credentials.
  await auditCamera(ctx, actor, 'camera.update', { ...row, ...changes }, meta, {
    fields: Object.keys(patch).sort(),
  });
  return getCamera(ctx, actor, row.id, meta);
}

export async function decommissionCamera(
  ctx: AppContext,
  actor: Actor,
  id: string,
  reason: string,
  meta: RequestMeta,
): Promise<Camera> {
  const why = reason.trim();
  if (!why) throw badRequest('reason is required', 'reason');
  const row = await loadEditable(ctx, actor, id);
  if (row.status === 'decommissioned')
    throw conflict('this camera is already decommissioned', 'status');
  const at = ctx.now().toISOString();
  await updateCameraRow(ctx.db, row.id, {
    status: 'decommissioned',
    decommissioned_at: at,
    updated_at: at,
  });
  await auditCamera(
    ctx,
    actor,
    'camera.decommission',
    row,
    meta,
    { previousStatus: row.status },
    why,
  );
  return getCamera(ctx, actor, row.id, meta);
}

export async function setConsent(
  ctx: AppContext,
  actor: Actor,
  id: string,
  consent: { consentTier: ConsentTier; consentExpiresAt?: string | null | undefined },
  meta: RequestMeta,
): Promise<Camera> {
  const row = await loadReadable(ctx, actor, id);
  if (!canChangeConsent(actor, row)) {
    throw new AppError(
      403,
      'forbidden',
      "only the camera's owner changes its consent tier",
      'consentTier',
    );
  }
  const expires = consent.consentExpiresAt ? new Date(consent.consentExpiresAt) : null;
  if (expires && Number.isNaN(expires.getTime()))
    throw badRequest('consentExpiresAt is not a date and time', 'consentExpiresAt');
  const expiresAt = expires ? expires.toISOString() : null;
  await updateCameraRow(ctx.db, row.id, {
    consent_tier: consent.consentTier,
    consent_expires_at: expiresAt,
    updated_at: ctx.now().toISOString(),
  });
  await auditCamera(ctx, actor, 'camera.consent_change', row, meta, {
    from: row.consent_tier,
    to: consent.consentTier,
    expiresAt,
  });
  return getCamera(ctx, actor, row.id, meta);
}
