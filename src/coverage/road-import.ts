import { projectionAt } from '../incidents/finder';
import { badRequest } from '../platform/http/errors';
import { normalizeText } from '../platform/text';
import { segmentLengthM } from './geometry';
import { wayProblem, type Point } from './road-shape';

// Reading a street network from GeoJSON, as OpenStreetMap exports it (overpass-turbo, osmtogeojson,
// QGIS): a FeatureCollection of LineString or MultiLineString ways with `name` and `highway`
// properties. Pure: every refusal is an AppError naming the JSON path at fault, and the first
// problem found stops the import, so a planner fixes the file and sends it again.

/** Where the file is allowed to lie: Vietnam's mainland and islands, with a little margin. */
export const vietnamBounds = { minLat: 8, maxLat: 24, minLng: 102, maxLng: 110 } as const;
/** More pieces than a district's streets; past this the file is not what it claims to be. */
export const maxSegments = 200_000;
const maxNameLength = 200;
const maxKindLength = 60;

export interface ParsedWay {
  /** Position of the feature in the file, for messages. */
  feature: number;
  wayId: string;
  name: string;
  kind: string;
  /** The way's lines (one for a LineString) as [lat, lng], repeated points dropped. */
  parts: Point[][];
}

export interface PlannedSegment {
  feature: number;
  wayId: string;
  name: string;
  kind: string;
  seq: number;
  lat1: number;
  lng1: number;
  lat2: number;
  lng2: number;
  lengthM: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function textProperty(
  properties: Record<string, unknown>,
  key: string,
  fallback: string,
  maxLength: number,
  field: string,
): string {
  const value = properties[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw badRequest(`${field} must be text`, field);
  }
  const text = normalizeText(String(value));
  if (text.length > maxLength) {
    throw badRequest(`${field} is longer than ${maxLength} characters`, field);
  }
  return text || fallback;
}

function wayIdOf(feature: Record<string, unknown>, properties: Record<string, unknown>, i: number) {
  for (const candidate of [feature.id, properties['@id']]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
    if (typeof candidate === 'number' && Number.isFinite(candidate)) return String(candidate);
  }
  return `feature-${i}`;
}

/** One position, `[lng, lat]` inside Vietnam, as `[lat, lng]`. */
function readPosition(value: unknown, field: string, path: string): Point {
  if (
    !Array.isArray(value) ||
    value.length < 2 ||
    typeof value[0] !== 'number' ||
    typeof value[1] !== 'number' ||
    !Number.isFinite(value[0]) ||
    !Number.isFinite(value[1])
  ) {
    throw badRequest(`${path} must be a [longitude, latitude] pair of numbers`, field);
  }
  const [lng, lat] = value as [number, number];
  const { minLat, maxLat, minLng, maxLng } = vietnamBounds;
  if (lat < minLat || lat > maxLat || lng < minLng || lng > maxLng) {
    throw badRequest(
      `${path} (${lng}, ${lat}) lies outside Vietnam (latitude ${minLat}–${maxLat}, ` +
        `longitude ${minLng}–${maxLng}); GeoJSON gives longitude first`,
      field,
    );
  }
  return [lat, lng];
}

/** A line's positions with consecutive repeats (closer than a few centimetres) dropped. */
function readLine(value: unknown, field: string, path: string): Point[] {
  if (!Array.isArray(value)) throw badRequest(`${path} must be an array of positions`, field);
  const points: Point[] = [];
  value.forEach((position, k) => {
    const point = readPosition(position, field, `${path}[${k}]`);
    const last = points[points.length - 1];
    if (last) {
      const { northM, eastM } = projectionAt(last[0]);
      const apartM = Math.hypot((point[0] - last[0]) * northM, (point[1] - last[1]) * eastM);
      if (apartM < 0.05) return;
    }
    points.push(point);
  });
  return points;
}

function readWay(value: unknown, i: number): ParsedWay {
  const at = `features[${i}]`;
  if (!isObject(value) || value.type !== 'Feature') {
    throw badRequest(`${at} must be a GeoJSON Feature`, at);
  }
  const geometry = value.geometry;
  if (!isObject(geometry)) throw badRequest(`${at} has no geometry`, `${at}.geometry`);
  if (geometry.type !== 'LineString' && geometry.type !== 'MultiLineString') {
    throw badRequest(
      `${at}.geometry.type must be LineString or MultiLineString, not ${JSON.stringify(geometry.type ?? null)}`,
      `${at}.geometry.type`,
    );
  }
  const properties = value.properties ?? {};
  if (!isObject(properties)) {
    throw badRequest(`${at}.properties must be an object`, `${at}.properties`);
  }
  const coordinatesField = `${at}.geometry.coordinates`;
  const lines =
    geometry.type === 'LineString'
      ? [readLine(geometry.coordinates, coordinatesField, coordinatesField)]
      : readLines(geometry.coordinates, coordinatesField);
  const way: ParsedWay = {
    feature: i,
    wayId: wayIdOf(value, properties, i),
    name: textProperty(properties, 'name', '', maxNameLength, `${at}.properties.name`),
    kind: textProperty(properties, 'highway', 'unclassified', maxKindLength, `${at}.properties.highway`),
    parts: lines,
  };
  const problem = wayProblem(way.parts);
  if (problem) {
    const label = way.name ? `${way.wayId} “${way.name}”` : way.wayId;
    throw badRequest(`${at} (${label}) ${problem}`, `${at}.geometry`);
  }
  return way;
}

function readLines(value: unknown, field: string): Point[][] {
  if (!Array.isArray(value) || value.length === 0) {
    throw badRequest(`${field} must be a non-empty array of lines`, field);
  }
  return value.map((line, k) => readLine(line, field, `${field}[${k}]`));
}

/** Reads and checks a FeatureCollection of ways; throws a 400 naming the first problem. */
export function parseRoadNetwork(body: unknown): ParsedWay[] {
  if (!isObject(body) || body.type !== 'FeatureCollection') {
    throw badRequest('the file must be a GeoJSON FeatureCollection', 'type');
  }
  const features = body.features;
  if (!Array.isArray(features)) throw badRequest('features must be an array', 'features');
  if (features.length === 0) throw badRequest('the file has no features (no roads)', 'features');
  const ways = features.map((feature, i) => readWay(feature, i));
  const pieces = ways.reduce(
    (n, way) => n + way.parts.reduce((m, part) => m + part.length - 1, 0),
    0,
  );
  if (pieces > maxSegments) {
    throw badRequest(`the file has ${pieces} road segments; at most ${maxSegments}`, 'features');
  }
  return ways;
}

/**
 * Cuts every way into its straight two-point segments, numbered along the way. Ways that share
 * an id (a road split in the export) continue one numbering.
 */
export function cutSegments(ways: readonly ParsedWay[]): PlannedSegment[] {
  const nextSeq = new Map<string, number>();
  const segments: PlannedSegment[] = [];
  for (const way of ways) {
    let seq = nextSeq.get(way.wayId) ?? 0;
    for (const part of way.parts) {
      for (let k = 1; k < part.length; k++) {
        const [lat1, lng1] = part[k - 1]!;
        const [lat2, lng2] = part[k]!;
        const ends = { lat1, lng1, lat2, lng2 };
        segments.push({
          feature: way.feature,
          wayId: way.wayId,
          name: way.name,
          kind: way.kind,
          seq: seq++,
          ...ends,
          lengthM: segmentLengthM(ends),
        });
      }
    }
    nextSeq.set(way.wayId, seq);
  }
  return segments;
}
