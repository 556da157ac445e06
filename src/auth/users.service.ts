import { randomUUID } from 'node:crypto';
import type { AppContext } from '../platform/context';
import type { JurisdictionTable } from '../platform/db/schema';
import { badRequest, conflict, notFound } from '../platform/http/errors';
import { normalizeText } from '../platform/text';
import { isRole, roles, type Actor, type Role } from './actor';
import type { User } from './auth.schemas';
import { hashPassword, passwordProblem } from './password';
import * as repo from './users.repo';

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  role: string;
  jurisdictionId?: string | null;
  phone?: string | null;
  email?: string | null;
}

export type UpdateUserInput = Partial<Omit<CreateUserInput, 'username'>>;

/** Where the request came from, for the audit record. */
export interface RequestMeta {
  ip?: string | null;
}

type Level = JurisdictionTable['level'];

const usernamePattern = /^[a-z0-9._-]{3,64}$/;
const unitLevelsByRole: Record<Exclude<Role, 'admin'>, readonly Level[] | 'any'> = {
  provincial_police: ['province'],
  ward_police: ['commune'],
  ward_official: ['commune', 'residential_group'],
  camera_owner: 'any',
  auditor: 'any',
};
const levelNames: Record<Level, string> = {
  province: 'a province',
  district: 'a district',
  commune: 'a ward or commune',
  residential_group: 'a residential group',
};

/** Why a role cannot belong to a unit of this level (null when it can). Admins need no unit. */
export function roleUnitProblem(role: Role, level: Level | null): string | null {
  if (role === 'admin') return null;
  const allowed = unitLevelsByRole[role];
  if (level === null) return `the ${role} role needs a unit`;
  if (allowed === 'any' || allowed.includes(level)) return null;
  return `the ${role} role must belong to ${allowed.map((l) => levelNames[l]).join(' or ')}, not ${levelNames[level]}`;
}

export function toUser(row: repo.UserRecord): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: isRole(row.role) ? row.role : 'camera_owner',
    jurisdictionId: row.jurisdiction_id,
    jurisdictionName: row.jurisdiction_name,
    phone: row.phone,
    email: row.email,
    createdAt: row.created_at,
  };
}

function checkRole(role: string): Role {
  if (!isRole(role)) throw badRequest(`role must be one of ${roles.join(', ')}`, 'role');
  return role;
}

async function checkUnit(
  ctx: AppContext,
  role: Role,
  idOrCode: string | null | undefined,
): Promise<repo.UnitRecord | null> {
  const unit = (idOrCode ? await repo.findUnit(ctx.db.kysely, idOrCode) : null) ?? null;
  if (idOrCode && !unit)
    throw badRequest(`no unit has the id or code ${idOrCode}`, 'jurisdictionId');
  const problem = roleUnitProblem(role, unit?.level ?? null);
  if (problem) throw badRequest(problem, 'jurisdictionId');
  return unit;
}

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw badRequest(`password ${problem}`, 'password');
}

function cleanContact(
  field: 'phone' | 'email',
  value: string | null | undefined,
): string | null | undefined {
  if (value === undefined || value === null) return value;
  const clean = normalizeText(value);
  if (clean === '') return null;
  const valid =
    field === 'email' ? /^[^@\s]+@[^@\s]+$/.test(clean) : /^[0-9+() .-]{3,40}$/.test(clean);
  if (!valid)
    throw badRequest(
      `${field} is not a valid ${field === 'email' ? 'email address' : 'phone number'}`,
      field,
    );
  return clean;
}

function cleanDisplayName(value: string): string {
  const clean = normalizeText(value);
  if (clean === '' || clean.length > 200)
    throw badRequest('displayName must be 1–200 characters', 'displayName');
  return clean;
}

/** Creates an account. `actor` is null when the CLI or the demo seeder creates it. */
export async function createUser(
  ctx: AppContext,
  input: CreateUserInput,
  actor: Actor | null,
  meta: RequestMeta = {},
): Promise<{ id: string }> {
  const username = input.username.trim();
  if (!usernamePattern.test(username)) {
    throw badRequest(
      'username must be 3–64 characters of a–z, 0–9, dot, dash or underscore',
      'username',
    );
  }
  const displayName = cleanDisplayName(input.displayName);
  checkPassword(input.password);
  const role = checkRole(input.role);
  const unit = await checkUnit(ctx, role, input.jurisdictionId);
  const phone = cleanContact('phone', input.phone) ?? null;
  const email = cleanContact('email', input.email) ?? null;
  if (await repo.usernameTaken(ctx.db.kysely, username))
    throw conflict(`username ${username} is taken`, 'username');

  const id = randomUUID();
  try {
    await repo.insertUser(ctx.db.kysely, {
      id,
      username,
      display_name: displayName,
      password_hash: await hashPassword(input.password),
      role,
      jurisdiction_id: unit?.id ?? null,
      phone,
      email,
      created_at: ctx.now().toISOString(),
    });
  } catch (error) {
    // Two requests for the same name at once: the unique index decides.
    if (repo.isConstraintError(error, 'unique'))
      throw conflict(`username ${username} is taken`, 'username');
    throw error;
  }
  await ctx.audit.record({
    actor,
    action: 'user.create',
    targetType: 'user',
    targetId: id,
    jurisdictionPath: unit?.path ?? null,
    ip: meta.ip ?? null,
    details: { username, role, jurisdictionId: unit?.id ?? null },
  });
  return { id };
}

