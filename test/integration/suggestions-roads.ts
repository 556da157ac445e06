import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../src/platform/context';
import { unitPath } from '../helpers/incident-fixtures';

// Streets for planning tests, written straight into `road_segments` so the tests do not depend
// on the GeoJSON import: each street is straight, one segment per pair of points.

/** Metres in a degree of latitude on the finder's sphere (6,371 km). */
export const metresPerDegree = (6_371_000 * Math.PI) / 180;

export interface TestStreet {
  name: string;
  points: [number, number][];
}

function lengthM(a: [number, number], b: [number, number]): number {
  const east = metresPerDegree * Math.cos((a[0] * Math.PI) / 180);
  return Math.hypot((b[0] - a[0]) * metresPerDegree, (b[1] - a[1]) * east);
}

/** Inserts the streets as one import of `unitId`, every segment in that unit. */
export async function insertStreets(
  ctx: AppContext,
  unitId: string,
  streets: readonly TestStreet[],
): Promise<void> {
  const path = await unitPath(ctx, unitId);
  const importId = randomUUID();
  const segments = streets.flatMap((street, w) =>
    street.points.slice(1).map((to, seq) => {
      const from = street.points[seq]!;
      return {
        id: randomUUID(),
        import_id: importId,
        unit_id: unitId,
        jurisdiction_path: path,
        way_id: `way-${w + 1}`,
        name: street.name,
        kind: 'residential',
        seq,
        lat1: from[0],
        lng1: from[1],
        lat2: to[0],
        lng2: to[1],
        length_m: lengthM(from, to),
        min_lat: Math.min(from[0], to[0]),
        max_lat: Math.max(from[0], to[0]),
        min_lng: Math.min(from[1], to[1]),
        max_lng: Math.max(from[1], to[1]),
      };
    }),
  );
  await ctx.db.kysely
    .insertInto('road_imports')
    .values({
      id: importId,
      unit_id: unitId,
      file_name: 'test-streets.geojson',
      features: streets.length,
      segments: segments.length,
      length_m: segments.reduce((sum, s) => sum + s.length_m, 0),
      created_by: null,
      created_at: new Date().toISOString(),
    })
    .execute();
  await ctx.db.kysely.insertInto('road_segments').values(segments).execute();
}
