import type { Kysely } from 'kysely';

// The street network a unit imported (OpenStreetMap GeoJSON), cut into straight segments, the
// unit of coverage: a segment is covered where it runs through a camera's field-of-view wedge.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('road_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('features', 'integer', (c) => c.notNull())
    .addColumn('segments', 'integer', (c) => c.notNull())
    .addColumn('length_m', 'double precision', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('road_segments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('import_id', 'text', (c) => c.notNull().references('road_imports.id'))
    /** The unit the import was for; `jurisdiction_path` is the deepest unit holding the segment. */
    .addColumn('unit_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('jurisdiction_path', 'text', (c) => c.notNull())
    /** The OpenStreetMap way (`way/123`) or the feature's position in the file. */
    .addColumn('way_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    /** OpenStreetMap `highway` value: primary, secondary, tertiary, residential, service, … */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** Position of the segment along its way, 0, 1, … */
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('lat1', 'double precision', (c) => c.notNull())
    .addColumn('lng1', 'double precision', (c) => c.notNull())
    .addColumn('lat2', 'double precision', (c) => c.notNull())
    .addColumn('lng2', 'double precision', (c) => c.notNull())
    .addColumn('length_m', 'double precision', (c) => c.notNull())
    .addColumn('min_lat', 'double precision', (c) => c.notNull())
    .addColumn('max_lat', 'double precision', (c) => c.notNull())
    .addColumn('min_lng', 'double precision', (c) => c.notNull())
    .addColumn('max_lng', 'double precision', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('road_segments_path')
    .on('road_segments')
    .column('jurisdiction_path')
    .execute();
  await db.schema.createIndex('road_segments_unit').on('road_segments').column('unit_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('road_segments').execute();
  await db.schema.dropTable('road_imports').execute();
}
