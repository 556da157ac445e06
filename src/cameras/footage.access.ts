import { inScope, type Actor, type Role } from '../auth/actor';
import { effectiveConsentTier, ownsCamera, type CameraAccessFacts } from './camera.access';

// Who may watch a camera live and who may play back or download what we recorded of it. The
// owner always may; police may within their area and only as far as the owner's consent goes.
// Pure: unit-tested without a database.

/** Roles that watch and extract footage (besides a camera's own owner). */
export const footageRoles = [
  'admin',
  'provincial_police',
  'ward_police',
] as const satisfies readonly Role[];

export type FootageDecision =
  | {
      allowed: true;
      /** A reason must be given (and is audited): not the viewer's own camera. */ reasonRequired: boolean;
    }
  | { allowed: false; message: string };

const deny = (message: string): FootageDecision => ({ allowed: false, message });

function policeGate(actor: Actor, row: CameraAccessFacts): FootageDecision | null {
  if (!(footageRoles as readonly string[]).includes(actor.role)) {
    return deny("only police and the camera's owner may see this camera's video");
  }
  if (actor.role !== 'admin' && !inScope(actor, row.jurisdiction_path)) {
    return deny('this camera is outside your area');
  }
  return null;
}

/**
 * Live view. `live_always`: police in the area may watch; `live_on_alarm`: only while an alarm
 * or an open incident grants it (`granted`); other tiers: only the owner.
 */
export function liveAccess(
  actor: Actor,
  row: CameraAccessFacts,
  now: Date,
  granted: boolean,
): FootageDecision {
  if (ownsCamera(actor, row)) return { allowed: true, reasonRequired: false };
  const gate = policeGate(actor, row);
  if (gate) return gate;
  switch (effectiveConsentTier(row, now)) {
    case 'live_always':
      return { allowed: true, reasonRequired: true };
    case 'live_on_alarm':
      return granted
        ? { allowed: true, reasonRequired: true }
        : deny('the owner shares live view only during an alarm or an open incident');
    case 'on_request':
    case 'registry_only':
      return deny('the owner does not share live view of this camera');
  }
}

/**
 * Recorded footage (timeline, playback, download). A `live_*` tier lets police in the area use
 * what we recorded; `on_request` footage needs the owner's approval of a footage request.
 */
export function recordedFootageAccess(
  actor: Actor,
  row: CameraAccessFacts,
  now: Date,
): FootageDecision {
  if (ownsCamera(actor, row)) return { allowed: true, reasonRequired: false };
  const gate = policeGate(actor, row);
  if (gate) return gate;
  switch (effectiveConsentTier(row, now)) {
    case 'live_always':
    case 'live_on_alarm':
      return { allowed: true, reasonRequired: true };
    case 'on_request':
      return deny("footage of this camera needs the owner's approval of a footage request");
    case 'registry_only':
      return deny('the owner does not share footage of this camera');
  }
}
