import type { Kysely } from 'kysely';
import type { Database, JurisdictionTable, UserTable } from '../platform/db/schema';

type Sql = Kysely<Database>;

/** A user row with the name, level and path of their unit. */
export interface UserRecord extends Omit<UserTable, 'password_hash'> {
  jurisdiction_name: string | null;
  jurisdiction_path: string | null;
}

export type UnitRecord = Pick<
  JurisdictionTable,
  'id' | 'code' | 'name' | 'level' | 'path' | 'valid_to'
>;

function selectUsers(db: Sql) {
  return db
    .selectFrom('users')
    .leftJoin('jurisdictions', 'jurisdictions.id', 'users.jurisdiction_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.jurisdiction_id',
      'users.phone',
      'users.email',
      'users.created_at',
      'jurisdictions.name as jurisdiction_name',
      'jurisdictions.path as jurisdiction_path',
    ]);
}

export async function findUserById(db: Sql, id: string): Promise<UserRecord | undefined> {
  return selectUsers(db).where('users.id', '=', id).executeTakeFirst();
}

export async function findCredentials(
  db: Sql,
  username: string,
): Promise<{ id: string; password_hash: string } | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function usernameTaken(db: Sql, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listUsers(
  db: Sql,
  filter: { role?: string; limit: number; offset: number },
): Promise<{ rows: UserRecord[]; total: number }> {
  let query = selectUsers(db);
  let count = db.selectFrom('users').select((eb) => eb.fn.countAll<number | string>().as('n'));
  if (filter.role) {
    query = query.where('users.role', '=', filter.role);
    count = count.where('role', '=', filter.role);
  }
  const rows = await query
    .orderBy('users.username')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const total = await count.executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

export async function countAdmins(db: Sql): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(db: Sql, row: UserTable): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(
  db: Sql,
  id: string,
  patch: Partial<Omit<UserTable, 'id' | 'username' | 'created_at'>>,
): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function deleteUser(db: Sql, id: string): Promise<void> {
  await db.deleteFrom('users').where('id', '=', id).execute();
}

/** Ends a user's sessions (after a password change); API tokens are revoked separately. */
export async function deleteSessionsOf(db: Sql, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/**
 * Finds a unit by id, or by official code (the current unit with that code, else the most
 * recent one), so the CLI can take `--unit 00611`.
 */
export async function findUnit(db: Sql, idOrCode: string): Promise<UnitRecord | undefined> {
  const columns = ['id', 'code', 'name', 'level', 'path', 'valid_to'] as const;
  const byId = await db
    .selectFrom('jurisdictions')
    .select(columns)
    .where('id', '=', idOrCode)
    .executeTakeFirst();
  if (byId) return byId;
  const byCode = await db
    .selectFrom('jurisdictions')
    .select(columns)
    .where('code', '=', idOrCode)
    .orderBy('valid_to', 'desc')
    .orderBy('valid_from', 'desc')
    .execute();
  return byCode.find((unit) => unit.valid_to === null) ?? byCode[0];
}

/** True for a database's unique or foreign-key violation, on SQLite and PostgreSQL alike. */
export function isConstraintError(error: unknown, kind: 'unique' | 'foreign_key'): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = String(error.code);
  if (kind === 'unique') return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}
