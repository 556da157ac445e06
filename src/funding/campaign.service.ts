import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor';
import type { RequestMeta } from '../cameras/camera.service';
import { findById } from '../jurisdictions/jurisdiction.repo';
import type { AppContext } from '../platform/context';
import type { CampaignTable } from '../platform/db/schema';
import { badRequest, conflict, forbidden } from '../platform/http/errors';
import * as repo from './campaign.repo';
import { fundedCameras, toDonation, toExpense, toSummary } from './campaign.view';
import { loadCampaign, requireFundingScope } from './funding.access';
import {
  checkAccountNumber,
  checkAmount,
  checkBankBin,
  checkPeriod,
  normalizeAccountName,
  optionalText,
  requiredText,
  type CampaignStatus,
} from './funding.rules';
import type { Campaign, CampaignInput, CampaignPatch, CampaignSummary } from './funding.schemas';
import { ledger } from './ledger';

// Campaigns: opened for a unit with a goal, a period and the bank account donors pay into;
// read with their books. Every change is audited against the campaign's unit.

export async function auditCampaign(
  ctx: AppContext,
  actor: Actor,
  action: string,
  row: Pick<CampaignTable, 'id' | 'jurisdiction_path' | 'name'>,
  meta: RequestMeta,
  details: Record<string, unknown>,
): Promise<void> {
  await ctx.audit.record({
    actor,
    action,
    targetType: 'campaign',
    targetId: row.id,
    jurisdictionPath: row.jurisdiction_path,
    ip: meta.ip ?? null,
    details: { campaign: row.name, ...details },
  });
}

/** A campaign with its books and every entry, newest first. */
export async function campaignView(ctx: AppContext, id: string): Promise<Campaign> {
  const db = ctx.db.kysely;
  const row = await repo.findCampaign(db, id);
  if (!row) throw conflict('the campaign changed while it was being read');
  const donations = (await repo.listDonationRows(db, id)).map(toDonation);
  const expenseRows = await repo.listExpenseRows(db, [id]);
  const expenses = expenseRows.map(toExpense);
  const books = ledger(donations, expenses, row.goal_vnd);
  const funded = (await fundedCameras(db, expenseRows)).get(id)?.size ?? 0;
  const totals = { ...books, donations: donations.length, expenses: expenses.length };
  return { ...toSummary(row, totals, funded), donations, expenses };
}

/** Bank, account number and holder name, checked and normalised together. */
function bankFields(input: {
  bankBin: string;
  bankName?: string | undefined;
  accountNumber: string;
  accountName: string;
}): Pick<CampaignTable, 'bank_bin' | 'bank_name' | 'account_number' | 'account_name'> {
  const bank = checkBankBin(input.bankBin.trim());
  return {
    bank_bin: bank.bin,
    bank_name: optionalText(input.bankName, 'bankName', 200) ?? bank.shortName,
    account_number: checkAccountNumber(input.accountNumber),
    account_name: normalizeAccountName(input.accountName),
  };
}

export async function createCampaign(
  ctx: AppContext,
  actor: Actor,
  input: CampaignInput,
  meta: RequestMeta = {},
): Promise<Campaign> {
  const unit = await findById(ctx.db.kysely, input.unitId);
  if (!unit) throw badRequest(`unit ${input.unitId} does not exist`, 'unitId');
  requireFundingScope(actor, unit.path, true);
  checkAmount(input.goalVnd, 'goalVnd');
  checkPeriod(input.startsOn, input.endsOn);
  const at = ctx.now().toISOString();
  const row: CampaignTable = {
    id: randomUUID(),
    unit_id: unit.id,
    jurisdiction_path: unit.path,
    name: requiredText(input.name, 'name', 200),
    description: optionalText(input.description, 'description', 5000) ?? '',
    goal_vnd: input.goalVnd,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    ...bankFields(input),
    status: 'active',
    created_by: actor.id,
    created_at: at,
    updated_at: at,
  };
  await repo.insertCampaign(ctx.db.kysely, row);
  await auditCampaign(ctx, actor, 'campaign.create', row, meta, {
    unitId: row.unit_id,
    goalVnd: row.goal_vnd,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    bankBin: row.bank_bin,
  });
  return campaignView(ctx, row.id);
}

