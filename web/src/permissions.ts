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

/** Roles that read coverage, planned sites and targets (the contract's planning readers). */
export const planningRoles: readonly Role[] = [...registryRoles, 'auditor'];

/** Roles that import roads, accept suggestions and move planned sites along. */
export const planningWriterRoles: readonly Role[] = registryRoles;

/** City leaders set targets for the units under them. */
export const targetWriterRoles: readonly Role[] = ['admin', 'provincial_police'];

/** Roles that read campaigns and their ledgers. */
export const fundingRoles: readonly Role[] = [...registryRoles, 'auditor'];

/** Ward officials run campaigns: record donations and expenses. */
export const fundingWriterRoles: readonly Role[] = ['admin', 'ward_official'];

/** Roles that read the effectiveness dashboard and monthly reports (the API's analyticsReaders). */
export const analyticsRoles: readonly Role[] = [...registryRoles, 'auditor'];
