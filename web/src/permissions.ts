// What the interface offers to whom. The API enforces every rule again; these only keep
// people from being shown buttons that would be refused.
import type { OwnerKind, Role } from './api/types';

/** Roles that manage the registry for a unit (everyone except owners and auditors). */
export const registryRoles: readonly Role[] = [
  'admin',
  'provincial_police',
  'ward_police',
  'ward_official',
];

/** Roles that may register a camera: registry staff, and owners for their own. */
export const cameraCreatorRoles: readonly Role[] = [...registryRoles, 'camera_owner'];

/** Roles that use the camera registry and map (auditors read the audit log instead). */
export const cameraRoles: readonly Role[] = cameraCreatorRoles;

/** What an owner may register as their own (unit cameras are registered by officials). */
export const selfServiceOwnerKinds: readonly OwnerKind[] = [
  'household',
  'business',
  'school',
  'agency',
];

/** Roles that read the audit log. */
export const auditRoles: readonly Role[] = ['admin', 'auditor'];

/** Roles that work on incidents, footage requests and evidence (the police). */
export const incidentRoles: readonly Role[] = ['admin', 'provincial_police', 'ward_police'];
