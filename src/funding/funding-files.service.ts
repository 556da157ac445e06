import type { Actor } from '../auth/actor';
import type { RequestMeta } from '../cameras/camera.service';
import type { AppContext } from '../platform/context';
import type { CampaignTable } from '../platform/db/schema';
import { auditCampaign, campaignView } from './campaign.service';
import { loadCampaign } from './funding.access';
import { ledgerCsv, ledgerFileName, ledgerXlsx } from './ledger-export';
import { parseQrAmount, transferPurpose, vietQrPayload, vietQrPng } from './vietqr';

// What a campaign hands out as files and codes: the VietQR for donors, and the books.

export interface CampaignQr {
  payload: string;
  bankBin: string;
  bankName: string;
  accountNumber: string;
  accountName: string;
  amountVnd: number | null;
  purpose: string;
  png(): Promise<Buffer>;
}

/** The VietQR of a campaign row; shared with the public page, which has no actor. */
export function qrOf(
  row: Pick<CampaignTable, 'name' | 'bank_bin' | 'bank_name' | 'account_number' | 'account_name'>,
  amountVnd: number | null,
): CampaignQr {
  const payload = vietQrPayload(
    { name: row.name, bankBin: row.bank_bin, accountNumber: row.account_number },
    amountVnd,
  );
  return {
    payload,
    bankBin: row.bank_bin,
    bankName: row.bank_name,
    accountNumber: row.account_number,
    accountName: row.account_name,
    amountVnd,
    purpose: transferPurpose(row.name),
    png: () => vietQrPng(payload),
  };
}

export async function campaignQr(
  ctx: AppContext,
  actor: Actor,
  id: string,
  amount: string | undefined,
): Promise<CampaignQr> {
  const amountVnd = parseQrAmount(amount);
  return qrOf(await loadCampaign(ctx, actor, id), amountVnd);
}

export async function exportLedger(
  ctx: AppContext,
  actor: Actor,
  id: string,
  format: 'xlsx' | 'csv',
  meta: RequestMeta = {},
): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const row = await loadCampaign(ctx, actor, id);
  const campaign = await campaignView(ctx, row.id);
  const body = format === 'xlsx' ? await ledgerXlsx(campaign) : ledgerCsv(campaign);
  // The books name donors, so who took a copy is on record.
  await auditCampaign(ctx, actor, 'campaign.export', row, meta, {
    format,
    donations: campaign.ledger.donations,
    expenses: campaign.ledger.expenses,
  });
  return {
    body,
    contentType:
      format === 'xlsx'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8',
    fileName: ledgerFileName(campaign, format),
  };
}
