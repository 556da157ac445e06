import { sql, type Kysely, type Transaction } from 'kysely';
import type { Db } from '../platform/db/database';
import type { Database } from '../platform/db/schema';
import { chunked } from './analytics.sql';
import type { MonthRollup } from './rollup-build';

// SQL for the monthly rollup: its fingerprints, rebuilding a month, and reading it back.

type RollupTables = {
  analytics_unit_months: {
    unit_path: string;
    month: string;
    incidents: number;
    solved: number;
    solved_with_footage: number;
  };
  analytics_counts: { unit_path: string; month: string; metric: string; n: number };
  analytics_solve_minutes: {
    unit_path: string;
    with_footage: number;
    minutes: number;
    month: string;
    n: number;
  };
  analytics_heat: { unit_path: string; cell: string; month: string; n: number };
  analytics_rollup_months: { month: string; fingerprint: string; built_at: string };
};

type RollupDb = Kysely<Database & RollupTables>;
const rollupDb = (db: Db): RollupDb => db.kysely.withTables<RollupTables>();

/** Changes to any of these mean some month may be out of date (the app stamps every write). */
export async function sourceStamp(db: Db): Promise<{ stamp: string; units: string }> {
  // Count and newest change asked separately: alone, each is answered from an index (SQLite
  // reads max() with one seek), where together they would scan the table.
  const k = db.kysely;
  const count = async (table: 'incidents' | 'footage_requests' | 'evidence_items') => {
    const row = await k
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const newest = async (
    table: 'incidents' | 'footage_requests' | 'evidence_items',
    column: 'updated_at' | 'collected_at',
  ) => {
    const row = await k
      .selectFrom(table as 'incidents')
      .select((eb) => eb.fn.max(column as 'updated_at').as('at'))
      .executeTakeFirst();
    return row?.at ?? '';
  };
  const parts = [
    `${await count('incidents')}/${await newest('incidents', 'updated_at')}`,
    `${await count('footage_requests')}/${await newest('footage_requests', 'updated_at')}`,
    `${await count('evidence_items')}/${await newest('evidence_items', 'collected_at')}`,
  ];
  const units = await unitsStamp(db);
  return { stamp: [...parts, units].join('|'), units };
}

/** The unit tree's shape: a moved or re-levelled unit changes what every month rolls up to. */
async function unitsStamp(db: Db): Promise<string> {
  const row = await db.kysely
    .selectFrom('jurisdictions')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.max('created_at').as('at'),
      eb.fn.sum<number>(sql<number>`length(path) + length(level)`).as('shape'),
    ])
    .executeTakeFirstOrThrow();
  return `${row.n}/${row.at}/${row.shape}`;
}

const dayOf = (column: string) => sql<number>`(${sql.ref(column)} + 25200000) / 86400000`;

/** Per day of happening: count and newest change of the cases, their requests and evidence. */
export async function dayFingerprints(
  db: Db,
): Promise<{ day: number; part: string; n: number; at: string | null }[]> {
  const k = db.kysely;
  const incidents = await k
    .selectFrom('incidents')
    .select((eb) => [
      dayOf('from_ms').as('day'),
      eb.fn.countAll<number>().as('n'),
      eb.fn.max('updated_at').as('at'),
    ])
    .groupBy(dayOf('from_ms'))
    .execute();
  const requests = await k
    .selectFrom('footage_requests as r')
    .innerJoin('incidents as i', 'i.id', 'r.incident_id')
    .select((eb) => [
      dayOf('i.from_ms').as('day'),
      eb.fn.countAll<number>().as('n'),
      eb.fn.max('r.updated_at').as('at'),
    ])
    .groupBy(dayOf('i.from_ms'))
    .execute();
  const evidence = await k
    .selectFrom('evidence_items as e')
    .innerJoin('incidents as i', 'i.id', 'e.incident_id')
    .select((eb) => [
      dayOf('i.from_ms').as('day'),
      eb.fn.countAll<number>().as('n'),
      eb.fn.max('e.collected_at').as('at'),
    ])
    .groupBy(dayOf('i.from_ms'))
    .execute();
  const tag = (part: string, rows: { day: number; n: number; at: string | null }[]) =>
    rows.map((row) => ({ day: Number(row.day), part, n: Number(row.n), at: row.at }));
  return [...tag('i', incidents), ...tag('r', requests), ...tag('e', evidence)];
}

export async function storedFingerprints(db: Db): Promise<Map<string, string>> {
  const rows = await rollupDb(db)
    .selectFrom('analytics_rollup_months')
    .select(['month', 'fingerprint'])
    .execute();
  return new Map(rows.map((row) => [row.month, row.fingerprint]));
}

export async function unitLevels(db: Db): Promise<Map<string, string>> {
  const rows = await db.kysely.selectFrom('jurisdictions').select(['path', 'level']).execute();
  return new Map(rows.map((row) => [row.path, row.level]));
}

const rollupTables = [
  'analytics_unit_months',
  'analytics_counts',
  'analytics_solve_minutes',
  'analytics_heat',
] as const;

