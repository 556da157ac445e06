import { sql, type Kysely } from 'kysely';
import { incidentSearchText } from '../incident-search';

// Accent-insensitive search of cases (case number, description, address), like the camera
// registry's: a folded copy of the searchable text, kept by the incidents service. Nullable, so
// rows written before (or by hand) stay valid; they are filled in here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('incidents').addColumn('search_text', 'text').execute();
  const rows = await sql<{
    id: string;
    case_number: string;
    description: string;
    address: string | null;
  }>`select id, case_number, description, address from incidents`.execute(db);
  for (const row of rows.rows) {
    await sql`update incidents set search_text = ${incidentSearchText(row)} where id = ${row.id}`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('incidents').dropColumn('search_text').execute();
}
