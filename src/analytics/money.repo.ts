import type { Db } from '../platform/db/database';
import type { DonationTable, ExpenseTable } from '../platform/db/schema';
import { underPath, chunked } from './analytics.sql';

// SQL for the money of a subtree: its campaigns' donations and expenses up to a day.

export async function campaignIds(db: Db, prefix: string): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom('campaigns')
    .select('id')
    .where(underPath(db, 'campaigns.jurisdiction_path', prefix))
    .execute();
  return rows.map((row) => row.id);
}

export async function raisedUpTo(
  db: Db,
  campaigns: readonly string[],
  to: string,
): Promise<number> {
  let raised = 0;
  for (const part of chunked(campaigns)) {
    const row = await db.kysely
      .selectFrom('donations')
      .select((eb) => eb.fn.sum<number>('amount_vnd').as('amount'))
      .where('campaign_id', 'in', part)
      .where('donated_on', '<=', to)
      .executeTakeFirst();
    raised += Number(row?.amount ?? 0);
  }
  return raised;
}

export type ExpenseFacts = Pick<ExpenseTable, 'campaign_id' | 'camera_ids' | 'site_ids'> & {
  amount_vnd: number;
};

export async function expensesUpTo(
  db: Db,
  campaigns: readonly string[],
  to: string,
): Promise<ExpenseFacts[]> {
  const out: ExpenseFacts[] = [];
  for (const part of chunked(campaigns)) {
    const rows = await db.kysely
      .selectFrom('expenses')
      .select(['campaign_id', 'camera_ids', 'site_ids', 'amount_vnd'])
      .where('campaign_id', 'in', part)
      .where('spent_on', '<=', to)
      .execute();
    out.push(...rows.map((row) => ({ ...row, amount_vnd: Number(row.amount_vnd) })));
  }
  return out;
}

/** The donations or expenses behind `money.raised` / `money.spent`, newest first, paged. */
export async function moneyRecords(
  db: Db,
  table: 'donations' | 'expenses',
  campaigns: readonly string[],
  to: string,
  page: { limit: number; after: { day: string; id: string } | null },
): Promise<{ total: number; rows: (DonationTable | ExpenseTable)[] }> {
  if (campaigns.length === 0) return { total: 0, rows: [] };
  const day = table === 'donations' ? 'donated_on' : 'spent_on';
  // Campaign ids of one subtree are few (tens); one IN list each.
  const base = () =>
    db.kysely
      .selectFrom(table as 'donations')
      .where('campaign_id', 'in', [...campaigns])
      .where(day as 'donated_on', '<=', to);
  const count = await base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  let query = base().selectAll();
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb(day as 'donated_on', '<', after.day),
        eb.and([eb(day as 'donated_on', '=', after.day), eb('id', '<', after.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy(day as 'donated_on', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .execute();
  return {
    total: Number(count?.n ?? 0),
    rows: rows as unknown as (DonationTable | ExpenseTable)[],
  };
}
