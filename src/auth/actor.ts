import { forbidden, unauthorized } from '../platform/http/errors';

import type { Role } from './roles';

export { isRole, roles, type Role } from './roles';

/** Who is making a request, resolved once per request from the session cookie or API token. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  jurisdictionId: string | null;
  /**
   * Materialised path of the actor's unit (`/id/id/…/`); a record is in scope when its own
   * path starts with it. `null` means everywhere (admin only).
   */
  scopePath: string | null;
  via: 'session' | 'token';
}

/** Who may call a route: declared on every `/api/` route and enforced before its handler. */
export type Access = 'public' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** True when a record under `path` lies within the actor's jurisdiction. */
export function inScope(actor: Actor, path: string | null | undefined): boolean {
  if (actor.scopePath === null) return actor.role === 'admin';
  return typeof path === 'string' && path.startsWith(actor.scopePath);
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthorized();
  return actor;
}

export function requireScope(actor: Actor, path: string | null | undefined, what = 'record'): void {
  if (!inScope(actor, path)) throw forbidden(`this ${what} is outside your jurisdiction`);
}

export function checkAccess(access: Access, actor: Actor | null): void {
  if (access === 'public') return;
  const who = requireActor(actor);
  if (access === 'authenticated') return;
  if (!access.includes(who.role)) throw forbidden(`the ${who.role} role may not do this`);
}
