import type { Actor } from '../auth/actor';
import { canEditCamera } from '../cameras/camera.access';
import { auditCamera, loadReadable, type RequestMeta } from '../cameras/camera.service';
import type { AppContext } from '../platform/context';
import { badRequest, conflict, forbidden } from '../platform/http/errors';
import { isHealthState, uptimePercent, type HealthState } from './health';
import { healthHistory, type HealthHistory } from './health.repo';
import type { LiveHealth } from './recorder';
import type { RecordingStatus, SegmentList } from './recording.schemas';
import {
  setRecordingEnabled,
  statusCameras,
  type CameraScope,
  type StatusCameraRow,
} from './recording.repo';
import { gapsInRange, segmentsInRange } from './segments.repo';

const dayMs = 86_400_000;
/** The longest range one segment listing covers. */
export const maxRangeDays = 31;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One camera's recording status: the recorder's own view when this process records it, else
 * the health log (a cluster's API node reads what the recorder nodes wrote).
 */
export function composeStatus(
  row: StatusCameraRow,
  history: HealthHistory,
  live: LiveHealth | null,
  options: { nowMs: number; hasRecorder: boolean; canControl: boolean },
): RecordingStatus {
  const recording = row.recording_enabled === 1 && row.has_stream === 1;
  const latest = history.latest.get(row.id);
  let state: HealthState;
  let lastError: string | null = null;
  let sinceMs: number | null = null;
  if (live) {
    state = live.state;
    lastError = live.error;
    sinceMs = live.sinceMs;
  } else if (latest && isHealthState(latest.state)) {
    state = latest.state;
    lastError = latest.error;
    sinceMs = latest.atMs;
  } else state = 'offline';
  // The switch has moved and the recorder has not reported yet.
  if (!recording && state !== 'disabled') state = 'disabled';
  if (recording && !live && state === 'disabled')
    state = options.hasRecorder ? 'connecting' : 'offline';
  const entries = history.entries.get(row.id) ?? [];
  const before = history.before.get(row.id) ?? null;
  return {
    cameraId: row.id,
    code: row.code,
    name: row.name,
    state,
    lastError,
    since: sinceMs === null ? null : iso(sinceMs),
    uptimePct24h:
      entries.length === 0 && before === null
        ? null
        : uptimePercent(entries, before, options.nowMs - dayMs, options.nowMs),
    bitrateKbps: live?.bitrateKbps ?? null,
    fps: live?.fps ?? null,
    recording,
    canControl: options.canControl,
  };
}

function scopeOf(actor: Actor): CameraScope {
  if (actor.role === 'admin') return { all: true };
  if (actor.role === 'camera_owner') return { ownerUserId: actor.id };
  if (actor.scopePath === null) throw forbidden();
  return { pathPrefix: actor.scopePath };
}

async function statuses(
  ctx: AppContext,
  actor: Actor,
  rows: StatusCameraRow[],
): Promise<RecordingStatus[]> {
  const nowMs = ctx.now().getTime();
  const history = await healthHistory(
    ctx.db,
    rows.map((row) => row.id),
    nowMs - dayMs,
  );
  return rows.map((row) =>
    composeStatus(row, history, ctx.recorder?.health(row.id) ?? null, {
      nowMs,
      hasRecorder: ctx.recorder !== null,
      canControl: canEditCamera(actor, row),
    }),
  );
}

/** Every camera in the caller's area that has a stream, with its recorder's health. */
export async function recordingStatusList(
  ctx: AppContext,
  actor: Actor,
  page: { limit: number; offset: number },
): Promise<{ items: RecordingStatus[] }> {
  const rows = await statusCameras(ctx.db, scopeOf(actor), page);
  return { items: await statuses(ctx, actor, rows) };
}

async function statusRow(ctx: AppContext, actor: Actor, cameraId: string) {
  const camera = await loadReadable(ctx, actor, cameraId);
  const row: StatusCameraRow = {
    ...camera,
    has_stream: camera.main_stream_enc === null ? 0 : 1,
  };
  return { camera, row };
}

export async function cameraRecordingStatus(
  ctx: AppContext,
  actor: Actor,
  cameraId: string,
): Promise<RecordingStatus> {
  const { row } = await statusRow(ctx, actor, cameraId);
  const [status] = await statuses(ctx, actor, [row]);
  return status!;
}

/** Turns recording on or off (audited), and tells this process's recorder at once. */
export async function setRecording(
  ctx: AppContext,
  actor: Actor,
  cameraId: string,
  change: { enabled: boolean; reason: string },
  meta: RequestMeta,
): Promise<RecordingStatus> {
  const { camera } = await statusRow(ctx, actor, cameraId);
  if (!canEditCamera(actor, camera)) throw forbidden('you may not change this camera');
  if (change.enabled && camera.main_stream_enc === null) {
    throw conflict('this camera has no main stream URL to record', 'enabled');
  }
  if (change.enabled && (camera.decommissioned_at !== null || camera.status === 'decommissioned')) {
    throw conflict('this camera is decommissioned', 'enabled');
  }
  if (Boolean(camera.recording_enabled) !== change.enabled) {
    await setRecordingEnabled(ctx.db, camera.id, change.enabled, ctx.now().toISOString());
    const action = change.enabled ? 'recording.start' : 'recording.stop';
    await auditCamera(ctx, actor, action, camera, meta, null, change.reason.trim());
    await ctx.recorder?.sync();
  }
  return cameraRecordingStatus(ctx, actor, cameraId);
}

/** The range asked for, checked: ISO instants, `from` before `to`, at most 31 days. */
export function segmentRange(
  query: { from?: string | undefined; to?: string | undefined },
  nowMs: number,
): { fromMs: number; toMs: number } {
  const toMs = query.to === undefined ? nowMs : Date.parse(query.to);
  const fromMs = query.from === undefined ? toMs - dayMs : Date.parse(query.from);
  if (Number.isNaN(toMs)) throw badRequest('must be an ISO 8601 instant', 'to');
  if (Number.isNaN(fromMs)) throw badRequest('must be an ISO 8601 instant', 'from');
  if (fromMs >= toMs) throw badRequest('must be before `to`', 'from');
  if (toMs - fromMs > maxRangeDays * dayMs) {
    throw badRequest(`the range may cover at most ${maxRangeDays} days`, 'from');
  }
  return { fromMs, toMs };
}

/** A camera's segments and gaps in a range, for the police, officials in scope, its owner, admin. */
export async function listSegments(
  ctx: AppContext,
  actor: Actor,
  cameraId: string,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<SegmentList> {
  const { fromMs, toMs } = segmentRange(query, ctx.now().getTime());
  // Readable means: admin, the owner, or police and officials in whose area it is.
  const camera = await loadReadable(ctx, actor, cameraId);
  const [segments, gaps] = await Promise.all([
    segmentsInRange(ctx.db, camera.id, fromMs, toMs),
    gapsInRange(ctx.db, camera.id, fromMs, toMs),
  ]);
  return {
    items: segments.map((s) => ({
      id: s.id,
      startAt: iso(Number(s.start_ms)),
      endAt: iso(Number(s.end_ms)),
      durationMs: Number(s.end_ms) - Number(s.start_ms),
      bytes: Number(s.bytes),
      codec: s.codec,
      width: s.width,
      height: s.height,
      hasAudio: s.has_audio === 1,
      state: s.state,
    })),
    gaps: gaps.map((g) => ({
      startAt: iso(Number(g.start_ms)),
      endAt: g.end_ms === null ? null : iso(Number(g.end_ms)),
      reason: g.reason,
    })),
  };
}
