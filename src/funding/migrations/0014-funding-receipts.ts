import type { Kysely } from 'kysely';

// A receipt number identifies one entry of a campaign's books: two donations (or two expenses)
// of the same campaign may not share one. Entries without a receipt (null) are not compared.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('donations_receipt')
    .on('donations')
    .columns(['campaign_id', 'receipt_number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('expenses_receipt')
    .on('expenses')
    .columns(['campaign_id', 'receipt_number'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('expenses_receipt').execute();
  await db.schema.dropIndex('donations_receipt').execute();
}
