import type { Kysely } from 'kysely';

/**
 * One row (id 1) holding the last event's seq and hash with a MAC made with the server key.
 * It is written in the same transaction as each append, so deleting events from the end of
 * the log, or rewriting it, leaves a head that no longer matches.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('mac', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_head').execute();
}
