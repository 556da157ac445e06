import type { Kysely } from 'kysely';
import type { Database, DonationTable, ExpenseTable } from '../platform/db/schema';
import { sitesByIds, type CampaignRow, type EntryTotals } from './campaign.repo';
import { isChannel } from './funding.rules';
import type { CampaignSummary, Donation, Expense } from './funding.schemas';
import { costPerCamera, ledgerOf } from './ledger';

// Rows to the API's JSON, and the one count of "cameras this money paid for" that the books,
// the exports and the public page share.

/** A planned site that has its camera: the money spent on the site bought that camera. */
const installedSiteStatuses = new Set(['installed', 'connected']);

export function readIds(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The distinct cameras each campaign's expenses paid for: cameras linked directly, and the
 * cameras of linked planned sites that have been installed.
 */
export async function fundedCameras(
  db: Kysely<Database>,
  expenses: readonly Pick<ExpenseTable, 'campaign_id' | 'camera_ids' | 'site_ids'>[],
): Promise<Map<string, Set<string>>> {
  const funded = new Map<string, Set<string>>();
  const siteCampaigns = new Map<string, Set<string>>();
  for (const expense of expenses) {
    const cameras = funded.get(expense.campaign_id) ?? new Set<string>();
    funded.set(expense.campaign_id, cameras);
    for (const id of readIds(expense.camera_ids)) cameras.add(id);
    for (const id of readIds(expense.site_ids)) {
      const campaigns = siteCampaigns.get(id) ?? new Set<string>();
      campaigns.add(expense.campaign_id);
      siteCampaigns.set(id, campaigns);
    }
  }
  const sites = await sitesByIds(db, [...siteCampaigns.keys()]);
  for (const site of sites) {
    if (site.camera_id === null || !installedSiteStatuses.has(site.status)) continue;
    for (const campaignId of siteCampaigns.get(site.id) ?? []) {
      funded.get(campaignId)?.add(site.camera_id);
    }
  }
  return funded;
}

export function toDonation(row: DonationTable): Donation {
  return {
    id: row.id,
    donorName: row.donor_name,
    donorPublic: Number(row.donor_public) === 1,
    anonymous: row.donor_name === null,
    amountVnd: Number(row.amount_vnd),
    donatedOn: row.donated_on,
    channel: isChannel(row.channel) ? row.channel : 'other',
    receiptNumber: row.receipt_number,
    note: row.note,
    createdAt: row.created_at,
  };
}

export function toExpense(row: ExpenseTable): Expense {
  return {
    id: row.id,
    item: row.item,
    supplier: row.supplier,
    amountVnd: Number(row.amount_vnd),
    spentOn: row.spent_on,
    cameraIds: readIds(row.camera_ids),
    siteIds: readIds(row.site_ids),
    receiptNumber: row.receipt_number,
    note: row.note,
    overBalance: Number(row.over_balance) === 1,
    createdAt: row.created_at,
  };
}

export function toSummary(
  row: CampaignRow,
  totals: EntryTotals,
  camerasFunded: number,
): CampaignSummary {
  const books = ledgerOf(totals, row.goal_vnd);
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name ?? '',
    name: row.name,
    description: row.description,
    goalVnd: row.goal_vnd,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    bankBin: row.bank_bin,
    bankName: row.bank_name,
    accountNumber: row.account_number,
    accountName: row.account_name,
    status: row.status,
    ledger: { ...books, donations: totals.donations, expenses: totals.expenses },
    camerasFunded,
    costPerCameraVnd: costPerCamera(books.spentVnd, camerasFunded),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
