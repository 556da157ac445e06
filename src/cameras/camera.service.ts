import { inScope, type Actor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import { AppError, forbidden, notFound } from '../platform/http/errors';
import { foldText } from '../platform/text';
import { canReadCamera, contactAccess } from './camera.access';
import { parseBbox } from './camera.geo';
import {
  countCameraRows,
  findCamera,
  insertCameraRows,
  isUniqueViolation,
  listCameraRows,
  mapCamerasJson as mapCamerasJsonRows,
  unitsByIds,
  type CameraFilter,
  type CameraRow,
} from './camera.repo';
import type { Camera } from './camera.schemas';
import type { CameraFilterQuery, CameraInput } from './camera.types';
import { toCamera, type UnitLabel } from './camera.view';
import { commonPath, prepareCameras, type RowProblem } from './camera-registration';

/** Who asked, from where: recorded with every audit event. */
export interface RequestMeta {
  ip?: string | null;
}

/** The map answers at most this many cameras; a wider view is told to zoom in. */
export const mapLimit = 10_000;

/** The first problem decides the status; every problem of that camera is listed in `details`. */
function problemError(problems: RowProblem[], batchSize: number): AppError | null {
  const first = problems[0];
  if (!first) return null;
  const where = batchSize > 1 ? `camera ${first.index + 1}: ` : '';
  const message = `${where}${first.field} ${first.reason}`;
  const details = {
    problems: problems
      .filter((p) => p.index === first.index)
      .map(({ field, reason }) => ({ field, reason })),
  };
  const code =
    first.status === 409 ? 'conflict' : first.status === 403 ? 'forbidden' : 'bad_request';
  return new AppError(first.status, code, message, first.field, details);
}

/**
 * Registers cameras in one transaction, all or none. `actor` null is the system (demo seeding):
 * no scope checks and one summary audit event; a person gets one audit event per camera.
 */
export async function createCameras(
  ctx: AppContext,
  actor: Actor | null,
  inputs: CameraInput[],
  meta: RequestMeta = {},
): Promise<string[]> {
  const { rows, problems } = await prepareCameras(ctx, actor, inputs);
  const problem = problemError(problems, inputs.length);
  if (problem) throw problem;
  await insertRows(ctx, rows);
  if (actor === null) {
    await ctx.audit.record({
      actor: null,
      action: 'camera.seed',
      targetType: 'camera',
      jurisdictionPath: commonPath(rows.map((row) => row.jurisdiction_path)),
      details: { count: rows.length },
    });
  } else {
    for (const row of rows)
      await auditCamera(ctx, actor, 'camera.create', row, meta, { code: row.code });
  }
  return rows.map((row) => row.id);
}

export async function insertRows(ctx: AppContext, rows: CameraRow[]): Promise<void> {
  try {
    await ctx.db.kysely.transaction().execute((trx) => insertCameraRows(trx, rows));
  } catch (error) {
    // Two registrations racing for one code: the unique index decides, the caller hears 409.
    if (isUniqueViolation(error))
      throw new AppError(409, 'conflict', 'a camera with this code already exists', 'code');
    throw error;
  }
}

export async function auditCamera(
  ctx: AppContext,
  actor: Actor,
  action: string,
  row: CameraRow,
  meta: RequestMeta,
  details: Record<string, unknown> | null = null,
  reason: string | null = null,
): Promise<void> {
  await ctx.audit.record({
    actor,
    action,
    targetType: 'camera',
    targetId: row.id,
    targetOwnerId: row.owner_user_id,
    jurisdictionPath: row.jurisdiction_path,
    reason,
    ip: meta.ip ?? null,
    details,
  });
}

export async function unitLabels(
  ctx: AppContext,
  rows: CameraRow[],
): Promise<Map<string, UnitLabel>> {
  return unitsByIds(
    ctx.db,
    rows.map((row) => row.jurisdiction_id),
  );
}

export async function createCamera(
  ctx: AppContext,
  actor: Actor,
  input: CameraInput,
  meta: RequestMeta,
): Promise<Camera> {
  const [id] = await createCameras(ctx, actor, [input], meta);
  return getCamera(ctx, actor, id!, {});
}

/** A camera the actor may read, or 404 / 403 (never its content). */
export async function loadReadable(ctx: AppContext, actor: Actor, id: string): Promise<CameraRow> {
  const row = await findCamera(ctx.db, id);
  if (!row) throw notFound('camera');
  if (!canReadCamera(actor, row)) throw forbidden('this camera is outside your jurisdiction');
  return row;
}

/**
 * One camera. Police and officials see a private owner's contact only when they give a
 * reason; that read is audited against the owner, so the owner sees it in their access log.
 */
export async function getCamera(
  ctx: AppContext,
  actor: Actor,
  id: string,
  options: { reason?: string | undefined } & RequestMeta,
): Promise<Camera> {
  const row = await loadReadable(ctx, actor, id);
  const reason = options.reason?.trim();
  const reveal = Boolean(reason) && contactAccess(actor, row) === 'with_reason';
  if (reveal)
    await auditCamera(ctx, actor, 'camera.contact_view', row, options, null, reason ?? null);
  const labels = await unitLabels(ctx, [row]);
  return toCamera(row, labels.get(row.jurisdiction_id), actor, ctx.now(), {
    revealContact: reveal,
  });
}

/**
 * The filter for a list, map or export: the caller's scope, then the query's own filters.
 * A jurisdiction filter outside the caller's scope is 404, as if the unit did not exist.
 */
export async function buildFilter(
  ctx: AppContext,
  actor: Actor,
  query: CameraFilterQuery,
): Promise<CameraFilter> {
  const filter: CameraFilter = { pathPrefixes: [], now: ctx.now().toISOString() };
  if (actor.role === 'camera_owner') filter.ownerUserId = actor.id;
  else if (actor.role !== 'admin') {
    if (actor.scopePath === null) throw forbidden();
    filter.pathPrefixes.push(actor.scopePath);
  }
  if (query.jurisdictionId !== undefined) {
    const unit = (await unitsByIds(ctx.db, [query.jurisdictionId])).get(query.jurisdictionId);
    const visible =
      unit !== undefined &&
      (actor.role === 'admin' ||
        actor.role === 'camera_owner' ||
        inScope(actor, unit.path) ||
        (actor.scopePath ?? '').startsWith(unit.path));
    if (!unit || !visible) throw notFound('jurisdiction');
    filter.pathPrefixes.push(unit.path);
  }
  if (query.ownerKind !== undefined) filter.ownerKind = query.ownerKind;
  if (query.status !== undefined) filter.status = query.status;
  if (query.consentTier !== undefined) filter.consentTier = query.consentTier;
  const terms = foldText(query.q ?? '')
    .split(' ')
    .filter(Boolean);
  if (terms.length > 0) filter.terms = terms;
  if (query.bbox !== undefined) filter.bbox = parseBbox(query.bbox);
  return filter;
}

export async function listCameras(
  ctx: AppContext,
  actor: Actor,
  query: CameraFilterQuery,
  page: { limit: number; offset: number },
): Promise<{ items: Camera[]; total: number }> {
  const filter = await buildFilter(ctx, actor, query);
  const [rows, total] = await Promise.all([
    listCameraRows(ctx.db, filter, page),
    countCameraRows(ctx.db, filter),
  ]);
  const labels = await unitLabels(ctx, rows);
  const now = ctx.now();
  return {
    items: rows.map((row) => toCamera(row, labels.get(row.jurisdiction_id), actor, now)),
    total,
  };
}

/** The cameras this user owns, wherever they are. */
export async function listMyCameras(ctx: AppContext, actor: Actor): Promise<{ items: Camera[] }> {
  const filter: CameraFilter = {
    pathPrefixes: [],
    ownerUserId: actor.id,
    now: ctx.now().toISOString(),
  };
  const rows = await listCameraRows(ctx.db, filter, { limit: 10_000, offset: 0 });
  const labels = await unitLabels(ctx, rows);
  const now = ctx.now();
  return { items: rows.map((row) => toCamera(row, labels.get(row.jurisdiction_id), actor, now)) };
}

/**
 * The map's answer as JSON text, `{"items":[MapCamera…],"truncated":…}`, built by the database
 * (see `mapQuery`). Past `mapLimit` cameras the answer is cut and marked, so the map asks the
 * user to zoom in rather than draw a country.
 */
export async function mapCamerasJson(
  ctx: AppContext,
  actor: Actor,
  query: CameraFilterQuery,
): Promise<string> {
  const filter = await buildFilter(ctx, actor, query);
  const { count, items } = await mapCamerasJsonRows(ctx.db, filter, mapLimit + 1);
  if (count <= mapLimit) return `{"items":${items},"truncated":false}`;
  const kept = (JSON.parse(items) as unknown[]).slice(0, mapLimit);
  return `{"items":${JSON.stringify(kept)},"truncated":true}`;
}

/**
 * The plain stream URLs, for the recorder only: never pass them to a response or a log line
 * (use the redacted display columns for those).
 */
export async function streamUrlsFor(
  ctx: AppContext,
  cameraId: string,
): Promise<{ mainStreamUrl: string | null; subStreamUrl: string | null }> {
  const row = await findCamera(ctx.db, cameraId);
  if (!row) throw notFound('camera');
  return {
    mainStreamUrl: row.main_stream_enc === null ? null : ctx.box.open(row.main_stream_enc),
    subStreamUrl: row.sub_stream_enc === null ? null : ctx.box.open(row.sub_stream_enc),
  };
}
