import type { Actor } from '../auth/actor';
import { fundedCameras, toDonation, toExpense } from '../funding/campaign.view';
import type { AppContext } from '../platform/context';
import type { DonationTable, ExpenseTable } from '../platform/db/schema';
import { badRequest } from '../platform/http/errors';
import { chunked } from './analytics.sql';
import { resolveScope } from './analytics.access';
import { parseKey } from './keys';
import * as money from './money.repo';
import * as repo from './records.repo';

// The records behind a figure: the cases, cameras, donations or expenses its key stands for,
// a page at a time, with the total that equals the figure.

export interface RecordsQuery {
  unitId: string;
  from: string;
  to: string;
  key: string;
  limit?: number | undefined;
  after?: string | undefined;
}

export interface RecordsPage {
  key: string;
  total: number;
  items: Record<string, unknown>[];
  next: string | null;
}

export const maxRecordsLimit = 500;
const defaultLimit = 100;

/** Cursors are opaque to callers: the sort values of the last row, as base64url JSON. */
const encodeCursor = (values: (string | number)[]): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url');

function decodeCursor(after: string | undefined): unknown[] | null {
  if (after === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) return value as unknown[];
  } catch (error) {
    throw badRequest(`after is not a cursor this route gave (${String(error)})`, 'after');
  }
  throw badRequest('after is not a cursor this route gave', 'after');
}

function cursorOf<A, B>(
  after: string | undefined,
  check: (a: unknown, b: unknown) => [A, B] | null,
) {
  const values = decodeCursor(after);
  if (values === null) return null;
  const pair = check(values[0], values[1]);
  if (!pair) throw badRequest('after is not a cursor this route gave', 'after');
  return pair;
}

const asString = (value: unknown): value is string => typeof value === 'string';

export async function records(
  ctx: AppContext,
  actor: Actor,
  query: RecordsQuery,
): Promise<RecordsPage> {
  const limit = query.limit ?? defaultLimit;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxRecordsLimit) {
    throw badRequest(`limit must be from 1 to ${maxRecordsLimit}`, 'limit');
  }
  const key = parseKey(query.key);
  if (!key) throw badRequest(`no figure has the key ${query.key}`, 'key');
  const { unit, period } = await resolveScope(ctx, actor, query);
  const db = ctx.db;
  const page = (
    items: Record<string, unknown>[],
    total: number,
    next: string | null,
  ): RecordsPage => ({
    key: query.key,
    total,
    items,
    next,
  });

  switch (key.family) {
    case 'incidents': {
      const pair = cursorOf(query.after, (a, b) =>
        typeof a === 'number' && asString(b) ? [a, b] : null,
      );
      const caseQuery = {
        prefix: unit.path,
        fromMs: period.fromMs,
        toMs: period.toMs,
        filter: key.filter,
      };
      const rows = await repo.listCases(db, caseQuery, {
        limit,
        after: pair ? { fromMs: pair[0], id: pair[1] } : null,
      });
      const last = rows.at(-1);
      return page(
        rows.map((row) => ({
          id: row.id,
          caseNumber: row.case_number,
          type: row.type,
          from: new Date(Number(row.from_ms)).toISOString(),
          status: row.status,
          resolution: row.resolution,
          footageHelped: row.footage_helped === null ? null : Number(row.footage_helped) === 1,
        })),
        await repo.countCases(db, caseQuery),
        rows.length === limit && last ? encodeCursor([Number(last.from_ms), last.id]) : null,
      );
    }
    case 'cameras': {
      const pair = cursorOf(query.after, (a, b) => (asString(a) && asString(b) ? [a, b] : null));
      const rows = await repo.listCameras(db, unit.path, key.filter, {
        limit,
        after: pair ? { code: pair[0], id: pair[1] } : null,
      });
      const last = rows.at(-1);
      return page(
        rows.map(cameraItem),
        await repo.countCameras(db, unit.path, key.filter),
        rows.length === limit && last ? encodeCursor([last.code, last.id]) : null,
      );
    }
    case 'camerasFunded': {
      const campaigns = await money.campaignIds(db, unit.path);
      const expenses = await money.expensesUpTo(db, campaigns, period.to);
      const ids = new Set<string>();
      for (const set of (await fundedCameras(db.kysely, expenses)).values()) {
        for (const id of set) ids.add(id);
      }
      const cameras = [];
      for (const part of chunked([...ids])) cameras.push(...(await repo.camerasByIds(db, part)));
      cameras.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id < b.id ? -1 : 1));
      const pair = cursorOf(query.after, (a, b) => (asString(a) && asString(b) ? [a, b] : null));
      const start = pair
        ? cameras.findIndex((c) => c.code > pair[0] || (c.code === pair[0] && c.id > pair[1]))
        : 0;
      const slice = start < 0 ? [] : cameras.slice(start, start + limit);
      const last = slice.at(-1);
      const more = start >= 0 && start + limit < cameras.length;
      return page(
        slice.map(cameraItem),
        ids.size,
        more && last ? encodeCursor([last.code, last.id]) : null,
      );
    }
    case 'donations':
    case 'expenses': {
      const table = key.family;
      const pair = cursorOf(query.after, (a, b) => (asString(a) && asString(b) ? [a, b] : null));
      const campaigns = await money.campaignIds(db, unit.path);
      const { total, rows } = await money.moneyRecords(db, table, campaigns, period.to, {
        limit,
        after: pair ? { day: pair[0], id: pair[1] } : null,
      });
      const items =
        table === 'donations'
          ? (rows as DonationTable[]).map((row) => ({
              campaignId: row.campaign_id,
              ...toDonation(row),
            }))
          : (rows as ExpenseTable[]).map((row) => ({
              campaignId: row.campaign_id,
              ...toExpense(row),
            }));
      const last = rows.at(-1);
      const day = (row: DonationTable | ExpenseTable) =>
        'donated_on' in row ? row.donated_on : row.spent_on;
      return page(
        items,
        total,
        rows.length === limit && last ? encodeCursor([day(last), last.id]) : null,
      );
    }
  }
}

function cameraItem(row: {
  id: string;
  code: string;
  name: string;
  status: string;
  owner_kind: string;
  consent_tier: string;
}) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    status: row.status,
    ownerKind: row.owner_kind,
    consentTier: row.consent_tier,
  };
}
