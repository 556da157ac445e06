import type { Kysely } from 'kysely';

// Community fund-raising: campaigns with a bank account, the donations they received and what
// they paid for. Amounts are whole đồng (bigint), never fractions.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('jurisdiction_path', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('goal_vnd', 'bigint', (c) => c.notNull())
    /** Dates (YYYY-MM-DD). */
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    /** NAPAS bank identification number (6 digits) for VietQR. */
    .addColumn('bank_bin', 'text', (c) => c.notNull())
    .addColumn('bank_name', 'text', (c) => c.notNull())
    .addColumn('account_number', 'text', (c) => c.notNull())
    .addColumn('account_name', 'text', (c) => c.notNull())
    /** active or closed. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('campaigns_path')
    .on('campaigns')
    .column('jurisdiction_path')
    .execute();

  await db.schema
    .createTable('donations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    /** Null for an anonymous donation. */
    .addColumn('donor_name', 'text')
    /** 1 when the donor agreed to be named on the public page. */
    .addColumn('donor_public', 'integer', (c) => c.notNull())
    .addColumn('amount_vnd', 'bigint', (c) => c.notNull())
    .addColumn('donated_on', 'text', (c) => c.notNull())
    /** cash, bank_transfer, vietqr, other. */
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('receipt_number', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('donations_campaign')
    .on('donations')
    .columns(['campaign_id', 'donated_on'])
    .execute();

  await db.schema
    .createTable('expenses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('supplier', 'text')
    .addColumn('amount_vnd', 'bigint', (c) => c.notNull())
    .addColumn('spent_on', 'text', (c) => c.notNull())
    /** JSON arrays of the cameras and planned sites the money went to. */
    .addColumn('camera_ids', 'text', (c) => c.notNull())
    .addColumn('site_ids', 'text', (c) => c.notNull())
    .addColumn('receipt_number', 'text')
    .addColumn('note', 'text')
    /** 1 when it was recorded while larger than the campaign's balance (allowed, flagged). */
    .addColumn('over_balance', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('expenses_campaign')
    .on('expenses')
    .columns(['campaign_id', 'spent_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['expenses', 'donations', 'campaigns']) {
    await db.schema.dropTable(table).execute();
  }
}
