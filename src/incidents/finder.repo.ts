import { sql, type SqlBool } from 'kysely';
import { latCellsFor } from '../cameras/camera.geo';
import { isConsentTier } from '../cameras/camera.types';
import type { Db } from '../platform/db/database';
import type { Span } from '../playback/timeline';
import { seamMs } from '../playback/timeline';
import { projectionAt, searchBox, type FinderCamera, type FinderQuery } from './finder';

// SQL for the camera finder: the cameras around a point, and what we recorded of a window for
// each of them. The decisions are in finder.ts.

/**
 * Segments are cut every ten seconds of wall clock, but a stream with sparse keyframes can
 * stretch one; none comes near an hour. Bounding the start from below turns "overlaps the
 * window" into a short index range instead of a scan of the camera's whole history.
 */
const longestSegmentMs = 3_600_000;

/**
 * Cameras that are within the radius of the point or whose range reaches it. The box is sought
 * in the `cameras_bbox` index band by band, as the registry map does; the distance test uses
 * the finder's own projection on columns the index holds, so only true candidates leave the
 * database. Consent past its expiry reads as `registry_only`.
 */
export function candidatesQuery(
  db: Db,
  query: Pick<FinderQuery, 'latitude' | 'longitude' | 'radiusM'>,
  now: Date,
) {
  const { bbox } = searchBox(query);
  const cells = latCellsFor(bbox);
  const { northM, eastM } = projectionAt(query.latitude);
  // The radius is cast so PostgreSQL does not take it for an integer like `range_m`.
  const radius = sql`cast(${query.radiusM} as double precision)`;
  const reach = sql`(case when range_m > ${radius} then range_m else ${radius} end + 1)`;
  const north = sql`((latitude - ${query.latitude}) * ${northM})`;
  const east = sql`((longitude - ${query.longitude}) * ${eastM})`;
  return db.kysely
    .selectFrom('cameras')
    .select([
      'id',
      'code',
      'latitude',
      'longitude',
      'heading',
      'fov',
      'range_m',
      'status',
      'owner_kind',
      sql<string>`case when consent_expires_at is not null and consent_expires_at <= ${now.toISOString()}
        then 'registry_only' else consent_tier end`.as('consent_tier'),
      sql<number>`case when recording_enabled = 1 and main_stream_enc is not null
        then 1 else 0 end`.as('recording'),
    ])
    .where((eb) =>
      eb.and([
        cells.kind === 'list'
          ? eb('lat_cell', 'in', cells.cells)
          : eb.and([eb('lat_cell', '>=', cells.from), eb('lat_cell', '<=', cells.to)]),
        eb('longitude', '>=', bbox.minLng),
        eb('longitude', '<=', bbox.maxLng),
        eb('latitude', '>=', bbox.minLat),
        eb('latitude', '<=', bbox.maxLat),
        // A metre of slack on the reach: finder.ts makes the exact call.
        sql<SqlBool>`${north} * ${north} + ${east} * ${east} <= ${reach} * ${reach}`,
      ]),
    );
}

export async function finderCandidates(
  db: Db,
  query: Pick<FinderQuery, 'latitude' | 'longitude' | 'radiusM'>,
  now: Date,
): Promise<FinderCamera[]> {
  const rows = await candidatesQuery(db, query, now).execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    latitude: row.latitude,
    longitude: row.longitude,
    heading: row.heading,
    fov: row.fov,
    rangeM: row.range_m,
    status: row.status,
    consentTier: isConsentTier(row.consent_tier) ? row.consent_tier : 'registry_only',
    ownerKind: row.owner_kind,
    recording: Number(row.recording) === 1,
  }));
}

/**
 * What we recorded of `[fromMs, toMs)` on each camera's main stream, as ranges merged where
 * segments lie within a seam of each other: the timeline's gaps-and-islands query, partitioned
 * by camera so one query answers for every candidate. Cameras with nothing are absent.
 */
export async function recordedCoverage(
  db: Db,
  cameraIds: readonly string[],
  window: { fromMs: number; toMs: number },
): Promise<Map<string, Span[]>> {
  const coverage = new Map<string, Span[]>();
  if (cameraIds.length === 0) return coverage;
  const ids = sql.join([...new Set(cameraIds)]);
  const result = await sql<{
    camera_id: string;
    start_ms: number | string;
    end_ms: number | string;
  }>`
    select camera_id, min(start_ms) as start_ms, max(end_ms) as end_ms
    from (
      select camera_id, start_ms, end_ms,
        sum(starts_range) over (
          partition by camera_id order by start_ms, end_ms rows unbounded preceding
        ) as range_no
      from (
        select camera_id, start_ms, end_ms,
          case when start_ms - max(end_ms) over (
              partition by camera_id order by start_ms, end_ms
              rows between unbounded preceding and 1 preceding
            ) <= ${seamMs} then 0 else 1 end as starts_range
        from segments
        where camera_id in (${ids}) and stream = 'main' and state = 'ok'
          and start_ms > ${window.fromMs - longestSegmentMs} and start_ms < ${window.toMs}
          and end_ms > ${window.fromMs}
      ) marked
    ) numbered
    group by camera_id, range_no
    order by camera_id, min(start_ms)`.execute(db.kysely);
  for (const row of result.rows) {
    const spans = coverage.get(row.camera_id) ?? [];
    spans.push({ startMs: Number(row.start_ms), endMs: Number(row.end_ms) });
    coverage.set(row.camera_id, spans);
  }
  return coverage;
}
