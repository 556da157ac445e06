import type { Actor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import { badRequest } from '../platform/http/errors';
import { listCameraRows, type CameraRow } from './camera.repo';
import type { Camera } from './camera.schemas';
import { buildFilter, unitLabels, type RequestMeta } from './camera.service';
import { csvColumns, type CameraFilterQuery } from './camera.types';
import { toCamera } from './camera.view';
import { csvLine } from './camera-csv';
import { commonPath } from './camera-registration';

// Exports of the registry. Both honour the list's filters and the caller's scope, need a
// reason and are audited; neither carries stream URLs, and private owners' contact details
// appear only where the caller would see them without asking.

export const exportLimit = 200_000;

/** Columns written, in order: the import columns minus the stream URL. */
export const exportColumns = (Object.keys(csvColumns) as (keyof typeof csvColumns)[]).filter(
  (column) => column !== 'main_stream_url',
);

export type ExportFormat = 'csv' | 'geojson';

async function exportRows(
  ctx: AppContext,
  actor: Actor,
  query: CameraFilterQuery,
  reason: string,
  format: ExportFormat,
  meta: RequestMeta,
): Promise<CameraRow[]> {
  const why = reason.trim();
  if (!why) throw badRequest('reason is required for an export', 'reason');
  const filter = await buildFilter(ctx, actor, query);
  const rows = await listCameraRows(ctx.db, filter, { limit: exportLimit, offset: 0 });
  await ctx.audit.record({
    actor,
    action: 'camera.export',
    targetType: 'camera',
    jurisdictionPath: commonPath(rows.map((row) => row.jurisdiction_path)) ?? actor.scopePath,
    reason: why,
    ip: meta.ip ?? null,
    details: { format, count: rows.length, filters: query },
  });
  return rows;
}

export async function exportCamerasCsv(
  ctx: AppContext,
  actor: Actor,
  query: CameraFilterQuery,
  reason: string,
  meta: RequestMeta,
): Promise<string> {
  const rows = await exportRows(ctx, actor, query, reason, 'csv', meta);
  const labels = await unitLabels(ctx, rows);
  const now = ctx.now();
  // A byte-order mark so spreadsheet programs read the Vietnamese text as UTF-8.
  const out = ['\uFEFF' + csvLine(exportColumns)];
  for (const row of rows) {
    const camera = toCamera(row, labels.get(row.jurisdiction_id), actor, now);
    const values: Record<(typeof exportColumns)[number], string | number | boolean | null> = {
      code: camera.code,
      name: camera.name,
      owner_kind: camera.ownerKind,
      owner_name: camera.ownerName,
      owner_phone: camera.ownerPhone,
      jurisdiction_code: camera.jurisdictionCode,
      address: camera.address,
      latitude: camera.latitude,
      longitude: camera.longitude,
      heading: camera.heading,
      fov: camera.fov,
      range_m: camera.rangeM,
      status: camera.status,
      consent_tier: camera.consentTier,
      recording_enabled: camera.recordingEnabled,
      retention_days: camera.retentionDays,
      signage_posted: camera.signagePosted,
      installed_on: camera.installedOn,
      funding_source: camera.fundingSource,
      cost_vnd: camera.costVnd,
    };
    out.push(csvLine(exportColumns.map((column) => values[column])));
  }
  return out.join('');
}

/** Position is the geometry; permissions and stream hosts are the caller's, not the camera's. */
const omittedProperties = [
  'latitude',
  'longitude',
  'canEdit',
  'canChangeConsent',
  'mainStreamDisplay',
  'subStreamDisplay',
] as const;

export interface CameraFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: string;
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: Record<string, unknown>;
  }[];
}

export async function exportCamerasGeoJson(
  ctx: AppContext,
  actor: Actor,
  query: CameraFilterQuery,
  reason: string,
  meta: RequestMeta,
): Promise<CameraFeatureCollection> {
  const rows = await exportRows(ctx, actor, query, reason, 'geojson', meta);
  const labels = await unitLabels(ctx, rows);
  const now = ctx.now();
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => {
      const camera = toCamera(row, labels.get(row.jurisdiction_id), actor, now);
      const properties: Partial<Camera> = { ...camera };
      for (const key of omittedProperties) delete properties[key];
      return {
        type: 'Feature',
        id: camera.id,
        geometry: { type: 'Point', coordinates: [camera.longitude, camera.latitude] },
        properties,
      };
    }),
  };
}
