import type { Kysely } from 'kysely';

// Portable types only (text, integer, bigint, double precision) so one migration serves
// SQLite and PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jurisdictions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('jurisdictions.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('successor_id', 'text', (c) => c.references('jurisdictions.id'))
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('boundary', 'text')
    .addColumn('population', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('jurisdictions_code_valid_from', ['code', 'valid_from'])
    .execute();
  await db.schema.createIndex('jurisdictions_path').on('jurisdictions').column('path').execute();
  await db.schema
    .createIndex('jurisdictions_parent')
    .on('jurisdictions')
    .column('parent_id')
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('jurisdiction_id', 'text', (c) => c.references('jurisdictions.id'))
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('cameras')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('owner_name', 'text')
    .addColumn('owner_phone', 'text')
    .addColumn('owner_email', 'text')
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('jurisdiction_path', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('lat_cell', 'integer', (c) => c.notNull())
    .addColumn('heading', 'integer', (c) => c.notNull())
    .addColumn('fov', 'integer', (c) => c.notNull())
    .addColumn('range_m', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('consent_tier', 'text', (c) => c.notNull())
    .addColumn('consent_expires_at', 'text')
    .addColumn('main_stream_enc', 'text')
    .addColumn('sub_stream_enc', 'text')
    .addColumn('main_stream_display', 'text')
    .addColumn('sub_stream_display', 'text')
    .addColumn('recording_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retention_days', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('signage_posted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('installed_on', 'text')
    .addColumn('funding_source', 'text')
    .addColumn('cost_vnd', 'bigint')
    .addColumn('make_model', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('decommissioned_at', 'text')
    .execute();
  await db.schema
    .createIndex('cameras_bbox')
    .on('cameras')
    .columns(['lat_cell', 'longitude'])
    .execute();
  await db.schema
    .createIndex('cameras_jurisdiction_path')
    .on('cameras')
    .column('jurisdiction_path')
    .execute();
  await db.schema.createIndex('cameras_owner_user').on('cameras').column('owner_user_id').execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_username', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('target_owner_id', 'text')
    .addColumn('jurisdiction_path', 'text')
    .addColumn('reason', 'text')
    .addColumn('ip', 'text')
    .addColumn('details', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_events_target')
    .on('audit_events')
    .columns(['target_type', 'target_id'])
    .execute();
  await db.schema
    .createIndex('audit_events_owner')
    .on('audit_events')
    .column('target_owner_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_events',
    'cameras',
    'api_tokens',
    'sessions',
    'users',
    'jurisdictions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
