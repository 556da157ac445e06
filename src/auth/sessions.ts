import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context';
import { isRole, type Actor } from './actor';

export const SESSION_COOKIE = 'matthan_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Creates a session and returns the cookie value; only its hash is stored. */
export async function createSession(
  ctx: AppContext,
  userId: string,
  ip: string | null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000);
  await ctx.db.kysely
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      last_seen_at: now.toISOString(),
      ip,
    })
    .execute();
  return { token, expiresAt };
}

export async function deleteSession(ctx: AppContext, token: string): Promise<void> {
  await ctx.db.kysely.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

/** Loads a user as an Actor, with the materialised path of their unit as scope. */
export async function loadActor(
  ctx: AppContext,
  userId: string,
  via: Actor['via'],
): Promise<Actor | null> {
  const row = await ctx.db.kysely
    .selectFrom('users')
    .leftJoin('jurisdictions', 'jurisdictions.id', 'users.jurisdiction_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.jurisdiction_id',
      'jurisdictions.path',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row || !isRole(row.role)) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    jurisdictionId: row.jurisdiction_id,
    // Anyone but an admin without a unit has an empty scope rather than everywhere.
    scopePath: row.role === 'admin' ? null : (row.path ?? '/none/'),
    via,
  };
}

/**
 * Resolves the caller from the session cookie or an `Authorization: Bearer` API token.
 * A cookie whose user was deleted resolves to nobody (the session row went with the user).
 */
export async function resolveActor(
  ctx: AppContext,
  request: FastifyRequest,
): Promise<Actor | null> {
  const now = ctx.now().toISOString();
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const token = await ctx.db.kysely
      .selectFrom('api_tokens')
      .select(['id', 'user_id', 'expires_at', 'revoked_at'])
      .where('token_hash', '=', hashToken(header.slice('Bearer '.length).trim()))
      .executeTakeFirst();
    if (!token || token.revoked_at || (token.expires_at && token.expires_at <= now)) return null;
    await ctx.db.kysely
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('id', '=', token.id)
      .execute();
    return loadActor(ctx, token.user_id, 'token');
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const session = await ctx.db.kysely
    .selectFrom('sessions')
    .select(['id', 'user_id', 'expires_at'])
    .where('id', '=', hashToken(cookie))
    .executeTakeFirst();
  if (!session || session.expires_at <= now) return null;
  return loadActor(ctx, session.user_id, 'session');
}
