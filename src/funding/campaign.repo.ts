import { sql, type Kysely } from 'kysely';
import type { Db } from '../platform/db/database';
import type { CampaignTable, Database, DonationTable, ExpenseTable } from '../platform/db/schema';

// SQL for campaigns, donations and expenses. Decisions live in the services.

type Q = Kysely<Database>;

/** A campaign with the name of its unit. */
export type CampaignRow = CampaignTable & { unit_name: string | null };

export interface EntryTotals {
  raisedVnd: number;
  donations: number;
  spentVnd: number;
  expenses: number;
  overBalanceCount: number;
}

const emptyTotals = (): EntryTotals => ({
  raisedVnd: 0,
  donations: 0,
  spentVnd: 0,
  expenses: 0,
  overBalanceCount: 0,
});

const normalizeCampaign = (row: CampaignRow): CampaignRow => ({
  ...row,
  goal_vnd: Number(row.goal_vnd),
});

function withUnit(db: Q) {
  return db
    .selectFrom('campaigns')
    .leftJoin('jurisdictions', 'jurisdictions.id', 'campaigns.unit_id')
    .selectAll('campaigns')
    .select('jurisdictions.name as unit_name');
}

/** A prefix test by substring, not LIKE, so `_` and `%` in ids are not wildcards. */
const pathStartsWith = (prefix: string) =>
  sql<boolean>`substr(campaigns.jurisdiction_path, 1, ${prefix.length}) = ${prefix}`;

export async function findCampaign(db: Q, id: string): Promise<CampaignRow | undefined> {
  const row = await withUnit(db).where('campaigns.id', '=', id).executeTakeFirst();
  return row && normalizeCampaign(row);
}

export async function listCampaignRows(
  db: Db,
  filter: { prefixes: string[]; status?: CampaignTable['status'] | undefined },
): Promise<CampaignRow[]> {
  let query = withUnit(db.kysely);
  for (const prefix of filter.prefixes) query = query.where(pathStartsWith(prefix));
  if (filter.status !== undefined) query = query.where('campaigns.status', '=', filter.status);
  const rows = await query
    .orderBy('campaigns.starts_on', 'desc')
    .orderBy('campaigns.id', 'asc')
    .execute();
  return rows.map(normalizeCampaign);
}

/** Totals per campaign, in two grouped queries whatever the number of campaigns. */
export async function entryTotals(db: Q, ids: string[]): Promise<Map<string, EntryTotals>> {
  const totals = new Map(ids.map((id) => [id, emptyTotals()]));
  if (ids.length === 0) return totals;
  const donations = await db
    .selectFrom('donations')
    .select(['campaign_id', (eb) => eb.fn.sum<number>('amount_vnd').as('amount')])
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('campaign_id', 'in', ids)
    .groupBy('campaign_id')
    .execute();
  for (const row of donations) {
    const total = totals.get(row.campaign_id)!;
    total.raisedVnd = Number(row.amount);
    total.donations = Number(row.count);
  }
  const expenses = await db
    .selectFrom('expenses')
    .select(['campaign_id', (eb) => eb.fn.sum<number>('amount_vnd').as('amount')])
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .select((eb) => eb.fn.sum<number>('over_balance').as('over'))
    .where('campaign_id', 'in', ids)
    .groupBy('campaign_id')
    .execute();
  for (const row of expenses) {
    const total = totals.get(row.campaign_id)!;
    total.spentVnd = Number(row.amount);
    total.expenses = Number(row.count);
    total.overBalanceCount = Number(row.over);
  }
  return totals;
}

export async function listDonationRows(db: Q, campaignId: string): Promise<DonationTable[]> {
  const rows = await db
    .selectFrom('donations')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('donated_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map((row) => ({
    ...row,
    amount_vnd: Number(row.amount_vnd),
    donor_public: Number(row.donor_public),
  }));
}

export async function listExpenseRows(db: Q, campaignIds: string[]): Promise<ExpenseTable[]> {
  if (campaignIds.length === 0) return [];
  const rows = await db
    .selectFrom('expenses')
    .selectAll()
    .where('campaign_id', 'in', campaignIds)
    .orderBy('spent_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map((row) => ({
    ...row,
    amount_vnd: Number(row.amount_vnd),
    over_balance: Number(row.over_balance),
  }));
}

/** Cameras by id with where they are and what state they are in. */
export async function camerasByIds(
  db: Q,
  ids: string[],
): Promise<{ id: string; jurisdiction_path: string; status: string }[]> {
  const rows: { id: string; jurisdiction_path: string; status: string }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    rows.push(
      ...(await db
        .selectFrom('cameras')
        .select(['id', 'jurisdiction_path', 'status'])
        .where('id', 'in', part)
        .execute()),
    );
  }
  return rows;
}

export async function sitesByIds(
  db: Q,
  ids: string[],
): Promise<{ id: string; jurisdiction_path: string; status: string; camera_id: string | null }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('planned_sites')
    .select(['id', 'jurisdiction_path', 'status', 'camera_id'])
    .where('id', 'in', ids)
    .execute();
}

/** Whether another entry of the campaign already carries this receipt number. */
export async function receiptTaken(
  db: Q,
  table: 'donations' | 'expenses',
  campaignId: string,
  receiptNumber: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('receipt_number', '=', receiptNumber)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Holds the campaign row until the transaction ends, so two expenses recorded at once are
 * judged against each other's balance (PostgreSQL; SQLite already writes one at a time).
 */
export async function lockCampaign(db: Q, dialect: Db['dialect'], id: string): Promise<void> {
  const query = db.selectFrom('campaigns').select('id').where('id', '=', id);
  await (dialect === 'postgres' ? query.forUpdate() : query).execute();
}

export async function insertCampaign(db: Q, row: CampaignTable): Promise<void> {
  await db.insertInto('campaigns').values(row).execute();
}

export async function updateCampaign(
  db: Q,
  id: string,
  changes: Partial<CampaignTable>,
): Promise<void> {
  await db.updateTable('campaigns').set(changes).where('id', '=', id).execute();
}

export async function insertDonations(db: Q, rows: DonationTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('donations')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export async function insertExpenses(db: Q, rows: ExpenseTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('expenses')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}
