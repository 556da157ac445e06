import type { Kysely } from 'kysely';

/**
 * Makes `cameras_bbox` a covering index for the map. A viewport query then reads only index
 * pages, which hold neighbouring cameras together, instead of fetching each camera's row from
 * wherever it lies in the table: on 100,000 cameras that is most of the query's cost. The
 * scope and filter columns are included so a ward's or an owner's map stays index-only too.
 */
const mapIndexColumns = [
  'lat_cell',
  'longitude',
  'latitude',
  'jurisdiction_path',
  'owner_user_id',
  'owner_kind',
  'status',
  'consent_tier',
  'consent_expires_at',
  'heading',
  'fov',
  'range_m',
  'code',
  'name',
  'id',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cameras_bbox').execute();
  await db.schema.createIndex('cameras_bbox').on('cameras').columns(mapIndexColumns).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cameras_bbox').execute();
  await db.schema
    .createIndex('cameras_bbox')
    .on('cameras')
    .columns(['lat_cell', 'longitude'])
    .execute();
}
