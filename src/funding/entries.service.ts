import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import { isUniqueViolation } from '../cameras/camera.repo';
import type { RequestMeta } from '../cameras/camera.service';
import { vietnamDate } from '../jurisdictions/jurisdiction-tree';
import type { AppContext } from '../platform/context';
import type { Database, DonationTable, ExpenseTable } from '../platform/db/schema';
import { badRequest, conflict } from '../platform/http/errors';
import * as repo from './campaign.repo';
import { auditCampaign } from './campaign.service';
import { toDonation, toExpense } from './campaign.view';
import { loadCampaign } from './funding.access';
import {
  checkAmount,
  checkChannel,
  checkIdList,
  checkNotFuture,
  optionalText,
  requiredText,
} from './funding.rules';
import type { Donation, DonationInput, Expense, ExpenseInput } from './funding.schemas';
import { exceedsBalance, ledgerOf } from './ledger';

// Donations and expenses: each written in one transaction with the checks that depend on the
// books (receipt numbers, the balance), so nothing is half-saved and the flag is honest.

export const overBalanceWarning = 'over_balance';

const duplicateReceipt = (receipt: string) =>
  conflict(`receipt number ${receipt} is already in this campaign's books`, 'receiptNumber');

function requireOpen(status: string): void {
  if (status !== 'active') {
    throw conflict('the campaign is closed; reopen it to record entries', 'status');
  }
}

/** Runs `write` in a transaction; a unique-index race on the receipt becomes the same 409. */
async function inTransaction<T>(
  ctx: AppContext,
  receipt: string | null,
  write: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.db.kysely.transaction().execute(write);
  } catch (error) {
    if (receipt !== null && isUniqueViolation(error)) throw duplicateReceipt(receipt);
    throw error;
  }
}

export async function recordDonation(
  ctx: AppContext,
  actor: Actor,
  campaignId: string,
  input: DonationInput,
  meta: RequestMeta = {},
): Promise<Donation> {
  const campaign = await loadCampaign(ctx, actor, campaignId, true);
  requireOpen(campaign.status);
  const donorName = optionalText(input.donorName, 'donorName', 200);
  const donorPublic = input.donorPublic ?? false;
  if (donorPublic && donorName === null) {
    throw badRequest('an anonymous donation cannot be named publicly', 'donorPublic');
  }
  const receipt = optionalText(input.receiptNumber, 'receiptNumber', 60);
  const row: DonationTable = {
    id: randomUUID(),
    campaign_id: campaign.id,
    donor_name: donorName,
    donor_public: donorPublic ? 1 : 0,
    amount_vnd: checkAmount(input.amountVnd, 'amountVnd'),
    donated_on: checkNotFuture(input.donatedOn, 'donatedOn', vietnamDate(ctx.now())),
    channel: checkChannel(input.channel),
    receipt_number: receipt,
    note: optionalText(input.note, 'note', 1000),
    recorded_by: actor.id,
    created_at: ctx.now().toISOString(),
  };
  await inTransaction(ctx, receipt, async (trx) => {
    if (receipt !== null && (await repo.receiptTaken(trx, 'donations', campaign.id, receipt))) {
      throw duplicateReceipt(receipt);
    }
    await repo.insertDonations(trx, [row]);
  });
  await auditCampaign(ctx, actor, 'donation.create', campaign, meta, {
    donationId: row.id,
    amountVnd: row.amount_vnd,
    donatedOn: row.donated_on,
    channel: row.channel,
    receiptNumber: row.receipt_number,
  });
  return toDonation(row);
}

/** 400 naming `field` and the first id that is missing or outside the campaign's unit. */
async function checkLinks(
  trx: Kysely<Database>,
  path: string,
  cameraIds: string[],
  siteIds: string[],
): Promise<void> {
  const cameras = new Map((await repo.camerasByIds(trx, cameraIds)).map((c) => [c.id, c]));
  const sites = new Map((await repo.sitesByIds(trx, siteIds)).map((s) => [s.id, s]));
  const lists = [
    ['cameraIds', 'camera', cameraIds, cameras],
    ['siteIds', 'planned site', siteIds, sites],
  ] as const;
  for (const [field, what, ids, found] of lists) {
    ids.forEach((id, index) => {
      const record = found.get(id);
      if (!record) throw badRequest(`${field}[${index}]: ${what} ${id} does not exist`, field);
      if (!record.jurisdiction_path.startsWith(path)) {
        throw badRequest(`${field}[${index}]: ${what} ${id} is not in the campaign's unit`, field);
      }
    });
  }
}

export async function recordExpense(
  ctx: AppContext,
  actor: Actor,
  campaignId: string,
  input: ExpenseInput,
  meta: RequestMeta = {},
): Promise<{ expense: Expense; overBalance: boolean; warning: string | null }> {
  const campaign = await loadCampaign(ctx, actor, campaignId, true);
  requireOpen(campaign.status);
  const receipt = optionalText(input.receiptNumber, 'receiptNumber', 60);
  const cameraIds = checkIdList(input.cameraIds, 'cameraIds');
  const siteIds = checkIdList(input.siteIds, 'siteIds');
  const amount = checkAmount(input.amountVnd, 'amountVnd');
  const draft: Omit<ExpenseTable, 'over_balance'> = {
    id: randomUUID(),
    campaign_id: campaign.id,
    item: requiredText(input.item, 'item', 300),
    supplier: optionalText(input.supplier, 'supplier', 200),
    amount_vnd: amount,
    spent_on: checkNotFuture(input.spentOn, 'spentOn', vietnamDate(ctx.now())),
    camera_ids: JSON.stringify(cameraIds),
    site_ids: JSON.stringify(siteIds),
    receipt_number: receipt,
    note: optionalText(input.note, 'note', 1000),
    recorded_by: actor.id,
    created_at: ctx.now().toISOString(),
  };
  const row = await inTransaction(ctx, receipt, async (trx) => {
    await repo.lockCampaign(trx, ctx.db.dialect, campaign.id);
    await checkLinks(trx, campaign.jurisdiction_path, cameraIds, siteIds);
    if (receipt !== null && (await repo.receiptTaken(trx, 'expenses', campaign.id, receipt))) {
      throw duplicateReceipt(receipt);
    }
    const totals = (await repo.entryTotals(trx, [campaign.id])).get(campaign.id)!;
    const { balanceVnd } = ledgerOf(totals, campaign.goal_vnd);
    const full: ExpenseTable = {
      ...draft,
      over_balance: exceedsBalance(balanceVnd, amount) ? 1 : 0,
    };
    await repo.insertExpenses(trx, [full]);
    return full;
  });
  const overBalance = row.over_balance === 1;
  await auditCampaign(ctx, actor, 'expense.create', campaign, meta, {
    expenseId: row.id,
    amountVnd: row.amount_vnd,
    spentOn: row.spent_on,
    cameraIds,
    siteIds,
    overBalance,
  });
  return { expense: toExpense(row), overBalance, warning: overBalance ? overBalanceWarning : null };
}