export async function getUser(ctx: AppContext, id: string): Promise<User> {
  const row = await repo.findUserById(ctx.db.kysely, id);
  if (!row) throw notFound('user');
  return toUser(row);
}

export async function listUsers(
  ctx: AppContext,
  filter: { role?: string; limit?: number; offset?: number },
): Promise<{ items: User[]; total: number }> {
  const { rows, total } = await repo.listUsers(ctx.db.kysely, {
    role: filter.role,
    limit: filter.limit ?? 200,
    offset: filter.offset ?? 0,
  });
  return { items: rows.map(toUser), total };
}

async function refuseToRemoveLastAdmin(
  ctx: AppContext,
  current: repo.UserRecord,
  nextRole: Role | null,
): Promise<void> {
  if (current.role !== 'admin' || nextRole === 'admin') return;
  if ((await repo.countAdmins(ctx.db.kysely)) <= 1) {
    throw conflict(
      'this is the last admin account; make another admin first',
      nextRole ? 'role' : undefined,
    );
  }
}

export async function updateUser(
  ctx: AppContext,
  id: string,
  input: UpdateUserInput,
  actor: Actor,
  meta: RequestMeta = {},
): Promise<User> {
  const current = await repo.findUserById(ctx.db.kysely, id);
  if (!current) throw notFound('user');
  const role = input.role === undefined ? checkRole(current.role) : checkRole(input.role);
  const unitChanged = input.jurisdictionId !== undefined || input.role !== undefined;
  const unit = unitChanged
    ? await checkUnit(
        ctx,
        role,
        input.jurisdictionId === undefined ? current.jurisdiction_id : input.jurisdictionId,
      )
    : undefined;
  if (input.password !== undefined) checkPassword(input.password);
  await refuseToRemoveLastAdmin(ctx, current, role);

  const patch: Parameters<typeof repo.updateUser>[2] = {};
  if (input.displayName !== undefined) patch.display_name = cleanDisplayName(input.displayName);
  if (input.role !== undefined) patch.role = role;
  if (unit !== undefined) patch.jurisdiction_id = unit?.id ?? null;
  if (input.phone !== undefined) patch.phone = cleanContact('phone', input.phone) ?? null;
  if (input.email !== undefined) patch.email = cleanContact('email', input.email) ?? null;
  if (input.password !== undefined) patch.password_hash = await hashPassword(input.password);
  await repo.updateUser(ctx.db.kysely, id, patch);
  // A new password ends the user's sessions, unless they changed their own.
  if (input.password !== undefined && actor.id !== id)
    await repo.deleteSessionsOf(ctx.db.kysely, id);

  const changed = Object.keys(input).filter(
    (key) => input[key as keyof UpdateUserInput] !== undefined,
  );
  const updated = await getUser(ctx, id);
  const path = unit === undefined ? current.jurisdiction_path : (unit?.path ?? null);
  await ctx.audit.record({
    actor,
    action: 'user.update',
    targetType: 'user',
    targetId: id,
    jurisdictionPath: path,
    ip: meta.ip ?? null,
    details: {
      username: current.username,
      changed,
      role: updated.role,
      jurisdictionId: updated.jurisdictionId,
    },
  });
  return updated;
}

export async function deleteUser(
  ctx: AppContext,
  id: string,
  actor: Actor | null,
  meta: RequestMeta = {},
): Promise<void> {
  const current = await repo.findUserById(ctx.db.kysely, id);
  if (!current) throw notFound('user');
  if (actor?.id === id) throw conflict('you cannot delete your own account');
  await refuseToRemoveLastAdmin(ctx, current, null);
  try {
    await repo.deleteUser(ctx.db.kysely, id);
  } catch (error) {
    if (repo.isConstraintError(error, 'foreign_key')) {
      throw conflict(`user ${current.username} is still referenced by other records`);
    }
    throw error;
  }
  await ctx.audit.record({
    actor,
    action: 'user.delete',
    targetType: 'user',
    targetId: id,
    jurisdictionPath: current.jurisdiction_path,
    ip: meta.ip ?? null,
    details: { username: current.username, role: current.role },
  });
}
