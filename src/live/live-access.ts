import type { Actor } from '../auth/actor';
import { ownsCamera } from '../cameras/camera.access';
import type { CameraRow } from '../cameras/camera.repo';
import { auditCamera, loadReadable, type RequestMeta } from '../cameras/camera.service';
import { liveAccess, type FootageDecision } from '../cameras/footage.access';
import type { AppContext } from '../platform/context';
import { badRequest, conflict, forbidden } from '../platform/http/errors';
import { activeGrantUntil } from './grants.repo';
import type { LiveStream } from './live-viewer';

// Who may watch a camera live, decided before anything is streamed: the registry's read rule
// (404/403), the owner's consent and any active alarm grant (403 with the reason), a reason
// from anyone but the owner (400), and the audit event that the owner later reads.

export const reasonLength = { min: 3, max: 500 } as const;

/** The trimmed reason, or a 400 naming `reason` when one is required and missing or malformed. */
export function checkReason(raw: string | undefined, required: boolean): string | null {
  const reason = raw?.trim() ?? '';
  if (!required && reason === '') return null;
  if (reason.length < reasonLength.min) {
    throw badRequest(
      `a reason of at least ${reasonLength.min} characters is required to view this camera`,
      'reason',
    );
  }
  if (reason.length > reasonLength.max) {
    throw badRequest(`the reason may be at most ${reasonLength.max} characters`, 'reason');
  }
  return reason;
}

export interface LiveDecision {
  camera: CameraRow;
  decision: FootageDecision;
  /** When the active alarm or incident grant ends (ms), or null when none is active. */
  grantedUntilMs: number | null;
}

/** The decision for one camera; 404/403 when the caller cannot even read the camera. */
export async function decideLive(
  ctx: AppContext,
  actor: Actor,
  cameraId: string,
): Promise<LiveDecision> {
  const camera = await loadReadable(ctx, actor, cameraId);
  const now = ctx.now();
  const grantedUntilMs = await activeGrantUntil(ctx.db, camera.id, now.getTime());
  return {
    camera,
    decision: liveAccess(actor, camera, now, grantedUntilMs !== null),
    grantedUntilMs,
  };
}

export interface Admission {
  camera: CameraRow;
  /** The reason given, when one was required (the view is then audited). */
  reason: string | null;
}

/**
 * Lets the caller watch, or throws the HTTP error that says why not. The camera must also
 * have a stream and not be decommissioned (409).
 */
export async function admitLive(
  ctx: AppContext,
  actor: Actor,
  cameraId: string,
  rawReason: string | undefined,
): Promise<Admission> {
  const { camera, decision } = await decideLive(ctx, actor, cameraId);
  if (!decision.allowed) throw forbidden(decision.message);
  if (camera.decommissioned_at !== null || camera.status === 'decommissioned') {
    throw conflict('this camera is decommissioned', 'stream');
  }
  if (camera.main_stream_enc === null && camera.sub_stream_enc === null) {
    throw conflict('this camera has no stream to watch', 'stream');
  }
  const reason = checkReason(rawReason, decision.reasonRequired);
  return { camera, reason: decision.reasonRequired ? reason : null };
}

/** Writes the view into the audit log, against the camera, when someone else's camera is watched. */
export async function auditLiveView(
  ctx: AppContext,
  actor: Actor,
  admission: Admission,
  what: { action: 'camera.live_view' | 'camera.snapshot_view'; stream?: LiveStream },
  meta: RequestMeta,
): Promise<void> {
  if (admission.reason === null || ownsCamera(actor, admission.camera)) return;
  await auditCamera(
    ctx,
    actor,
    what.action,
    admission.camera,
    meta,
    what.stream ? { stream: what.stream } : null,
    admission.reason,
  );
}
