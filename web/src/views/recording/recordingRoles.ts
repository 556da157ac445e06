// Who is offered the recording screens. The API enforces every rule again; these only keep
// people from being sent to pages or requests that would be refused.
import type { Role } from '../../api/types';

/** The health page: admin, police and ward officials (owners see their cameras' pages). */
export const healthRoles: readonly Role[] = [
  'admin',
  'provincial_police',
  'ward_police',
  'ward_official',
];

/** The media store's figures (`GET /api/storage`). */
export const storageRoles: readonly Role[] = healthRoles;

/** Holds on a camera's footage (`GET /api/holds`). */
export const holdRoles: readonly Role[] = healthRoles;
