import type { Kysely } from 'kysely';

// Indexes the figures read through, and the monthly rollup that lets a province's dashboard
// answer from a few thousand rows instead of a million cases. The rollup is derived data: it is
// rebuilt month by month from the cases whenever their fingerprint changes, never edited.
export async function up(db: Kysely<unknown>): Promise<void> {
  const index = (name: string, table: string, columns: string[]) =>
    db.schema.createIndex(name).on(table).columns(columns).execute();
  await index('incidents_path_from', 'incidents', ['jurisdiction_path', 'from_ms']);
  await index('incidents_from', 'incidents', ['from_ms', 'updated_at']);
  await index('incidents_updated', 'incidents', ['updated_at']);
  await index('footage_requests_incident_status', 'footage_requests', ['incident_id', 'status']);
  await index('footage_requests_updated', 'footage_requests', ['updated_at']);
  await index('evidence_items_incident_kind', 'evidence_items', ['incident_id', 'kind']);
  await index('evidence_items_collected', 'evidence_items', ['collected_at']);
  await index('cameras_path_breakdown', 'cameras', [
    'jurisdiction_path',
    'status',
    'owner_kind',
    'consent_tier',
    'recording_enabled',
  ]);
  await index('cameras_path_installed', 'cameras', ['jurisdiction_path', 'installed_on']);

  /** Every unit, every month: what the league and the before/after comparison need. */
  await db.schema
    .createTable('analytics_unit_months')
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('incidents', 'integer', (c) => c.notNull())
    .addColumn('solved', 'integer', (c) => c.notNull())
    .addColumn('solved_with_footage', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_unit_months_pk', ['unit_path', 'month'])
    .execute();
  await index('analytics_unit_months_month', 'analytics_unit_months', ['month']);

  /**
   * Provinces and districts only (smaller units are counted from their cases directly): one row
   * per figure, e.g. `night`, `type:theft`, `hour:21`, `funnel:requested`.
   */
  await db.schema
    .createTable('analytics_counts')
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_counts_pk', ['unit_path', 'month', 'metric'])
    .execute();
  await index('analytics_counts_month', 'analytics_counts', ['month']);

  /** Exact histograms of solve times (whole minutes), for medians over any set of months. */
  await db.schema
    .createTable('analytics_solve_minutes')
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('with_footage', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_solve_minutes_pk', [
      'unit_path',
      'with_footage',
      'minutes',
      'month',
    ])
    .execute();
  await index('analytics_solve_minutes_month', 'analytics_solve_minutes', ['month']);
  // Covering: a province's medians are summed from the index alone, without a row lookup each.
  await index('analytics_solve_minutes_read', 'analytics_solve_minutes', [
    'unit_path',
    'with_footage',
    'minutes',
    'month',
    'n',
  ]);

  await db.schema
    .createTable('analytics_heat')
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('cell', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_heat_pk', ['unit_path', 'cell', 'month'])
    .execute();
  await index('analytics_heat_month', 'analytics_heat', ['month']);
  await index('analytics_heat_read', 'analytics_heat', ['unit_path', 'cell', 'month', 'n']);

  /** The fingerprint each month was built from; `stamp` row `*` holds the whole-table check. */
  await db.schema
    .createTable('analytics_rollup_months')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('built_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'analytics_rollup_months',
    'analytics_heat',
    'analytics_solve_minutes',
    'analytics_counts',
    'analytics_unit_months',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const name of [
    'cameras_path_installed',
    'cameras_path_breakdown',
    'evidence_items_collected',
    'evidence_items_incident_kind',
    'footage_requests_updated',
    'footage_requests_incident_status',
    'incidents_updated',
    'incidents_from',
    'incidents_path_from',
  ]) {
    await db.schema.dropIndex(name).execute();
  }
}