/**
 * Replaces one month of the rollup (or removes it when `rollup` is null) in one transaction.
 * On PostgreSQL an advisory lock keeps two servers from rebuilding at the same time.
 */
export async function replaceMonth(
  db: Db,
  month: string,
  rollup: MonthRollup | null,
  fingerprint: string,
  builtAt: string,
): Promise<void> {
  await rollupDb(db)
    .transaction()
    .execute(async (trx) => {
      if (db.dialect === 'postgres') {
        await sql`select pg_advisory_xact_lock(hashtext('matthan.analytics_rollup'))`.execute(trx);
      }
      for (const table of rollupTables) {
        await trx.deleteFrom(table).where('month', '=', month).execute();
      }
      await trx.deleteFrom('analytics_rollup_months').where('month', '=', month).execute();
      if (rollup) await insertMonth(trx, month, rollup);
      if (rollup) {
        await trx
          .insertInto('analytics_rollup_months')
          .values({ month, fingerprint, built_at: builtAt })
          .execute();
      }
    });
}

async function insertMonth(
  trx: Transaction<Database & RollupTables>,
  month: string,
  rollup: MonthRollup,
): Promise<void> {
  const split = (key: string) => key.split('\u0000');
  const unitRows = [...rollup.unitMonths].map(([unit_path, u]) => ({
    unit_path,
    month,
    incidents: u.incidents,
    solved: u.solved,
    solved_with_footage: u.solvedWithFootage,
  }));
  for (const part of chunked(unitRows, 150)) {
    await trx.insertInto('analytics_unit_months').values(part).execute();
  }
  const countRows = [...rollup.counts].map(([key, n]) => {
    const [unit_path, metric] = split(key) as [string, string];
    return { unit_path, month, metric, n };
  });
  for (const part of chunked(countRows, 200)) {
    await trx.insertInto('analytics_counts').values(part).execute();
  }
  const minuteRows = [...rollup.minutes].map(([key, n]) => {
    const [unit_path, withFootage, minutes] = split(key) as [string, string, string];
    return { unit_path, with_footage: Number(withFootage), minutes: Number(minutes), month, n };
  });
  for (const part of chunked(minuteRows, 150)) {
    await trx.insertInto('analytics_solve_minutes').values(part).execute();
  }
  const heatRows = [...rollup.heat].map(([key, n]) => {
    const [unit_path, cell] = split(key) as [string, string];
    return { unit_path, cell, month, n };
  });
  for (const part of chunked(heatRows, 200)) {
    await trx.insertInto('analytics_heat').values(part).execute();
  }
}

export interface UnitMonthRow {
  unitPath: string;
  month: string;
  incidents: number;
  solved: number;
  solvedWithFootage: number;
}

export async function readUnitMonths(
  db: Db,
  paths: readonly string[],
  months: readonly string[],
): Promise<UnitMonthRow[]> {
  const out: UnitMonthRow[] = [];
  if (months.length === 0) return out;
  for (const part of chunked(paths, 400)) {
    const rows = await rollupDb(db)
      .selectFrom('analytics_unit_months')
      .selectAll()
      .where('unit_path', 'in', part)
      .where('month', '>=', months[0]!)
      .where('month', '<=', months.at(-1)!)
      .execute();
    for (const row of rows) {
      out.push({
        unitPath: row.unit_path,
        month: row.month,
        incidents: Number(row.incidents),
        solved: Number(row.solved),
        solvedWithFootage: Number(row.solved_with_footage),
      });
    }
  }
  return out;
}

/** Metrics of one rollup unit summed over a contiguous run of months. */
export async function readCounts(
  db: Db,
  path: string,
  months: readonly string[],
): Promise<Map<string, number>> {
  if (months.length === 0) return new Map();
  const rows = await rollupDb(db)
    .selectFrom('analytics_counts')
    .select(['metric', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('unit_path', '=', path)
    .where('month', '>=', months[0]!)
    .where('month', '<=', months.at(-1)!)
    .groupBy('metric')
    .execute();
  return new Map(rows.map((row) => [row.metric, Number(row.n)]));
}

export async function readSolveMinutes(
  db: Db,
  path: string,
  months: readonly string[],
  withFootage: 0 | 1,
): Promise<Map<number, number>> {
  if (months.length === 0) return new Map();
  const rows = await rollupDb(db)
    .selectFrom('analytics_solve_minutes')
    .select(['minutes', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('unit_path', '=', path)
    .where('with_footage', '=', withFootage)
    .where('month', '>=', months[0]!)
    .where('month', '<=', months.at(-1)!)
    .groupBy('minutes')
    .execute();
  return new Map(rows.map((row) => [Number(row.minutes), Number(row.n)]));
}

export async function readHeat(
  db: Db,
  path: string,
  months: readonly string[],
): Promise<Map<string, number>> {
  if (months.length === 0) return new Map();
  const rows = await rollupDb(db)
    .selectFrom('analytics_heat')
    .select(['cell', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('unit_path', '=', path)
    .where('month', '>=', months[0]!)
    .where('month', '<=', months.at(-1)!)
    .groupBy('cell')
    .execute();
  return new Map(rows.map((row) => [row.cell, Number(row.n)]));
}
