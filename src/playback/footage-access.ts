import type { Actor } from '../auth/actor';
import type { CameraRow } from '../cameras/camera.repo';
import { auditCamera, loadReadable, type RequestMeta } from '../cameras/camera.service';
import { recordedFootageAccess } from '../cameras/footage.access';
import type { AppContext } from '../platform/context';
import { badRequest, forbidden } from '../platform/http/errors';
import { normalizeText } from '../platform/text';

// Who may play back and download a camera's recordings, and the reason they give. The rules
// themselves are in `cameras/footage.access.ts`; this applies them to a request.

export const reasonLength = { min: 3, max: 500 } as const;

export interface FootageGrant {
  camera: CameraRow;
  /** The caller's reason, trimmed; null for the owner, who needs none. */
  reason: string | null;
  /** The caller is not the owner: each view is written to the owner's access log. */
  audited: boolean;
}

/** The reason as given, trimmed and NFC-normalised, or a 400 naming `reason`. */
export function checkReason(raw: string | undefined): string {
  const reason = normalizeText(raw ?? '');
  if (reason.length < reasonLength.min) {
    throw badRequest(
      raw === undefined || reason === ''
        ? "a reason is required to see footage of someone else's camera"
        : `the reason must be at least ${reasonLength.min} characters`,
      'reason',
    );
  }
  if (reason.length > reasonLength.max) {
    throw badRequest(`the reason may be at most ${reasonLength.max} characters`, 'reason');
  }
  return reason;
}

/**
 * The camera, if the caller may see what was recorded of it. A camera the caller cannot read
 * at all is 404/403 as everywhere; a readable one whose owner does not share footage with this
 * caller is 403 with the rule's own words. With `needReason`, a non-owner must give a reason.
 */
export async function grantFootage(
  ctx: AppContext,
  actor: Actor,
  cameraId: string,
  options: { needReason: boolean; reason?: string | undefined },
): Promise<FootageGrant> {
  const camera = await loadReadable(ctx, actor, cameraId);
  const decision = recordedFootageAccess(actor, camera, ctx.now());
  if (!decision.allowed) throw forbidden(decision.message);
  if (!decision.reasonRequired) return { camera, reason: null, audited: false };
  const reason = options.needReason ? checkReason(options.reason) : null;
  return { camera, reason, audited: true };
}

/**
 * Remembers what was audited lately so one playback session (the player fetches a window every
 * few minutes) or one export (fetched again by Range requests) is one audit event, not dozens.
 * Per process: in a cluster each API node may write its own event, which errs on the side of more.
 */
export class RecentAudits {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    /** Each use extends the window: a session lasts while the viewer keeps watching. */
    private readonly sliding: boolean,
  ) {}

  /** True when `key` was not seen within the window (the caller audits); remembers it. */
  claim(key: string, nowMs: number): boolean {
    const until = this.until.get(key);
    const fresh = until === undefined || until <= nowMs;
    if (fresh || this.sliding) this.until.set(key, nowMs + this.ttlMs);
    if (this.until.size > 10_000) this.prune(nowMs);
    return fresh;
  }

  /** Forgets `key`, so the next request audits again (the audit write failed). */
  release(key: string): void {
    this.until.delete(key);
  }

  private prune(nowMs: number): void {
    for (const [key, until] of this.until) if (until <= nowMs) this.until.delete(key);
  }
}

/** Writes one access-log event for the owner, unless this key was audited within the window. */
export async function auditFootageOnce(
  ctx: AppContext,
  recent: RecentAudits,
  key: string,
  event: {
    actor: Actor;
    grant: FootageGrant;
    action: 'footage.playback' | 'footage.download';
    meta: RequestMeta;
    details: Record<string, unknown>;
  },
): Promise<void> {
  if (!event.grant.audited) return;
  if (!recent.claim(key, ctx.now().getTime())) return;
  try {
    await auditCamera(
      ctx,
      event.actor,
      event.action,
      event.grant.camera,
      event.meta,
      event.details,
      event.grant.reason,
    );
  } catch (error) {
    recent.release(key);
    throw error;
  }
}
