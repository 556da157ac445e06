import type { Kysely } from 'kysely';

// Times are epoch milliseconds (UTC) in bigint columns: segment and hold ranges are compared
// and summed constantly, and integers index and compare fastest on both databases.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('segments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('camera_id', 'text', (c) => c.notNull().references('cameras.id'))
    .addColumn('stream', 'text', (c) => c.notNull().defaultTo('main'))
    .addColumn('start_ms', 'bigint', (c) => c.notNull())
    .addColumn('end_ms', 'bigint', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    /** Relative to the media folder, so the folder can move. */
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('codec', 'text')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('has_audio', 'integer', (c) => c.notNull().defaultTo(0))
    /** `ok`, or `missing` when the file vanished from disk. */
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('ok'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('segments_camera_start')
    .on('segments')
    .columns(['camera_id', 'start_ms'])
    .execute();
  await db.schema.createIndex('segments_start').on('segments').column('start_ms').execute();

  await db.schema
    .createTable('recording_gaps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('camera_id', 'text', (c) => c.notNull().references('cameras.id'))
    .addColumn('start_ms', 'bigint', (c) => c.notNull())
    /** Null while the gap is still open (the camera has not come back yet). */
    .addColumn('end_ms', 'bigint')
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recording_gaps_camera_start')
    .on('recording_gaps')
    .columns(['camera_id', 'start_ms'])
    .execute();

  await db.schema
    .createTable('holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('camera_id', 'text', (c) => c.notNull().references('cameras.id'))
    .addColumn('from_ms', 'bigint', (c) => c.notNull())
    .addColumn('to_ms', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('released_at', 'text')
    .addColumn('released_by', 'text')
    .execute();
  await db.schema.createIndex('holds_camera').on('holds').column('camera_id').execute();

  await db.schema
    .createTable('camera_health_log')
    .addColumn('camera_id', 'text', (c) => c.notNull().references('cameras.id'))
    .addColumn('at_ms', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('camera_health_log_camera_at')
    .on('camera_health_log')
    .columns(['camera_id', 'at_ms'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['camera_health_log', 'holds', 'recording_gaps', 'segments']) {
    await db.schema.dropTable(table).execute();
  }
}
