import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../platform/db/database';
import type { Database } from '../platform/db/schema';
import { underPath, vietnamHourSql } from './analytics.sql';
import { installedStatuses } from './cameras.repo';
import { receivedSql, requestedSql } from './cases.repo';
import type { CameraFilter, CaseFilter } from './keys';
import { monthEndMs, monthStartMs } from './period';

// SQL for the records behind a figure. Each case filter is the SQL twin of `classify` in
// case-stats.ts; the tests hold every total to its figure.

type Cases = ExpressionBuilder<Database, 'incidents'>;

const funnelChain = (eb: Cases, depth: number): Expression<SqlBool>[] => {
  const steps: Expression<SqlBool>[] = [eb('incidents.candidate_cameras', '>', 0)];
  if (depth >= 2) steps.push(requestedSql(eb));
  if (depth >= 3) steps.push(receivedSql(eb));
  if (depth >= 4) steps.push(eb('incidents.footage_helped', '=', 1));
  if (depth >= 5) steps.push(eb('incidents.resolution', '=', 'solved'));
  return steps;
};

const depthOf = { withCandidates: 1, requested: 2, received: 3, used: 4, solved: 5 } as const;

function caseCondition(eb: Cases, filter: CaseFilter): Expression<SqlBool> {
  const hour = vietnamHourSql('incidents.from_ms');
  switch (filter.kind) {
    case 'all':
      return sql<SqlBool>`1 = 1`;
    case 'type':
      return eb('incidents.type', '=', filter.type);
    case 'month':
      return eb.and([
        eb('incidents.from_ms', '>=', monthStartMs(filter.month)),
        eb('incidents.from_ms', '<', monthEndMs(filter.month)),
      ]);
    case 'hour':
      return eb(hour, '=', filter.hour);
    case 'night':
      return eb.or([eb(hour, '>=', 18), eb(hour, '<', 6)]);
    case 'funnel':
      return eb.and(funnelChain(eb, depthOf[filter.step]));
    case 'solved':
      return eb('incidents.resolution', '=', 'solved');
    case 'solvedWithFootage':
      return eb.and([
        eb('incidents.resolution', '=', 'solved'),
        eb('incidents.footage_helped', '=', 1),
      ]);
    case 'solveTime':
      return eb.and([
        eb('incidents.resolution', '=', 'solved'),
        eb('incidents.resolved_at', 'is not', null),
        filter.withFootage
          ? eb('incidents.footage_helped', '=', 1)
          : eb.or([
              eb('incidents.footage_helped', 'is', null),
              eb('incidents.footage_helped', '<>', 1),
            ]),
      ]);
  }
}

export interface CaseQuery {
  prefix: string;
  fromMs: number;
  toMs: number;
  filter: CaseFilter;
}

function casesQuery(db: Db, query: CaseQuery) {
  return db.kysely
    .selectFrom('incidents')
    .where(underPath(db, 'incidents.jurisdiction_path', query.prefix))
    .where('incidents.from_ms', '>=', query.fromMs)
    .where('incidents.from_ms', '<', query.toMs)
    .where((eb) => caseCondition(eb, query.filter));
}

export async function countCases(db: Db, query: CaseQuery): Promise<number> {
  const row = await casesQuery(db, query)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Newest first; `after` is the last row of the previous page. */
export async function listCases(
  db: Db,
  query: CaseQuery,
  page: { limit: number; after: { fromMs: number; id: string } | null },
) {
  let select = casesQuery(db, query).select([
    'incidents.id',
    'incidents.case_number',
    'incidents.type',
    'incidents.from_ms',
    'incidents.status',
    'incidents.resolution',
    'incidents.footage_helped',
  ]);
  const after = page.after;
  if (after) {
    select = select.where((eb) =>
      eb.or([
        eb('incidents.from_ms', '<', after.fromMs),
        eb.and([eb('incidents.from_ms', '=', after.fromMs), eb('incidents.id', '<', after.id)]),
      ]),
    );
  }
  return select
    .orderBy('incidents.from_ms', 'desc')
    .orderBy('incidents.id', 'desc')
    .limit(page.limit)
    .execute();
}

type Cams = ExpressionBuilder<Database, 'cameras'>;

function cameraCondition(eb: Cams, filter: CameraFilter): Expression<SqlBool> {
  switch (filter.kind) {
    case 'all':
      return sql<SqlBool>`1 = 1`;
    case 'ownerKind':
      return eb('cameras.owner_kind', '=', filter.value);
    case 'status':
      return eb('cameras.status', '=', filter.value);
    case 'consentTier':
      return eb('cameras.consent_tier', '=', filter.value);
    case 'recorded':
      return eb('cameras.recording_enabled', '=', 1);
    case 'installed':
      return eb('cameras.status', 'in', [...installedStatuses]);
  }
}

function camerasQuery(db: Db, prefix: string, filter: CameraFilter) {
  return db.kysely
    .selectFrom('cameras')
    .where(underPath(db, 'cameras.jurisdiction_path', prefix))
    .where((eb) => cameraCondition(eb, filter));
}

export async function countCameras(db: Db, prefix: string, filter: CameraFilter): Promise<number> {
  const row = await camerasQuery(db, prefix, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

const cameraColumns = [
  'cameras.id',
  'cameras.code',
  'cameras.name',
  'cameras.status',
  'cameras.owner_kind',
  'cameras.consent_tier',
] as const;

/** By code; `after` is the last row of the previous page. */
export async function listCameras(
  db: Db,
  prefix: string,
  filter: CameraFilter,
  page: { limit: number; after: { code: string; id: string } | null },
) {
  let select = camerasQuery(db, prefix, filter).select([...cameraColumns]);
  const after = page.after;
  if (after) {
    select = select.where((eb) =>
      eb.or([
        eb('cameras.code', '>', after.code),
        eb.and([eb('cameras.code', '=', after.code), eb('cameras.id', '>', after.id)]),
      ]),
    );
  }
  return select.orderBy('cameras.code').orderBy('cameras.id').limit(page.limit).execute();
}

export async function camerasByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.kysely
    .selectFrom('cameras')
    .select([...cameraColumns])
    .where('cameras.id', 'in', [...ids])
    .execute();
}
