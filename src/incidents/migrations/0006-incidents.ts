import type { Kysely } from 'kysely';

// Incidents with case numbers per ward and year, the holds placed for them, footage requests
// to camera owners, and in-app notifications with their webhook deliveries.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_number', 'text', (c) => c.notNull().unique())
    /** The commune-level unit (ward) whose sequence numbers the case. */
    .addColumn('unit_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    /** Path of the most specific unit containing the point, for scope checks. */
    .addColumn('jurisdiction_path', 'text', (c) => c.notNull())
    .addColumn('case_year', 'integer', (c) => c.notNull())
    .addColumn('case_seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('from_ms', 'bigint', (c) => c.notNull())
    .addColumn('to_ms', 'bigint', (c) => c.notNull())
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_phone', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('investigating_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('footage_helped', 'integer')
    /** JSON array of `suspect`, `vehicle`, `route`, `none`. */
    .addColumn('helped_by', 'text')
    .addColumn('outcome_note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('incidents_unit_year_seq', ['unit_id', 'case_year', 'case_seq'])
    .execute();
  await db.schema
    .createIndex('incidents_path')
    .on('incidents')
    .columns(['jurisdiction_path', 'opened_at'])
    .execute();

  await db.schema
    .createTable('incident_holds')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('hold_id', 'text', (c) => c.notNull().references('holds.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_holds_pk', ['incident_id', 'hold_id'])
    .execute();

  await db.schema
    .createTable('footage_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('camera_id', 'text', (c) => c.notNull().references('cameras.id'))
    /** The owner's account when the camera has one; else the request is answered for them. */
    .addColumn('owner_user_id', 'text')
    .addColumn('from_ms', 'bigint', (c) => c.notNull())
    .addColumn('to_ms', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    /** pending → approved | declined | fulfilled | cancelled. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decline_reason', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    /** For cameras we record: null (not needed), pending, done, failed. */
    .addColumn('extraction_state', 'text')
    .addColumn('extraction_error', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('footage_requests_owner')
    .on('footage_requests')
    .columns(['owner_user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('footage_requests_incident')
    .on('footage_requests')
    .column('incident_id')
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    /** A path in the web app, e.g. `/my-requests`. */
    .addColumn('link', 'text')
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('notification_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notification_id', 'text', (c) => c.notNull().references('notifications.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    /** pending → sent | failed (after the last attempt). */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_ms', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema
    .createIndex('notification_deliveries_due')
    .on('notification_deliveries')
    .columns(['state', 'next_attempt_ms'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'notification_deliveries',
    'notifications',
    'footage_requests',
    'incident_holds',
    'incidents',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
