import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import { redactUrl } from '../platform/secret-box';
import { registrationProblem } from './camera.access';
import { existingCodes, existingUserIds, type CameraRow } from './camera.repo';
import { latCell, validateCameraInput } from './camera.rules';
import type { CameraInput } from './camera.types';
import { cameraSearchText, lineageNames, refKey, resolveUnits } from './camera-units';

// Turns camera inputs into rows ready to insert, collecting every problem of every input so
// the API can answer with the first and a CSV import with all of them.

/** 400: the value is wrong; 403: this caller may not; 409: the code is taken. */
export type ProblemStatus = 400 | 403 | 409;

export interface RowProblem {
  index: number;
  field: string;
  reason: string;
  status: ProblemStatus;
}

export interface PreparedCameras {
  rows: CameraRow[];
  problems: RowProblem[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function sealStream(
  ctx: AppContext,
  url: string | null | undefined,
): { enc: string | null; display: string | null } {
  if (!url) return { enc: null, display: null };
  return { enc: ctx.box.seal(url), display: redactUrl(url) };
}

/** Validates, resolves units, checks permission and code uniqueness, and builds the rows. */
export async function prepareCameras(
  ctx: AppContext,
  actor: Actor | null,
  inputs: unknown[],
  options: { label?: (index: number) => string } = {},
): Promise<PreparedCameras> {
  const label = options.label ?? ((index: number) => `item ${index + 1}`);
  const now = ctx.now().toISOString();
  const problems: RowProblem[] = [];
  const valid: { index: number; input: CameraInput }[] = [];
  inputs.forEach((raw, index) => {
    // A camera owner's registration is always their own, whatever the body says.
    const candidate =
      actor?.role === 'camera_owner' && isRecord(raw) ? { ...raw, ownerUserId: actor.id } : raw;
    const result = validateCameraInput(candidate);
    if (result.problems.length > 0) {
      problems.push(...result.problems.map((p) => ({ index, ...p, status: 400 as const })));
    } else valid.push({ index, input: result.value as CameraInput });
  });

  const units = await resolveUnits(
    ctx.db,
    valid.map((v) => v.input),
    now.slice(0, 10),
  );
  const resolvedUnits = [...units.values()].flatMap((r) => ('unit' in r ? [r.unit] : []));
  const names = await lineageNames(ctx.db, resolvedUnits);
  const linkedUsers = await existingUserIds(
    ctx.db,
    valid.flatMap((v) => (v.input.ownerUserId ? [v.input.ownerUserId] : [])),
  );
  const taken = await existingCodes(
    ctx.db,
    valid.map((v) => v.input.code),
  );
  const firstWithCode = new Map<string, number>();

  const rows: CameraRow[] = [];
  for (const { index, input } of valid) {
    const fail = (field: string, reason: string, status: ProblemStatus) =>
      problems.push({ index, field, reason, status });
    const resolution = units.get(refKey(input));
    if (!resolution || !('unit' in resolution)) {
      fail(resolution?.field ?? 'jurisdictionCode', resolution?.reason ?? 'is unknown', 400);
      continue;
    }
    const unit = resolution.unit;
    const ownerUserId = input.ownerUserId ?? null;
    if (ownerUserId !== null && !linkedUsers.has(ownerUserId)) {
      fail('ownerUserId', `names no known user (${ownerUserId})`, 400);
      continue;
    }
    const denied = registrationProblem(actor, {
      ownerKind: input.ownerKind,
      ownerUserId,
      jurisdictionPath: unit.path,
    });
    if (denied) {
      fail(denied.field, denied.reason, 403);
      continue;
    }
    const earlier = firstWithCode.get(input.code);
    if (earlier !== undefined) {
      fail('code', `is used twice (also on ${label(earlier)})`, 409);
      continue;
    }
    firstWithCode.set(input.code, index);
    if (taken.has(input.code)) {
      fail('code', `${input.code} is already used by another camera`, 409);
      continue;
    }
    const main = sealStream(ctx, input.mainStreamUrl);
    const sub = sealStream(ctx, input.subStreamUrl);
    const contact = { owner_name: input.ownerName ?? null, address: input.address ?? null };
    rows.push({
      id: randomUUID(),
      code: input.code,
      name: input.name,
      search_text: cameraSearchText(
        { code: input.code, name: input.name, ...contact },
        names.get(unit.id) ?? [unit.name],
      ),
      owner_kind: input.ownerKind,
      owner_user_id: ownerUserId,
      owner_name: contact.owner_name,
      owner_phone: input.ownerPhone ?? null,
      owner_email: input.ownerEmail ?? null,
      jurisdiction_id: unit.id,
      jurisdiction_path: unit.path,
      address: contact.address,
      latitude: input.latitude,
      longitude: input.longitude,
      lat_cell: latCell(input.latitude),
      heading: input.heading,
      fov: input.fov,
      range_m: input.rangeM,
      status: input.status ?? 'installed',
      consent_tier: input.consentTier ?? 'registry_only',
      consent_expires_at: input.consentExpiresAt ?? null,
      main_stream_enc: main.enc,
      sub_stream_enc: sub.enc,
      main_stream_display: main.display,
      sub_stream_display: sub.display,
      recording_enabled: input.recordingEnabled ? 1 : 0,
      retention_days: input.retentionDays ?? 30,
      signage_posted: input.signagePosted ? 1 : 0,
      installed_on: input.installedOn ?? null,
      funding_source: input.fundingSource ?? null,
      cost_vnd: input.costVnd ?? null,
      make_model: input.makeModel ?? null,
      notes: input.notes ?? null,
      created_by: actor?.id ?? null,
      created_at: now,
      updated_at: now,
      decommissioned_at: null,
    });
  }
  problems.sort((a, b) => a.index - b.index);
  return { rows, problems };
}

/** The deepest path every row lies under, so an audit event of a batch is in the right scope. */
export function commonPath(paths: string[]): string | null {
  if (paths.length === 0) return null;
  let common = paths[0]!.split('/').filter(Boolean);
  for (const path of paths.slice(1)) {
    const parts = path.split('/').filter(Boolean);
    let i = 0;
    while (i < common.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return `/${common.map((p) => `${p}/`).join('')}`;
}
