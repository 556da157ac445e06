import { randomUUID } from 'node:crypto';
import type { AppContext } from '../platform/context';
import { AppError, forbidden, notFound } from '../platform/http/errors';
import { normalizeText } from '../platform/text';
import type { Actor } from './actor';
import type { ApiToken, Me } from './auth.schemas';
import { ipKey, usernameKey, type LoginLimiter } from './login-limiter';
import { hashPassword, verifyPassword } from './password';
import { createSession, deleteSession, hashToken, loadActor, newToken } from './sessions';
import * as tokens from './tokens.repo';
import { findCredentials, findUserById } from './users.repo';
import { toUser } from './users.service';

/** A hash to check unknown usernames against, so a wrong name costs as long as a wrong password. */
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword('decoy password that matches nothing'));

export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'wrong username or password');

export async function loadMe(ctx: AppContext, userId: string): Promise<Me | null> {
  const row = await findUserById(ctx.db.kysely, userId);
  if (!row) return null;
  const { id, username, displayName, role, jurisdictionId, jurisdictionName } = toUser(row);
  return { id, username, displayName, role, jurisdictionId, jurisdictionName };
}

function minutes(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return m === 1 ? '1 minute' : `${m} minutes`;
}

/**
 * Checks credentials under the rate limit and opens a session. Every outcome is audited;
 * the password never is.
 */
export async function login(
  ctx: AppContext,
  limiter: LoginLimiter,
  input: { username: string; password: string; ip: string },
): Promise<{ token: string; expiresAt: Date; me: Me }> {
  const username = normalizeText(input.username).toLowerCase();
  const keys = [usernameKey(username), ipKey(input.ip)];
  const failed = (reason: string, user?: { id: string; path: string | null }) =>
    ctx.audit.record({
      actor: null,
      action: 'auth.login_failed',
      targetType: user ? 'user' : null,
      targetId: user?.id ?? null,
      jurisdictionPath: user?.path ?? null,
      ip: input.ip,
      details: { username, reason },
    });

  const decision = limiter.check(keys);
  if (decision.blocked) {
    await failed('rate_limited');
    const message = `too many failed logins; try again in ${minutes(decision.retryAfterSeconds)}`;
    throw new AppError(429, 'too_many_requests', message, undefined, {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }

  const credentials = await findCredentials(ctx.db.kysely, username);
  const valid = await verifyPassword(input.password, credentials?.password_hash ?? (await decoy()));
  const user = credentials ? await findUserById(ctx.db.kysely, credentials.id) : undefined;
  const actor = credentials && valid ? await loadActor(ctx, credentials.id, 'session') : null;
  if (!user || !actor) {
    limiter.recordFailure(keys);
    await failed(
      user ? 'wrong_password' : 'unknown_user',
      user && { id: user.id, path: user.jurisdiction_path },
    );
    throw invalidCredentials();
  }

  limiter.reset(usernameKey(username));
  await tokens.deleteExpiredSessionsOf(ctx.db.kysely, user.id, ctx.now().toISOString());
  const session = await createSession(ctx, user.id, input.ip);
  await ctx.audit.record({
    actor,
    action: 'auth.login',
    targetType: 'user',
    targetId: user.id,
    jurisdictionPath: user.jurisdiction_path,
    ip: input.ip,
  });
  const me = await loadMe(ctx, user.id);
  if (!me) throw invalidCredentials();
  return { ...session, me };
}

export async function logout(
  ctx: AppContext,
  actor: Actor | null,
  cookie: string | undefined,
  ip: string,
): Promise<void> {
  if (!cookie) return;
  await deleteSession(ctx, cookie);
  if (actor?.via !== 'session') return;
  await ctx.audit.record({
    actor,
    action: 'auth.logout',
    targetType: 'user',
    targetId: actor.id,
    jurisdictionPath: actor.scopePath,
    ip,
  });
}

function toApiToken(row: tokens.TokenRecord): ApiToken {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

export async function listTokens(ctx: AppContext, actor: Actor): Promise<ApiToken[]> {
  return (await tokens.listTokensOf(ctx.db.kysely, actor.id)).map(toApiToken);
}

/** Only a logged-in session may mint a token, so a leaked token cannot make more of itself. */
export async function createToken(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; expiresInDays?: number },
  ip: string,
): Promise<{ token: ApiToken; secret: string }> {
  if (actor.via !== 'session')
    throw forbidden('API tokens can only be created from a logged-in session');
  const now = ctx.now();
  const secret = newToken('mt_');
  const row = {
    id: randomUUID(),
    user_id: actor.id,
    name: normalizeText(input.name) || 'token',
    token_hash: hashToken(secret),
    created_at: now.toISOString(),
    last_used_at: null,
    expires_at: input.expiresInDays
      ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString()
      : null,
    revoked_at: null,
  };
  await tokens.insertToken(ctx.db.kysely, row);
  await ctx.audit.record({
    actor,
    action: 'auth.token_create',
    targetType: 'api_token',
    targetId: row.id,
    jurisdictionPath: actor.scopePath,
    ip,
    details: { name: row.name, expiresAt: row.expires_at },
  });
  return { token: toApiToken(row), secret };
}

export async function revokeToken(
  ctx: AppContext,
  actor: Actor,
  id: string,
  ip: string,
): Promise<void> {
  const token = await tokens.findTokenOf(ctx.db.kysely, actor.id, id);
  if (!token) throw notFound('API token');
  if (token.revoked_at) return;
  await tokens.revokeToken(ctx.db.kysely, id, ctx.now().toISOString());
  await ctx.audit.record({
    actor,
    action: 'auth.token_revoke',
    targetType: 'api_token',
    targetId: id,
    jurisdictionPath: actor.scopePath,
    ip,
    details: { name: token.name },
  });
}
