import { sql, type ExpressionBuilder, type SqlBool, type Expression } from 'kysely';
import type { Db } from '../platform/db/database';
import type { Database } from '../platform/db/schema';
import { underPath } from './analytics.sql';
import type { CaseRow } from './case-stats';

// SQL for the cases behind the figures: one row per case with what its requests and evidence
// say, read straight from the records (a unit's own figures, the rollup's rebuild).

type Cases = ExpressionBuilder<Database, 'incidents'>;

/** ≥1 footage request not cancelled, or ≥1 extract: asked for footage (an extract needs no ask). */
export const requestedSql = (eb: Cases): Expression<SqlBool> =>
  eb.or([
    eb.exists(
      eb
        .selectFrom('footage_requests as r')
        .select(sql.lit(1).as('one'))
        .whereRef('r.incident_id', '=', 'incidents.id')
        .where('r.status', '<>', 'cancelled'),
    ),
    eb.exists(
      eb
        .selectFrom('evidence_items as e')
        .select(sql.lit(1).as('one'))
        .whereRef('e.incident_id', '=', 'incidents.id')
        .where('e.kind', '=', 'extract'),
    ),
  ]);

/** ≥1 extract or upload, or ≥1 request fulfilled: footage in hand. */
export const receivedSql = (eb: Cases): Expression<SqlBool> =>
  eb.or([
    eb.exists(
      eb
        .selectFrom('evidence_items as e')
        .select(sql.lit(1).as('one'))
        .whereRef('e.incident_id', '=', 'incidents.id')
        .where('e.kind', 'in', ['extract', 'upload']),
    ),
    eb.exists(
      eb
        .selectFrom('footage_requests as r')
        .select(sql.lit(1).as('one'))
        .whereRef('r.incident_id', '=', 'incidents.id')
        .where('r.status', '=', 'fulfilled'),
    ),
  ]);

export interface CaseRange {
  /** Path prefix of the subtree; null: every unit. */
  prefix: string | null;
  fromMs: number;
  toMs: number;
}

/** Cases of a subtree that happened in `[fromMs, toMs)`, with their request and evidence facts. */
export async function caseRows(db: Db, range: CaseRange): Promise<CaseRow[]> {
  let query = db.kysely
    .selectFrom('incidents')
    .select((eb) => [
      'incidents.jurisdiction_path',
      'incidents.type',
      'incidents.from_ms',
      'incidents.latitude',
      'incidents.longitude',
      'incidents.candidate_cameras',
      'incidents.footage_helped',
      'incidents.resolution',
      'incidents.resolved_at',
      // Asked only where it can change a figure: the funnel stops at cases without candidates.
      eb
        .case()
        .when(eb.and([eb('incidents.candidate_cameras', '>', 0), requestedSql(eb)]))
        .then(1)
        .else(0)
        .end()
        .as('requested'),
      eb
        .case()
        .when(eb.and([eb('incidents.candidate_cameras', '>', 0), receivedSql(eb)]))
        .then(1)
        .else(0)
        .end()
        .as('received'),
    ])
    .where('incidents.from_ms', '>=', range.fromMs)
    .where('incidents.from_ms', '<', range.toMs);
  if (range.prefix !== null) {
    query = query.where(underPath(db, 'incidents.jurisdiction_path', range.prefix));
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    path: row.jurisdiction_path,
    type: row.type,
    fromMs: Number(row.from_ms),
    latitude: Number(row.latitude),
    longitude: Number(row.longitude),
    candidateCameras: row.candidate_cameras === null ? null : Number(row.candidate_cameras),
    footageHelped: row.footage_helped === null ? null : Number(row.footage_helped),
    resolution: row.resolution,
    resolvedAt: row.resolved_at,
    requested: Number(row.requested) === 1,
    received: Number(row.received) === 1,
  }));
}

/** Where the cases of a small subtree happened, for a map of points instead of cells. */
export async function casePoints(
  db: Db,
  range: CaseRange & { limit: number },
): Promise<{ lat: number; lng: number }[]> {
  let query = db.kysely
    .selectFrom('incidents')
    .select(['latitude', 'longitude'])
    .where('from_ms', '>=', range.fromMs)
    .where('from_ms', '<', range.toMs);
  if (range.prefix !== null) query = query.where(underPath(db, 'jurisdiction_path', range.prefix));
  const rows = await query.limit(range.limit).execute();
  return rows.map((row) => ({ lat: Number(row.latitude), lng: Number(row.longitude) }));
}
