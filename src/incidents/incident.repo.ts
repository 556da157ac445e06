import { sql, type SqlBool } from 'kysely';
import { isUniqueViolation } from '../cameras/camera.repo';
import type { Db } from '../platform/db/database';
import type { IncidentStatus, IncidentTable } from '../platform/db/schema';
import { likePattern } from '../platform/text';
import { formatCaseNumber } from './incident-input';
import { incidentSearchText } from './incident-search';

// SQL for cases. Decisions live in incident.service.ts.

/** A case with the name of the ward that numbers it. */
export type IncidentRow = IncidentTable & { unit_name: string | null };

export interface IncidentFilter {
  /** Only cases whose path starts with this (the caller's jurisdiction); null: all. */
  pathPrefix: string | null;
  status?: IncidentStatus | undefined;
  type?: string | undefined;
  /** Folded words, each of which must occur in the case number, description or address. */
  terms: string[];
  /** Cases opened before this one (newest first paging). */
  before?: { openedAt: string; id: string } | null;
  limit: number;
}

function withUnit(db: Db) {
  return db.kysely
    .selectFrom('incidents')
    .leftJoin('jurisdictions', 'jurisdictions.id', 'incidents.unit_id')
    .selectAll('incidents')
    .select('jurisdictions.name as unit_name');
}

const normalize = (row: IncidentRow): IncidentRow => ({
  ...row,
  from_ms: Number(row.from_ms),
  to_ms: Number(row.to_ms),
  case_year: Number(row.case_year),
  case_seq: Number(row.case_seq),
});

export async function findIncident(db: Db, id: string): Promise<IncidentRow | undefined> {
  const row = await withUnit(db).where('incidents.id', '=', id).executeTakeFirst();
  return row && normalize(row);
}

export async function listIncidentRows(db: Db, filter: IncidentFilter): Promise<IncidentRow[]> {
  let query = withUnit(db);
  if (filter.pathPrefix !== null) {
    // A prefix test by substring, not LIKE, so `_` and `%` in ids are not wildcards.
    const prefix = filter.pathPrefix;
    query = query.where(
      sql<string>`substr(incidents.jurisdiction_path, 1, ${prefix.length})`,
      '=',
      prefix,
    );
  }
  if (filter.status !== undefined) query = query.where('incidents.status', '=', filter.status);
  if (filter.type !== undefined) query = query.where('incidents.type', '=', filter.type);
  for (const term of filter.terms) {
    query = query.where(sql<SqlBool>`incidents.search_text like ${likePattern(term)} escape '\\'`);
  }
  const before = filter.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('incidents.opened_at', '<', before.openedAt),
        eb.and([
          eb('incidents.opened_at', '=', before.openedAt),
          eb('incidents.id', '<', before.id),
        ]),
      ]),
    );
  }
  const rows = await query
    .orderBy('incidents.opened_at', 'desc')
    .orderBy('incidents.id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map(normalize);
}

/** A new case, before the ward's sequence gives it a number. */
export type UnnumberedIncident = Omit<IncidentTable, 'case_number' | 'case_seq' | 'search_text'>;

const attempts = 30;

/**
 * Inserts a case with the next number of its ward and year. Two officers filing at once may
 * read the same last number; the unique constraint on (unit, year, seq) refuses the second
 * insert and it tries again with the number after, so numbers stay consecutive without a lock.
 */
export async function insertNumberedIncident(
  db: Db,
  base: UnnumberedIncident,
  unitCode: string,
): Promise<IncidentTable> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.kysely.transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom('incidents')
          .select((eb) => eb.fn.max('case_seq').as('seq'))
          .where('unit_id', '=', base.unit_id)
          .where('case_year', '=', base.case_year)
          .executeTakeFirst();
        const seq = Number(last?.seq ?? 0) + 1;
        const case_number = formatCaseNumber(unitCode, base.case_year, seq);
        const row: IncidentTable = {
          ...base,
          case_number,
          case_seq: seq,
          search_text: incidentSearchText({ ...base, case_number }),
        };
        await trx.insertInto('incidents').values(row).execute();
        return row;
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= attempts) throw error;
      // Spread the racers out so they do not collide on the next number too.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

/** Writes changes and refreshes the search text; `expectStatus` guards a status move's race. */
export async function updateIncidentRow(
  db: Db,
  current: IncidentTable,
  changes: Partial<IncidentTable>,
  expectStatus?: IncidentStatus,
): Promise<boolean> {
  const merged = { ...current, ...changes };
  let query = db.kysely
    .updateTable('incidents')
    .set({ ...changes, search_text: incidentSearchText(merged) })
    .where('id', '=', current.id);
  if (expectStatus !== undefined) query = query.where('status', '=', expectStatus);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function linkHold(
  db: Db,
  incidentId: string,
  holdId: string,
  at: string,
): Promise<void> {
  await db.kysely
    .insertInto('incident_holds')
    .values({ incident_id: incidentId, hold_id: holdId, created_at: at })
    .execute();
}

/** The holds placed for a case, oldest first, with their camera and whether still in force. */
export async function incidentHoldRefs(
  db: Db,
  incidentId: string,
): Promise<{ holdId: string; cameraId: string; active: boolean }[]> {
  const rows = await db.kysely
    .selectFrom('incident_holds')
    .innerJoin('holds', 'holds.id', 'incident_holds.hold_id')
    .select(['holds.id', 'holds.camera_id', 'holds.released_at'])
    .where('incident_holds.incident_id', '=', incidentId)
    .orderBy('incident_holds.created_at')
    .orderBy('holds.id')
    .execute();
  return rows.map((row) => ({
    holdId: row.id,
    cameraId: row.camera_id,
    active: row.released_at === null,
  }));
}

/** Name and jurisdiction of cameras, for the finder's answer and its scope filter. */
export async function cameraFacts(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { name: string; path: string }>> {
  const facts = new Map<string, { name: string; path: string }>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 400) {
    const rows = await db.kysely
      .selectFrom('cameras')
      .select(['id', 'name', 'jurisdiction_path'])
      .where('id', 'in', unique.slice(i, i + 400))
      .execute();
    for (const row of rows) facts.set(row.id, { name: row.name, path: row.jurisdiction_path });
  }
  return facts;
}
