import { unitCoverage } from '../coverage/coverage.service';
import type { AppContext } from '../platform/context';
import { notFound } from '../platform/http/errors';
import * as repo from './campaign.repo';
import { fundedCameras, toDonation } from './campaign.view';
import { qrOf } from './funding-files.service';
import { ledger, ledgerOf } from './ledger';

// The transparency page: what anyone may see without an account. Money in and out, cameras
// installed and coverage reached; a donor's name only when they agreed, never a note, a phone
// or who recorded the entry.

/** Registry states of a camera that is up on its pole (not planned, not taken down). */
const installedStatuses = new Set(['installed', 'online', 'offline']);

export interface PublicCampaignSummary {
  id: string;
  unitName: string;
  name: string;
  goalVnd: number;
  raisedVnd: number;
  spentVnd: number;
  balanceVnd: number;
  startsOn: string;
  endsOn: string;
  status: 'active' | 'closed';
  camerasInstalled: number;
  coveragePct: number | null;
}

export interface PublicCampaign extends PublicCampaignSummary {
  description: string;
  donors: { name: string; amountVnd: number; donatedOn: string }[];
  anonymousCount: number;
  anonymousVnd: number;
  expenses: { item: string; supplier: string | null; amountVnd: number; spentOn: string }[];
  vietqr: { payload: string; bankName: string; accountNumber: string; accountName: string };
}

/** How many of each campaign's funded cameras are installed now. */
async function installedCounts(
  ctx: AppContext,
  campaignIds: string[],
): Promise<Map<string, number>> {
  const db = ctx.db.kysely;
  const funded = await fundedCameras(db, await repo.listExpenseRows(db, campaignIds));
  const all = [...new Set([...funded.values()].flatMap((ids) => [...ids]))];
  const installed = new Set(
    (await repo.camerasByIds(db, all))
      .filter((camera) => installedStatuses.has(camera.status))
      .map((camera) => camera.id),
  );
  return new Map(
    campaignIds.map((id) => [
      id,
      [...(funded.get(id) ?? [])].filter((c) => installed.has(c)).length,
    ]),
  );
}

/** Coverage of every camera registered in each unit (null where no roads are imported). */
async function coverageOf(ctx: AppContext, unitIds: string[]): Promise<Map<string, number | null>> {
  const pct = new Map<string, number | null>();
  for (const unitId of new Set(unitIds)) {
    pct.set(unitId, (await unitCoverage(ctx, unitId, 'all')).pct);
  }
  return pct;
}

async function summaries(
  ctx: AppContext,
  rows: repo.CampaignRow[],
): Promise<PublicCampaignSummary[]> {
  const ids = rows.map((row) => row.id);
  const totals = await repo.entryTotals(ctx.db.kysely, ids);
  const installed = await installedCounts(ctx, ids);
  const coverage = await coverageOf(
    ctx,
    rows.map((row) => row.unit_id),
  );
  return rows.map((row) => {
    const books = ledgerOf(totals.get(row.id)!, row.goal_vnd);
    return {
      id: row.id,
      unitName: row.unit_name ?? '',
      name: row.name,
      goalVnd: row.goal_vnd,
      raisedVnd: books.raisedVnd,
      spentVnd: books.spentVnd,
      balanceVnd: books.balanceVnd,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      status: row.status,
      camerasInstalled: installed.get(row.id) ?? 0,
      coveragePct: coverage.get(row.unit_id) ?? null,
    };
  });
}

export async function listPublicCampaigns(
  ctx: AppContext,
): Promise<{ items: PublicCampaignSummary[] }> {
  const rows = await repo.listCampaignRows(ctx.db, { prefixes: [] });
  return { items: await summaries(ctx, rows) };
}

export async function getPublicCampaign(ctx: AppContext, id: string): Promise<PublicCampaign> {
  const row = await repo.findCampaign(ctx.db.kysely, id);
  if (!row) throw notFound('campaign');
  const [summary] = await summaries(ctx, [row]);
  const donations = (await repo.listDonationRows(ctx.db.kysely, id)).map(toDonation);
  const expenseRows = await repo.listExpenseRows(ctx.db.kysely, [id]);
  const named = donations.filter((d) => d.donorPublic && d.donorName !== null);
  const unnamed = donations.filter((d) => !(d.donorPublic && d.donorName !== null));
  const qr = qrOf(row, null);
  return {
    ...summary!,
    description: row.description,
    donors: named.map((d) => ({
      name: d.donorName!,
      amountVnd: d.amountVnd,
      donatedOn: d.donatedOn,
    })),
    anonymousCount: unnamed.length,
    anonymousVnd: ledger(unnamed, [], 1).raisedVnd,
    expenses: expenseRows.map((e) => ({
      item: e.item,
      supplier: e.supplier,
      amountVnd: Number(e.amount_vnd),
      spentOn: e.spent_on,
    })),
    vietqr: {
      payload: qr.payload,
      bankName: qr.bankName,
      accountNumber: qr.accountNumber,
      accountName: qr.accountName,
    },
  };
}

/** The donation QR for the public page (no amount: the donor types it in their bank app). */
export async function publicQrPng(ctx: AppContext, id: string): Promise<Buffer> {
  const row = await repo.findCampaign(ctx.db.kysely, id);
  if (!row) throw notFound('campaign');
  return qrOf(row, null).png();
}
