import type { Kysely } from 'kysely';

// Planned camera sites and their lifecycle, their survey photos, and the targets units set.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('planned_sites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('jurisdiction_path', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('heading', 'double precision', (c) => c.notNull())
    .addColumn('fov', 'double precision', (c) => c.notNull())
    .addColumn('range_m', 'double precision', (c) => c.notNull())
    /** proposed → surveyed → agreed → funded → installed → connected. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('surveyed_at', 'text')
    .addColumn('agreed_at', 'text')
    .addColumn('funded_at', 'text')
    .addColumn('installed_at', 'text')
    .addColumn('connected_at', 'text')
    .addColumn('responsible_name', 'text')
    .addColumn('responsible_phone', 'text')
    .addColumn('notes', 'text')
    .addColumn('estimated_cost_vnd', 'bigint')
    /** The camera installed here, once there is one. */
    .addColumn('camera_id', 'text', (c) => c.references('cameras.id'))
    /** manual or suggestion (accepted from the placement suggestions). */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('planned_sites_path')
    .on('planned_sites')
    .column('jurisdiction_path')
    .execute();

  await db.schema
    .createTable('planned_site_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('planned_sites.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    /** Relative to `<data-dir>/sites`. */
    .addColumn('stored_path', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('planned_site_photos_site')
    .on('planned_site_photos')
    .column('site_id')
    .execute();

  await db.schema
    .createTable('coverage_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('jurisdiction_path', 'text', (c) => c.notNull())
    /** cameras (installed cameras in the unit's subtree) or coverage_pct (of street length). */
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('target_value', 'double precision', (c) => c.notNull())
    /** A date (YYYY-MM-DD, Vietnam time). */
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('coverage_targets_path')
    .on('coverage_targets')
    .column('jurisdiction_path')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['coverage_targets', 'planned_site_photos', 'planned_sites']) {
    await db.schema.dropTable(table).execute();
  }
}
