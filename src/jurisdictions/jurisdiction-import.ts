import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import { AppError, forbidden, tooLarge } from '../platform/http/errors';
import { searchText } from '../platform/text';
import { planImport, type ExistingUnit, type PlannedUnit } from './jurisdiction-plan';
import {
  csvColumn,
  jsonItemsToRows,
  parseCsvRows,
  parseJsonRows,
  type ParsedRows,
} from './jurisdiction-rows';
import * as repo from './jurisdiction.repo';
import type { JurisdictionRow, RowProblem } from './jurisdiction.types';

export type ImportFormat = 'csv' | 'json';

export interface ImportResult {
  /** Units created plus units updated. */
  imported: number;
  created: number;
  updated: number;
}

/** A 422 answer lists the bad rows; past this many it says how many more there were. */
const maxListedProblems = 1000;

/**
 * Imports units from a CSV or JSON file, all or nothing. `actor` null is the system (the CLI).
 * A row with the code and valid_from of a stored unit updates it (name, kind, validity,
 * successor, position), so closing units at a reform is an import too.
 */
export async function importJurisdictions(
  ctx: AppContext,
  actor: Actor | null,
  data: Buffer,
  format: ImportFormat,
): Promise<ImportResult> {
  if (data.length > ctx.config.importMaxBytes) {
    throw tooLarge(`the file is ${data.length} bytes; the limit is ${ctx.config.importMaxBytes}`);
  }
  const parsed = format === 'csv' ? parseCsvRows(data) : parseJsonRows(data);
  return importParsedRows(ctx, actor, parsed, format);
}

/** The HTTP route's JSON body arrives already parsed. */
export async function importJurisdictionItems(
  ctx: AppContext,
  actor: Actor | null,
  items: unknown,
): Promise<ImportResult> {
  return importParsedRows(ctx, actor, jsonItemsToRows(items), 'json');
}

export async function importParsedRows(
  ctx: AppContext,
  actor: Actor | null,
  parsed: ParsedRows,
  format: ImportFormat,
  onExisting: 'update' | 'skip' = 'update',
): Promise<ImportResult> {
  if (actor && actor.role !== 'admin') throw forbidden('only an admin may import units');
  const existing = await loadRelatedUnits(ctx, parsed);
  const plan = planImport(parsed.rows, existing, { newId: randomUUID, onExisting });
  const problems = [...parsed.problems, ...plan.problems].sort((a, b) => a.line - b.line);
  if (problems.length > 0) throw invalidRows(problems, format);

  const result = {
    imported: plan.creates.length + plan.updates.length,
    created: plan.creates.length,
    updated: plan.updates.length,
  };
  if (result.imported === 0) return result;
  const unitSearchText = (unit: PlannedUnit) => searchText(unit.kind, unit.name, unit.code);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.insertUnits(trx, plan.creates, unitSearchText, ctx.now().toISOString());
    for (const unit of plan.updates) await repo.updateUnit(trx, unit, unitSearchText(unit));
    for (const link of plan.successors) await repo.setSuccessor(trx, link.id, link.successorId);
  });
  await ctx.audit.record({
    actor,
    action: 'jurisdiction.import',
    targetType: 'jurisdiction',
    details: { format, created: result.created, updated: result.updated },
  });
  return result;
}

export function invalidRows(problems: RowProblem[], format: ImportFormat): AppError {
  const rows = problems.slice(0, maxListedProblems).map((p) => ({
    line: p.line,
    column: p.column && format === 'csv' ? csvColumn(p.column) : p.column,
    reason: p.reason,
  }));
  const lines = new Set(problems.map((p) => p.line)).size;
  const more =
    problems.length > rows.length ? ` (the first ${rows.length} problems are listed)` : '';
  const message = `${lines} ${lines === 1 ? 'row is' : 'rows are'} invalid; nothing was imported${more}`;
  return new AppError(422, 'invalid_rows', message, undefined, { rows, total: problems.length });
}

function toExisting(row: JurisdictionRow): ExistingUnit {
  return {
    id: row.id,
    code: row.code,
    level: row.level,
    parentId: row.parent_id,
    path: row.path,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    successorId: row.successor_id,
  };
}

/**
 * The stored units a file can touch: those whose codes it names, and the successor chains
 * leading on from them, so the planner can see a loop the new links would close.
 */
async function loadRelatedUnits(ctx: AppContext, parsed: ParsedRows): Promise<ExistingUnit[]> {
  const codes = parsed.rows.flatMap((row) => [row.code, row.parentCode, row.successorCode]);
  const wanted = codes.map((code) => code.toUpperCase()).filter(Boolean);
  const byId = new Map((await repo.findByCodes(ctx.db.kysely, wanted)).map((row) => [row.id, row]));
  for (let round = 0; round < 64; round++) {
    const missing = [...byId.values()].flatMap((row) =>
      row.successor_id && !byId.has(row.successor_id) ? [row.successor_id] : [],
    );
    if (missing.length === 0) break;
    for (const row of await repo.findByIds(ctx.db.kysely, missing)) byId.set(row.id, row);
  }
  return [...byId.values()].map(toExisting);
}
