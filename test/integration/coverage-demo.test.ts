import { beforeAll, expect, it } from 'vitest';
import { createCameras } from '../../src/cameras/camera.service';
import { coverageGaps } from '../../src/coverage/coverage-views';
import { loadUnit, unitCoverage, coverageSummary } from '../../src/coverage/coverage.service';
import { hanoiCameras } from '../../src/demo/demo-hanoi';
import { demoPlaceItems } from '../../src/demo/demo-places';
import { seedDemoRoads } from '../../src/demo/demo-roads';
import { xuanDinhWays } from '../../src/demo/demo-roads-data';
import { importParsedRows } from '../../src/jurisdictions/jurisdiction-import';
import { jsonItemsToRows } from '../../src/jurisdictions/jurisdiction-rows';
import { vietnamDate } from '../../src/jurisdictions/jurisdiction-tree';
import { describeEachDatabase } from '../helpers/harness';

// The demo's street network against the demo's places and Hà Nội cameras: it imports inside
// today's Xuân Đỉnh (whose drawn outline makes the import refuse anything outside it), seeding
// it twice changes nothing, and the cameras cover some of it and leave gaps to plan.

describeEachDatabase('demo street network', (h) => {
  let wardId: string;

  beforeAll(async () => {
    const ctx = h().ctx;
    await importParsedRows(ctx, null, jsonItemsToRows(demoPlaceItems()), 'json', 'skip');
    const today = vietnamDate(ctx.now());
    const units = await ctx.db.kysely
      .selectFrom('jurisdictions')
      .select(['id', 'code'])
      .where('valid_from', '<=', today)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
      .execute();
    const byCode = new Map(units.map((unit) => [unit.code, unit.id]));
    const unitId = (code: string) => byCode.get(code) ?? `missing-${code}`;
    wardId = unitId('00611');
    await createCameras(ctx, null, hanoiCameras(unitId, 8554));
  });

  it('imports Xuân Đỉnh’s roads once, whatever the number of seeds', async () => {
    await seedDemoRoads(h().ctx);
    await seedDemoRoads(h().ctx);
    const imports = await h()
      .ctx.db.kysely.selectFrom('road_imports')
      .select(['unit_id', 'features'])
      .execute();
    expect(imports).toEqual([{ unit_id: wardId, features: xuanDinhWays.length }]);
  });

  it('has the five main roads and at least fifteen alleys', () => {
    const names = xuanDinhWays.map((way) => way.name);
    for (const road of ['Phạm Văn Đồng', 'Xuân Đỉnh', 'Võ Chí Công', 'Xuân La', 'Tân Xuân'])
      expect(names).toContain(road);
    expect(names.filter((name) => name.startsWith('Ngõ')).length).toBeGreaterThanOrEqual(15);
  });

  it('is partly covered by the demo’s cameras, more by all of them than by those recorded', async () => {
    const all = await unitCoverage(h().ctx, wardId, 'all');
    const recorded = await unitCoverage(h().ctx, wardId, 'recorded');
    expect(all.lengthM).toBeGreaterThan(10_000);
    expect(all.pct).toBeGreaterThan(10);
    expect(all.pct).toBeLessThan(80);
    expect(recorded.pct).toBeGreaterThan(0);
    expect(recorded.pct!).toBeLessThan(all.pct!);
  });

  it('spreads over the residential groups and leaves gaps to fill', async () => {
    const summary = await coverageSummary(h().ctx, await loadUnit(h().ctx, wardId), 'all');
    expect(summary.children.map((child) => child.name)).toContain('Tân Xuân 1');
    const tanXuan1 = summary.children.find((child) => child.name === 'Tân Xuân 1')!;
    expect(tanXuan1.pct).toBeGreaterThan(20);
    const gaps = await coverageGaps(h().ctx, await loadUnit(h().ctx, wardId), { minLengthM: 50 });
    expect(gaps.items.length).toBeGreaterThan(10);
  });
});
