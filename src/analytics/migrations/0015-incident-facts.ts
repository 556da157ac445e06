import type { Kysely } from 'kysely';

// Two facts about a case that analytics counts and that later changes would otherwise lose: how
// it was resolved (a solved case that is then closed is still solved), and how many cameras saw
// its place when it was filed (the "with candidate cameras" step of the funnel).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('incidents').addColumn('resolution', 'text').execute();
  await db.schema.alterTable('incidents').addColumn('candidate_cameras', 'integer').execute();
  // Cases resolved before this column existed keep what their status says.
  await db
    .updateTable('incidents' as never)
    .set({ resolution: 'solved' } as never)
    .where('status' as never, '=', 'solved' as never)
    .execute();
  await db
    .updateTable('incidents' as never)
    .set({ resolution: 'unsolved' } as never)
    .where('status' as never, '=', 'unsolved' as never)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('incidents').dropColumn('candidate_cameras').execute();
  await db.schema.alterTable('incidents').dropColumn('resolution').execute();
}
