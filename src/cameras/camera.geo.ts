import { badRequest } from '../platform/http/errors';
import { latCell } from './camera.rules';

/** A map viewport in degrees (WGS 84). */
export interface Bbox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/**
 * The latitude bands a viewport touches. A handful of bands become `lat_cell IN (…)`, so the
 * `(lat_cell, longitude)` index seeks one short longitude range per band instead of reading
 * every camera between the two latitudes; a country-wide view falls back to a band range.
 */
export type LatCells =
  { kind: 'list'; cells: number[] } | { kind: 'range'; from: number; to: number };

/** More bands than this are cheaper as one range than as separate seeks. */
export const maxListedCells = 64;

export function latCellsFor(bbox: Bbox): LatCells {
  const from = latCell(bbox.minLat);
  const to = latCell(bbox.maxLat);
  if (to - from + 1 > maxListedCells) return { kind: 'range', from, to };
  const cells: number[] = [];
  for (let cell = from; cell <= to; cell++) cells.push(cell);
  return { kind: 'list', cells };
}

/** Parses `minLng,minLat,maxLng,maxLat`; any problem is a 400 naming `bbox`. */
export function parseBbox(raw: string): Bbox {
  const parts = raw.split(',').map((part) => part.trim());
  const numbers = parts.map((part) => (part === '' ? Number.NaN : Number(part)));
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) {
    throw badRequest('bbox must be four numbers: minLng,minLat,maxLng,maxLat', 'bbox');
  }
  const [minLng, minLat, maxLng, maxLat] = numbers as [number, number, number, number];
  if (minLng < -180 || maxLng > 180 || minLat < -90 || maxLat > 90) {
    throw badRequest('bbox must lie within longitude -180…180 and latitude -90…90', 'bbox');
  }
  if (minLng > maxLng || minLat > maxLat) {
    throw badRequest(
      'bbox minimums must not exceed its maximums (minLng,minLat,maxLng,maxLat)',
      'bbox',
    );
  }
  return { minLng, minLat, maxLng, maxLat };
}
