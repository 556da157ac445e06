import type { AppContext } from '../platform/context';
import { AppError, badRequest, notFound } from '../platform/http/errors';
import { foldText } from '../platform/text';
import {
  expandBbox,
  outlineFeatures,
  parseBbox,
  type BoundingBox,
  type OutlineFeature,
} from './jurisdiction-outline';
import {
  ancestorIds,
  followSuccessors,
  isCalendarDate,
  isValidOn,
  levelRank,
  vietnamDate,
} from './jurisdiction-tree';
import * as repo from './jurisdiction.repo';
import {
  toJurisdiction,
  type Jurisdiction,
  type JurisdictionDetail,
  type JurisdictionLevel,
  type JurisdictionRow,
} from './jurisdiction.types';

// Reading the unit tree. Units are public administrative facts, so any signed-in user may
// read all of them; scope limits what people do with cameras and cases, not what a map shows.

export interface ListQuery {
  q?: string;
  level?: JurisdictionLevel;
  parentId?: string;
  includeHistoric?: boolean;
  limit?: number;
}

const today = (ctx: AppContext): string => vietnamDate(ctx.now());

// Databases sort Đ after Z (or not, by collation); Vietnamese readers expect it after D.
const collator = new Intl.Collator('vi');
function inVietnameseOrder(rows: JurisdictionRow[]): JurisdictionRow[] {
  return rows.sort(
    (a, b) =>
      levelRank(a.level) - levelRank(b.level) ||
      collator.compare(a.name, b.name) ||
      a.valid_from.localeCompare(b.valid_from),
  );
}

export async function listJurisdictions(
  ctx: AppContext,
  query: ListQuery,
): Promise<Jurisdiction[]> {
  const words = foldText(query.q ?? '')
    .split(' ')
    .filter(Boolean);
  const rows = await repo.list(ctx.db.kysely, {
    words,
    level: query.level,
    parentId: query.parentId,
    validOn: query.includeHistoric ? null : today(ctx),
    limit: query.limit ?? 200,
  });
  return inVietnameseOrder(rows).map(toJurisdiction);
}

/**
 * The unit in force today for `row`: successor links are followed from a unit that has
 * ended; a loop or a dangling link stops at the last good unit rather than failing.
 */
async function currentOf(ctx: AppContext, row: JurisdictionRow): Promise<JurisdictionRow> {
  const date = today(ctx);
  const known = new Map([[row.id, row]]);
  const ended = (unit: JurisdictionRow) => unit.valid_to !== null && unit.valid_to < date;
  for (let hop = 0, unit: JurisdictionRow | undefined = row; unit && hop < 64; hop++) {
    const next: string | null = ended(unit) ? unit.successor_id : null;
    if (!next || known.has(next)) break;
    unit = await repo.findById(ctx.db.kysely, next);
    if (unit) known.set(unit.id, unit);
  }
  const walk = followSuccessors(row.id, (id) => {
    const unit = known.get(id);
    return unit && { id, successorId: ended(unit) ? unit.successor_id : null };
  });
  return known.get(walk.currentId) ?? row;
}

export async function getJurisdiction(ctx: AppContext, id: string): Promise<JurisdictionDetail> {
  const row = await repo.findById(ctx.db.kysely, id);
  if (!row) throw notFound('jurisdiction');
  const ids = ancestorIds(row.path);
  const ancestorsById = new Map((await repo.findByIds(ctx.db.kysely, ids)).map((a) => [a.id, a]));
  const ancestors = ids.flatMap((ancestorId) => {
    const ancestor = ancestorsById.get(ancestorId);
    return ancestor ? [toJurisdiction(ancestor)] : [];
  });
  const children = inVietnameseOrder(await repo.children(ctx.db.kysely, id)).map(toJurisdiction);
  const current = toJurisdiction(await currentOf(ctx, row));
  return { ...toJurisdiction(row), ancestors, children, current };
}

/** The unit that had `code` on date `at` (today by default), and the unit that carries it on today. */
export async function resolveJurisdiction(
  ctx: AppContext,
  code: string,
  at?: string,
): Promise<{ unit: Jurisdiction; current: Jurisdiction }> {
  const date = at ?? today(ctx);
  if (!isCalendarDate(date)) throw badRequest(`at "${date}" is not a date (YYYY-MM-DD)`, 'at');
  const wanted = code.trim().toUpperCase();
  const versions = await repo.findByCodes(ctx.db.kysely, [wanted]);
  const valid = versions
    .filter((v) => isValidOn({ validFrom: v.valid_from, validTo: v.valid_to }, date))
    .sort((a, b) => b.valid_from.localeCompare(a.valid_from));
  const unit = valid[0];
  if (!unit) {
    const reason =
      versions.length === 0
        ? `no unit has code ${wanted}`
        : `no unit had code ${wanted} on ${date}`;
    throw new AppError(404, 'not_found', reason, 'code');
  }
  return { unit: toJurisdiction(unit), current: toJurisdiction(await currentOf(ctx, unit)) };
}

/** Communes are far smaller than this many degrees across, so one overlapping the map has its centre within it. */
const outlineMargin = 0.5;

export interface OutlineCollection {
  type: 'FeatureCollection';
  features: OutlineFeature[];
}

export async function jurisdictionOutlines(
  ctx: AppContext,
  query: { bbox?: string; level?: JurisdictionLevel; includeHistoric?: boolean },
): Promise<OutlineCollection> {
  let box: BoundingBox | null = null;
  if (query.bbox !== undefined) {
    const parsed = parseBbox(query.bbox);
    if (typeof parsed === 'string') throw badRequest(parsed, 'bbox');
    box = parsed;
  }
  const units = await repo.outlines(ctx.db.kysely, {
    near: box && expandBbox(box, outlineMargin),
    validOn: query.includeHistoric ? null : today(ctx),
    level: query.level,
    limit: 5000,
  });
  return { type: 'FeatureCollection', features: outlineFeatures(units, box) };
}
