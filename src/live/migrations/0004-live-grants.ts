import type { Kysely } from 'kysely';

// A grant opens live view of a `live_on_alarm` camera for a while: an alarm its owner raised,
// or an open incident. Times are epoch milliseconds (UTC), compared with an index on the camera.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('live_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('camera_id', 'text', (c) => c.notNull().references('cameras.id'))
    /** `alarm` or `incident`. */
    .addColumn('source', 'text', (c) => c.notNull())
    /** The incident's id for `incident`; null for an alarm. */
    .addColumn('source_id', 'text')
    .addColumn('from_ms', 'bigint', (c) => c.notNull())
    .addColumn('to_ms', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    /** The user who raised it; null when the system did. */
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('live_grants_camera_to')
    .on('live_grants')
    .columns(['camera_id', 'to_ms'])
    .execute();
  await db.schema
    .createIndex('live_grants_source')
    .on('live_grants')
    .columns(['source', 'source_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('live_grants').execute();
}