export async function updateCampaign(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: CampaignPatch,
  meta: RequestMeta = {},
): Promise<Campaign> {
  const row = await loadCampaign(ctx, actor, id, true);
  const changes: Partial<CampaignTable> = {};
  if (patch.name !== undefined) changes.name = requiredText(patch.name, 'name', 200);
  if (patch.description !== undefined) {
    changes.description = optionalText(patch.description, 'description', 5000) ?? '';
  }
  if (patch.goalVnd !== undefined) changes.goal_vnd = checkAmount(patch.goalVnd, 'goalVnd');
  if (patch.startsOn !== undefined || patch.endsOn !== undefined) {
    checkPeriod(patch.startsOn ?? row.starts_on, patch.endsOn ?? row.ends_on);
    changes.starts_on = patch.startsOn ?? row.starts_on;
    changes.ends_on = patch.endsOn ?? row.ends_on;
  }
  const bankTouched = [patch.bankBin, patch.bankName, patch.accountNumber, patch.accountName];
  if (bankTouched.some((value) => value !== undefined)) {
    Object.assign(
      changes,
      bankFields({
        bankBin: patch.bankBin ?? row.bank_bin,
        bankName: patch.bankName ?? (patch.bankBin === undefined ? row.bank_name : undefined),
        accountNumber: patch.accountNumber ?? row.account_number,
        accountName: patch.accountName ?? row.account_name,
      }),
    );
  }
  if (patch.status !== undefined) changes.status = patch.status satisfies CampaignStatus;
  const changed = Object.keys(changes).filter(
    (key) => changes[key as keyof CampaignTable] !== row[key as keyof CampaignTable],
  );
  if (changed.length === 0) return campaignView(ctx, row.id);
  await repo.updateCampaign(ctx.db.kysely, row.id, {
    ...changes,
    updated_at: ctx.now().toISOString(),
  });
  await auditCampaign(ctx, actor, 'campaign.update', row, meta, { changed });
  return campaignView(ctx, row.id);
}

export async function getCampaign(ctx: AppContext, actor: Actor, id: string): Promise<Campaign> {
  const row = await loadCampaign(ctx, actor, id);
  return campaignView(ctx, row.id);
}

/** Summaries with their books, for campaigns of many units at once (three queries). */
export async function summarize(
  ctx: AppContext,
  rows: repo.CampaignRow[],
): Promise<CampaignSummary[]> {
  const ids = rows.map((row) => row.id);
  const totals = await repo.entryTotals(ctx.db.kysely, ids);
  const funded = await fundedCameras(ctx.db.kysely, await repo.listExpenseRows(ctx.db.kysely, ids));
  return rows.map((row) => toSummary(row, totals.get(row.id)!, funded.get(row.id)?.size ?? 0));
}

/**
 * Campaigns in the actor's jurisdiction, or of one unit and the units below it. A unit that
 * holds the actor's jurisdiction narrows to it; a unit beside it is refused.
 */
export async function listCampaigns(
  ctx: AppContext,
  actor: Actor,
  query: { unitId?: string | undefined; status?: CampaignStatus | undefined },
): Promise<{ items: CampaignSummary[] }> {
  if (actor.role !== 'admin' && actor.scopePath === null) throw forbidden();
  const prefixes = actor.scopePath === null ? [] : [actor.scopePath];
  if (query.unitId !== undefined) {
    const unit = await findById(ctx.db.kysely, query.unitId);
    if (!unit) throw badRequest(`unit ${query.unitId} does not exist`, 'unitId');
    const scope = actor.scopePath;
    if (scope !== null && !unit.path.startsWith(scope) && !scope.startsWith(unit.path)) {
      throw forbidden('this unit is outside your jurisdiction');
    }
    prefixes.push(unit.path);
  }
  const rows = await repo.listCampaignRows(ctx.db, { prefixes, status: query.status });
  return { items: await summarize(ctx, rows) };
}
