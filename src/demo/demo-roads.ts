import { importRoads } from '../coverage/roads.service';
import { vietnamDate } from '../jurisdictions/jurisdiction-tree';
import type { AppContext } from '../platform/context';
import { xuanDinhWays } from './demo-roads-data';

// The demo's street network: phường Xuân Đỉnh's main roads and alleys, imported as a planner
// would import an OpenStreetMap export, so the coverage page has streets to colour.

/** The hand-made network as the GeoJSON FeatureCollection an export would give. */
export function demoRoadNetwork() {
  return {
    type: 'FeatureCollection',
    features: xuanDinhWays.map((way) => ({
      type: 'Feature',
      id: way.id,
      properties: { name: way.name, highway: way.highway },
      geometry: {
        type: 'LineString',
        coordinates: way.points.map(([lat, lng]) => [lng, lat]),
      },
    })),
  };
}

/** Imports Xuân Đỉnh's network unless the ward has one already (seeding twice changes nothing). */
export async function seedDemoRoads(ctx: AppContext): Promise<void> {
  const today = vietnamDate(ctx.now());
  const ward = await ctx.db.kysely
    .selectFrom('jurisdictions')
    .select('id')
    .where('code', '=', '00611')
    .where('valid_from', '<=', today)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
    .executeTakeFirst();
  if (!ward) throw new Error('the demo ward Xuân Đỉnh (00611) is missing or not current');
  const existing = await ctx.db.kysely
    .selectFrom('road_segments')
    .select('id')
    .where('unit_id', '=', ward.id)
    .limit(1)
    .executeTakeFirst();
  if (existing) return;
  await importRoads(ctx, null, ward.id, demoRoadNetwork(), 'xuan-dinh-demo.geojson');
}
