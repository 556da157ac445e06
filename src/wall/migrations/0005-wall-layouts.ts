import type { Kysely } from 'kysely';

// A user's saved video walls. The tiles are one JSON array of camera ids (null for an empty
// tile) rather than a child table: a layout is always read and written whole, never queried
// by camera, and the array keeps tile positions without an ordering column.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wall_layouts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    /** 1, 4, 9 or 16 tiles. */
    .addColumn('size', 'integer', (c) => c.notNull())
    /** JSON array of `size` entries, each a camera id or null. */
    .addColumn('camera_ids', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('wall_layouts_user')
    .on('wall_layouts')
    .columns(['user_id', 'updated_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('wall_layouts').execute();
}
