import { randomUUID } from 'node:crypto';
import { inScope, type Actor } from '../auth/actor';
import { isValidOn, vietnamDate } from '../jurisdictions/jurisdiction-tree';
import type { AppContext } from '../platform/context';
import type { RoadSegmentTable } from '../platform/db/schema';
import { forbidden, notFound } from '../platform/http/errors';
import { normalizeText } from '../platform/text';
import { segmentsUnder } from './coverage.repo';
import type { Seg } from './coverage.types';
import { cutSegments, parseRoadNetwork } from './road-import';
import { placeSegments } from './road-units';
import * as repo from './roads.repo';

// Importing a unit's street network and handing it back for the map. An import is all or
// nothing: the file is read and checked whole, every segment placed in a unit, and only then is
// the unit's old network swapped for the new one in one transaction.

export interface RoadImportResult {
  importId: string;
  features: number;
  segments: number;
  lengthM: number;
  /** Segments of the unit's previous network that the import replaced. */
  replaced: number;
}

const round1 = (metres: number) => Math.round(metres * 10) / 10;

function fileNameOf(raw: string | undefined): string {
  const name = normalizeText(raw ?? '').slice(0, 200);
  return name === '' ? 'roads.geojson' : name;
}

/**
 * Imports a GeoJSON network for a unit, replacing its previous one. `actor` null is the system
 * (the demo seed): no scope check.
 */
export async function importRoads(
  ctx: AppContext,
  actor: Actor | null,
  unitId: string,
  body: unknown,
  rawFileName?: string,
): Promise<RoadImportResult> {
  const unit = await repo.findImportUnit(ctx.db, unitId);
  if (!unit) throw notFound('unit');
  if (actor && !inScope(actor, unit.path)) {
    throw forbidden('this unit is outside your jurisdiction');
  }
  const ways = parseRoadNetwork(body);
  const planned = cutSegments(ways);
  const today = vietnamDate(ctx.now());
  // A unit abolished or not yet in force is placed by its outline as it was or will be.
  const validity = { validFrom: unit.valid_from, validTo: unit.valid_to };
  const date = isValidOn(validity, today)
    ? today
    : today < unit.valid_from
      ? unit.valid_from
      : (unit.valid_to ?? today);
  const paths = placeSegments(planned, unit, await repo.subtreeOutlines(ctx.db, unit.path), date);

  const importId = randomUUID();
  const createdAt = ctx.now().toISOString();
  const lengthM = planned.reduce((sum, segment) => sum + segment.lengthM, 0);
  const fileName = fileNameOf(rawFileName);
  const rows: RoadSegmentTable[] = planned.map((segment, k) => ({
    id: `${importId}:${k}`,
    import_id: importId,
    unit_id: unit.id,
    jurisdiction_path: paths[k]!,
    way_id: segment.wayId,
    name: segment.name,
    kind: segment.kind,
    seq: segment.seq,
    lat1: segment.lat1,
    lng1: segment.lng1,
    lat2: segment.lat2,
    lng2: segment.lng2,
    length_m: segment.lengthM,
    min_lat: Math.min(segment.lat1, segment.lat2),
    max_lat: Math.max(segment.lat1, segment.lat2),
    min_lng: Math.min(segment.lng1, segment.lng2),
    max_lng: Math.max(segment.lng1, segment.lng2),
  }));
  const replaced = await repo.inTransaction(ctx.db.kysely, (trx) =>
    repo.replaceNetwork(
      trx,
      {
        id: importId,
        unit_id: unit.id,
        file_name: fileName,
        features: ways.length,
        segments: rows.length,
        length_m: lengthM,
        created_by: actor?.id ?? null,
        created_at: createdAt,
      },
      rows,
    ),
  );
  const result = {
    importId,
    features: ways.length,
    segments: rows.length,
    lengthM: round1(lengthM),
    replaced,
  };
  await ctx.audit.record({
    actor,
    action: 'roads.import',
    targetType: 'unit',
    targetId: unit.id,
    jurisdictionPath: unit.path,
    details: { ...result, fileName },
  });
  return result;
}

export interface RoadFeature {
  type: 'Feature';
  geometry: { type: 'LineString'; coordinates: [number, number][] };
  properties: { wayId: string; name: string; kind: string; lengthM: number };
}

const sameVertex = 1e-7;

/** Each way's segments joined into lines, a new line wherever the way does not go on. */
export function wayLines(segments: readonly Seg[]): RoadFeature[] {
  const features: RoadFeature[] = [];
  let open: RoadFeature | null = null;
  let last: Seg | null = null;
  for (const segment of segments) {
    const continues =
      open !== null &&
      last !== null &&
      last.wayId === segment.wayId &&
      Math.abs(last.lat2 - segment.lat1) < sameVertex &&
      Math.abs(last.lng2 - segment.lng1) < sameVertex;
    if (open !== null && continues) {
      open.geometry.coordinates.push([segment.lng2, segment.lat2]);
      open.properties.lengthM += segment.lengthM;
    } else {
      open = {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [segment.lng1, segment.lat1],
            [segment.lng2, segment.lat2],
          ],
        },
        properties: {
          wayId: segment.wayId,
          name: segment.name,
          kind: segment.kind,
          lengthM: segment.lengthM,
        },
      };
      features.push(open);
    }
    last = segment;
  }
  for (const feature of features) feature.properties.lengthM = round1(feature.properties.lengthM);
  return features;
}

/** The streets under a unit (its subtree's too) for the map. */
export async function roadsGeoJson(
  ctx: AppContext,
  unitPath: string,
): Promise<{ type: 'FeatureCollection'; features: RoadFeature[] }> {
  return { type: 'FeatureCollection', features: wayLines(await segmentsUnder(ctx.db, unitPath)) };
}
