import { inScope, type Actor, type Role } from '../auth/actor';
import {
  contactProtectedOwnerKinds,
  isConsentTier,
  isOwnerKind,
  selfServiceOwnerKinds,
  type ConsentTier,
} from './camera.types';

// Who may do what with a camera. Pure functions of the actor and the row, so every rule is
// unit-tested without a database.

/** Roles that use the registry; auditors read the audit log instead. */
export const cameraRoles = [
  'admin',
  'provincial_police',
  'ward_police',
  'ward_official',
  'camera_owner',
] as const satisfies readonly Role[];
/** Roles that manage the cameras of their unit's subtree. */
export const officialRoles = [
  'provincial_police',
  'ward_police',
  'ward_official',
] as const satisfies readonly Role[];
export const importRoles = ['admin', ...officialRoles] as const satisfies readonly Role[];

/** The columns the decisions depend on. */
export interface CameraAccessFacts {
  owner_user_id: string | null;
  owner_kind: string;
  jurisdiction_path: string;
  consent_tier: string;
  consent_expires_at: string | null;
}

export const isOfficial = (actor: Actor): boolean =>
  (officialRoles as readonly string[]).includes(actor.role);
export const ownsCamera = (actor: Actor, row: Pick<CameraAccessFacts, 'owner_user_id'>): boolean =>
  row.owner_user_id !== null && row.owner_user_id === actor.id;

/** A granted tier past its expiry counts as `registry_only`: consent lapses, it is not assumed. */
export function effectiveConsentTier(
  row: Pick<CameraAccessFacts, 'consent_tier' | 'consent_expires_at'>,
  now: Date,
): ConsentTier {
  const granted = isConsentTier(row.consent_tier) ? row.consent_tier : 'registry_only';
  if (row.consent_expires_at !== null && row.consent_expires_at <= now.toISOString())
    return 'registry_only';
  return granted;
}

export function canReadCamera(actor: Actor, row: CameraAccessFacts): boolean {
  if (actor.role === 'admin' || ownsCamera(actor, row)) return true;
  return isOfficial(actor) && inScope(actor, row.jurisdiction_path);
}

/** Officials edit any camera in their subtree (they keep the registry true); owners their own. */
export function canEditCamera(actor: Actor, row: CameraAccessFacts): boolean {
  return canReadCamera(actor, row);
}

/**
 * Consent belongs to whoever owns the camera: an owner with an account decides alone (an admin
 * may correct it); a unit's camera, or one whose owner has no account, is set by its officials.
 */
export function canChangeConsent(actor: Actor, row: CameraAccessFacts): boolean {
  if (actor.role === 'admin' || ownsCamera(actor, row)) return true;
  if (row.owner_user_id !== null) return false;
  return isOfficial(actor) && inScope(actor, row.jurisdiction_path);
}

/** How the caller may see the owner's name, phone and e-mail. */
export type ContactAccess = 'visible' | 'with_reason';

export function contactAccess(actor: Actor, row: CameraAccessFacts): ContactAccess {
  if (actor.role === 'admin' || ownsCamera(actor, row)) return 'visible';
  const kind = isOwnerKind(row.owner_kind) ? row.owner_kind : 'household';
  return contactProtectedOwnerKinds.includes(kind) ? 'with_reason' : 'visible';
}

/**
 * Where a private camera's stream lives (its host, path) is shown to police only once the owner
 * shares live video; a unit's own cameras are always visible to its officials.
 */
export function streamDetailsVisible(actor: Actor, row: CameraAccessFacts, now: Date): boolean {
  if (actor.role === 'admin' || ownsCamera(actor, row)) return true;
  const kind = isOwnerKind(row.owner_kind) ? row.owner_kind : 'household';
  if (!selfServiceOwnerKinds.includes(kind)) return true;
  const tier = effectiveConsentTier(row, now);
  return tier === 'live_on_alarm' || tier === 'live_always';
}

export interface RegistrationFacts {
  ownerKind: string;
  ownerUserId: string | null;
  jurisdictionPath: string;
}

/**
 * Why this actor may not register a camera so (or change one to this), or null; a `null` actor
 * is the system seeding data. `linkChanged`: the owner account is being set or changed.
 */
export function registrationProblem(
  actor: Actor | null,
  camera: RegistrationFacts,
  linkChanged: boolean = camera.ownerUserId !== null,
): { field: string; reason: string } | null {
  if (actor === null || actor.role === 'admin') return null;
  if (actor.role === 'camera_owner') {
    const kind = isOwnerKind(camera.ownerKind) ? camera.ownerKind : null;
    if (kind === null || !selfServiceOwnerKinds.includes(kind)) {
      return {
        field: 'ownerKind',
        reason: 'must be household, business, school or agency for a camera you register yourself',
      };
    }
    if (camera.ownerUserId !== actor.id)
      return { field: 'ownerUserId', reason: 'must be your own account' };
    return null;
  }
  if (!isOfficial(actor))
    return {
      field: 'jurisdictionId',
      reason: `is not yours to use: the ${actor.role} role does not register cameras`,
    };
  if (!inScope(actor, camera.jurisdictionPath)) {
    return { field: 'jurisdictionCode', reason: 'is outside your jurisdiction' };
  }
  if (linkChanged) {
    return { field: 'ownerUserId', reason: 'may be set only by an administrator' };
  }
  return null;
}
