import type { Kysely } from 'kysely';
import type { ApiTokenTable, Database } from '../platform/db/schema';

type Sql = Kysely<Database>;
export type TokenRecord = Omit<ApiTokenTable, 'token_hash'>;

const columns = [
  'id',
  'user_id',
  'name',
  'created_at',
  'last_used_at',
  'expires_at',
  'revoked_at',
] as const;

export async function listTokensOf(db: Sql, userId: string): Promise<TokenRecord[]> {
  return db
    .selectFrom('api_tokens')
    .select(columns)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function findTokenOf(
  db: Sql,
  userId: string,
  id: string,
): Promise<TokenRecord | undefined> {
  return db
    .selectFrom('api_tokens')
    .select(columns)
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function insertToken(db: Sql, row: ApiTokenTable): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function revokeToken(db: Sql, id: string, at: string): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Drops a user's expired sessions, so the table does not grow with every login. */
export async function deleteExpiredSessionsOf(db: Sql, userId: string, now: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('expires_at', '<=', now)
    .execute();
}
