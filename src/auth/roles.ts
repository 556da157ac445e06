// The roles, with no imports, so the web app shares this file with the server.

export const roles = [
  'admin',
  'provincial_police',
  'ward_police',
  'ward_official',
  'camera_owner',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
