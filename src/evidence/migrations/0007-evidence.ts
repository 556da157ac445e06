import type { Kysely } from 'kysely';

// Evidence items (bytes exactly as acquired, hashed), their hash-chained custody log, and the
// packages exported for a case.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('request_id', 'text')
    /** extract (from our recording), upload (from the owner), viewing_copy (derived). */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('derived_from', 'text')
    .addColumn('camera_id', 'text')
    /** JSON: camera code and name, owner, address, latitude, longitude, heading, make/model. */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    /** Relative to `<data-dir>/evidence`. */
    .addColumn('stored_path', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    /** JSON summary from ffprobe: container, codecs, duration, size. */
    .addColumn('media', 'text')
    .addColumn('requested_from_ms', 'bigint')
    .addColumn('requested_to_ms', 'bigint')
    .addColumn('delivered_from_ms', 'bigint')
    .addColumn('delivered_to_ms', 'bigint')
    /** Camera clock minus true time, in ms (positive: the camera runs ahead). */
    .addColumn('clock_offset_ms', 'bigint')
    /** stream (measured from our recording) or officer (entered). */
    .addColumn('clock_offset_method', 'text')
    .addColumn('clock_offset_by', 'text')
    .addColumn('clock_offset_at', 'text')
    .addColumn('clock_offset_note', 'text')
    .addColumn('collected_by', 'text')
    .addColumn('collected_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evidence_items_incident')
    .on('evidence_items')
    .column('incident_id')
    .execute();

  await db.schema
    .createTable('custody_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('evidence_items.id'))
    /** 1, 2, … per item: each item has its own chain, so a package carries whole chains. */
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_username', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    /** The audit event written with it. */
    .addColumn('audit_seq', 'integer')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('custody_events_item_seq', ['item_id', 'seq'])
    .execute();

  await db.schema
    .createTable('evidence_packages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('stored_path', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('manifest_sha256', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evidence_packages_incident')
    .on('evidence_packages')
    .column('incident_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['evidence_packages', 'custody_events', 'evidence_items']) {
    await db.schema.dropTable(table).execute();
  }
}
