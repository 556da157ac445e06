import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../src/platform/context';
import { incidentSearchText } from '../../src/incidents/incident-search';
import type { IncidentTable } from '../../src/platform/db/schema';
import { unitIds } from './fixtures';

/**
 * Square outlines for the test units (half-sides in degrees), nested as the tree is and with
 * the two wards side by side without overlap, so a point resolves to exactly one ward.
 */
const squares: Record<string, { lat: number; lng: number; half: number }> = {
  [unitIds.hanoi]: { lat: 21.0285, lng: 105.8542, half: 0.3 },
  [unitIds.bacTuLiem]: { lat: 21.07, lng: 105.77, half: 0.03 },
  [unitIds.xuanDinh]: { lat: 21.0737, lng: 105.7905, half: 0.006 },
  [unitIds.tanXuan1]: { lat: 21.0752, lng: 105.7871, half: 0.002 },
  [unitIds.coNhue]: { lat: 21.0628, lng: 105.7781, half: 0.006 },
  [unitIds.haTinh]: { lat: 18.3428, lng: 105.9057, half: 0.3 },
  [unitIds.thachTri]: { lat: 18.405, lng: 105.86, half: 0.01 },
};

/** Gives `seedTestUnits`' units GeoJSON outlines, so points resolve to units. */
export async function giveTestUnitsBoundaries(ctx: AppContext): Promise<void> {
  for (const [id, { lat, lng, half }] of Object.entries(squares)) {
    const ring = [
      [lng - half, lat - half],
      [lng + half, lat - half],
      [lng + half, lat + half],
      [lng - half, lat + half],
      [lng - half, lat - half],
    ];
    await ctx.db.kysely
      .updateTable('jurisdictions')
      .set({ boundary: JSON.stringify({ type: 'Polygon', coordinates: [ring] }) })
      .where('id', '=', id)
      .execute();
  }
}

/** Path of a test unit, as `seedTestUnits` builds it. */
export async function unitPath(ctx: AppContext, unitId: string): Promise<string> {
  const row = await ctx.db.kysely
    .selectFrom('jurisdictions')
    .select('path')
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
  return row.path;
}

/**
 * Inserts an open incident directly (no API), for tests of what hangs off a case. Defaults: a
 * theft in Tân Xuân 1 (ward Xuân Đỉnh), the last hour before `now`.
 */
export async function insertTestIncident(
  ctx: AppContext,
  overrides: Partial<IncidentTable> = {},
): Promise<IncidentTable> {
  const now = ctx.now();
  const unitId = overrides.unit_id ?? unitIds.xuanDinh;
  const seq = Math.floor(Math.random() * 1_000_000);
  const row: IncidentTable = {
    id: randomUUID(),
    case_number: `T-${now.getUTCFullYear()}-${seq}`,
    unit_id: unitId,
    jurisdiction_path: await unitPath(ctx, unitIds.tanXuan1),
    case_year: now.getUTCFullYear(),
    case_seq: seq,
    type: 'theft',
    description: 'Mất trộm xe máy trước cửa nhà',
    latitude: 21.0752,
    longitude: 105.7871,
    address: 'Ngõ 12 Xuân Đỉnh',
    from_ms: now.getTime() - 3_600_000,
    to_ms: now.getTime() - 60_000,
    reporter_name: null,
    reporter_phone: null,
    status: 'open',
    opened_at: now.toISOString(),
    investigating_at: null,
    resolved_at: null,
    closed_at: null,
    footage_helped: null,
    helped_by: null,
    outcome_note: null,
    search_text: null,
    resolution: null,
    candidate_cameras: null,
    created_by: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    ...overrides,
  };
  row.search_text = incidentSearchText(row);
  await ctx.db.kysely.insertInto('incidents').values(row).execute();
  return row;
}
