import { beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed';
import { seedDemoSites } from '../../src/demo/demo-sites';
import { siteStatuses } from '../../src/planning/site-lifecycle';
import { describeEachDatabase, type Harness } from '../helpers/harness';

// The demo's planned sites and targets: every stage of the lifecycle in Xuân Đỉnh, installed
// sites standing for real demo cameras, and seeding twice adding nothing.

describeEachDatabase('demo planned sites', (harness) => {
  let h: Harness;

  beforeAll(async () => {
    h = harness();
    await seedDemo(h.ctx);
    await seedDemoSites(h.ctx);
  }, 120_000);

  const sites = () =>
    h.ctx.db.kysely
      .selectFrom('planned_sites')
      .leftJoin('jurisdictions', 'jurisdictions.id', 'planned_sites.unit_id')
      .leftJoin('cameras', 'cameras.id', 'planned_sites.camera_id')
      .select([
        'planned_sites.id',
        'planned_sites.status',
        'planned_sites.source',
        'planned_sites.jurisdiction_path',
        'planned_sites.installed_at',
        'cameras.status as camera_status',
        'jurisdictions.code as unit_code',
      ])
      .execute();

  it('seeds ten Xuân Đỉnh sites at every stage, some from suggestions', async () => {
    const rows = await sites();
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(siteStatuses));
    expect(rows.filter((r) => r.source === 'suggestion').length).toBeGreaterThan(0);
    expect(rows.every((r) => r.unit_code?.startsWith('00611'))).toBe(true);
  });

  it('links installed and connected sites to installed demo cameras', async () => {
    const installed = (await sites()).filter((r) => r.installed_at !== null);
    expect(installed).toHaveLength(2);
    for (const row of installed)
      expect(['installed', 'online', 'offline']).toContain(row.camera_status);
  });

  it('sets the article’s targets, and seeding again adds nothing', async () => {
    const targets = await h.ctx.db.kysely.selectFrom('coverage_targets').selectAll().execute();
    expect(targets.map((t) => [t.metric, Number(t.target_value)]).sort()).toEqual([
      ['cameras', 16],
      ['cameras', 3000],
      ['coverage_pct', 90],
    ]);
    await seedDemoSites(h.ctx);
    expect(await sites()).toHaveLength(10);
    const again = await h.ctx.db.kysely.selectFrom('coverage_targets').select('id').execute();
    expect(again).toHaveLength(3);
  });
});
