import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { seedDemo, type DemoAccount } from '../../src/demo/seed';
import { describeEachDatabase, type Harness } from '../helpers/harness';

async function counts(h: Harness) {
  const count = async (table: 'jurisdictions' | 'users' | 'cameras' | 'audit_events') =>
    Number(
      (
        await h.ctx.db.kysely
          .selectFrom(table)
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    units: await count('jurisdictions'),
    users: await count('users'),
    cameras: await count('cameras'),
    audit: await count('audit_events'),
  };
}

async function currentUnit(h: Harness, code: string) {
  return h.ctx.db.kysely
    .selectFrom('jurisdictions')
    .selectAll()
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
}

describeEachDatabase('demo data', (h) => {
  let accounts: DemoAccount[];
  let first: Awaited<ReturnType<typeof counts>>;

  beforeAll(async () => {
    accounts = (await seedDemo(h().ctx)).accounts;
    first = await counts(h());
  });

  it('changes nothing when seeded a second time, and still returns the accounts', async () => {
    const again = await seedDemo(h().ctx);
    expect(await counts(h())).toEqual(first);
    expect(again.accounts).toEqual(accounts);
    expect(first.cameras).toBeGreaterThan(1500);
  });

  it('has demo accounts for every role, all with the demo password', () => {
    expect(accounts.map((a) => [a.username, a.role])).toEqual([
      ['admin', 'admin'],
      ['police.xuandinh', 'ward_police'],
      ['leader.tanxuan1', 'ward_official'],
      ['official.xuandinh', 'ward_official'],
      ['owner.demo', 'camera_owner'],
      ['police.hanoi', 'provincial_police'],
      ['police.thachtri', 'ward_police'],
      ['auditor.hanoi', 'auditor'],
    ]);
    expect(new Set(accounts.map((a) => a.password))).toEqual(new Set(['matthan-demo']));
    expect(accounts.find((a) => a.username === 'police.xuandinh')?.unitName).toBe(
      'phường Xuân Đỉnh',
    );
  });

  it('lets every demo account log in', async () => {
    for (const account of accounts) {
      const cookie = await h().login(account.username, account.password);
      const me = await h().app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(me.json<{ user: { username: string } }>().user.username).toBe(account.username);
    }
  });

  it('gives Tân Xuân 1 its 16 residential-group street cameras', async () => {
    const group = await currentUnit(h(), '00611-TX1');
    const cameras = await h()
      .ctx.db.kysely.selectFrom('cameras')
      .selectAll()
      .where('jurisdiction_id', '=', group.id)
      .where('owner_kind', '=', 'residential_group')
      .execute();
    expect(cameras).toHaveLength(16);
  });

  it('gives Xuân Đỉnh 120 agreed sites, more than 60 of them installed', async () => {
    const ward = await currentUnit(h(), '00611');
    const sites = await h()
      .ctx.db.kysely.selectFrom('cameras')
      .select('status')
      .where('jurisdiction_id', '=', ward.id)
      .where('owner_kind', '=', 'ward')
      .execute();
    expect(sites).toHaveLength(120);
    const installed = sites.filter((s) => s.status !== 'planned').length;
    expect(installed).toBeGreaterThan(60);
    expect(installed).toBeLessThan(120);
  });

  it('gives Thạch Trị 16 cameras in its 7 villages, about 150 million VND in all', async () => {
    const commune = await currentUnit(h(), '18505');
    const cameras = await h()
      .ctx.db.kysely.selectFrom('cameras')
      .innerJoin('jurisdictions', 'jurisdictions.id', 'cameras.jurisdiction_id')
      .select(['cameras.jurisdiction_id', 'cameras.cost_vnd', 'cameras.funding_source'])
      .where('jurisdictions.parent_id', '=', commune.id)
      .where('jurisdictions.level', '=', 'residential_group')
      .execute();
    expect(cameras).toHaveLength(16);
    expect(new Set(cameras.map((c) => c.jurisdiction_id)).size).toBe(7);
    expect(cameras.reduce((sum, c) => sum + Number(c.cost_vnd), 0)).toBe(150_000_000);
    expect(new Set(cameras.map((c) => c.funding_source))).toEqual(new Set(['xã hội hóa']));
  });

  it("matches Thạch Hà's 336 cameras for 3.5 billion VND and the city's 500 ward cameras", async () => {
    const cameras = await h()
      .ctx.db.kysely.selectFrom('cameras')
      .select(['code', 'cost_vnd', 'owner_kind'])
      .execute();
    const thachHa = cameras.filter((c) => c.code.startsWith('TT-') || c.code.startsWith('TH-'));
    expect(thachHa).toHaveLength(336);
    expect(thachHa.reduce((sum, c) => sum + Number(c.cost_vnd), 0)).toBe(3_500_000_000);
    expect(cameras.filter((c) => /^HT-\d/.test(c.code) && c.owner_kind === 'ward')).toHaveLength(
      500,
    );
  });

  it('gives owner.demo its own household cameras', async () => {
    const owner = await h()
      .ctx.db.kysely.selectFrom('users')
      .select('id')
      .where('username', '=', 'owner.demo')
      .executeTakeFirstOrThrow();
    const cameras = await h()
      .ctx.db.kysely.selectFrom('cameras')
      .select(['owner_kind', 'consent_tier'])
      .where('owner_user_id', '=', owner.id)
      .execute();
    expect(cameras.length).toBeGreaterThanOrEqual(2);
    expect(cameras.every((c) => c.owner_kind === 'household')).toBe(true);
    expect(new Set(cameras.map((c) => c.consent_tier)).size).toBeGreaterThan(1);
  });

  it('stores demo stream credentials encrypted and shows them redacted', async () => {
    const row = await h()
      .ctx.db.kysely.selectFrom('cameras')
      .selectAll()
      .where('code', '=', 'TX1-01')
      .executeTakeFirstOrThrow();
    expect(row.main_stream_enc).not.toContain('demo-pass');
    expect(row.main_stream_display).toBe('rtsp://***@127.0.0.1:8554/cam-001');
    expect(h().ctx.box.open(row.main_stream_enc!)).toBe(
      'rtsp://demo:demo-pass@127.0.0.1:8554/cam-001',
    );
  });

  it('resolves the old codes of the article to the units that replaced them', async () => {
    const cookie = await h().login('police.thachtri', 'matthan-demo');
    const resolve = async (code: string) =>
      (
        await h().app.inject({
          method: 'GET',
          url: `/api/jurisdictions/resolve?code=${code}&at=2022-06-01`,
          headers: { cookie },
        })
      ).json<{ unit: { name: string }; current: { name: string } }>();
    expect(await resolve('18505')).toMatchObject({
      unit: { name: 'Thạch Trị' },
      current: { name: 'Đồng Tiến' },
    });
    expect(await resolve('00613')).toMatchObject({
      unit: { name: 'Cổ Nhuế 1' },
      current: { name: 'Nghĩa Đô' },
    });
    expect(await resolve('18076')).toMatchObject({
      unit: { name: 'Nam Hà' },
      current: { name: 'Thành Sen' },
    });
    expect(await resolve('443')).toMatchObject({
      unit: { name: 'Thạch Hà' },
      current: { name: 'Hà Tĩnh' },
    });
  });

  it('draws outlines of Xuân Đỉnh and its residential groups on the map', async () => {
    const cookie = await h().login('police.xuandinh', 'matthan-demo');
    const response = await h().app.inject({
      method: 'GET',
      url: '/api/jurisdictions/outlines?bbox=105.775,21.06,105.81,21.09',
      headers: { cookie },
    });
    const names = response
      .json<{ features: { properties: { name: string; level: string } }[] }>()
      .features.map((f) => f.properties.name);
    expect(names).toContain('Xuân Đỉnh');
    expect(names).toContain('Tân Xuân 1');
    expect(names).not.toContain('Thạch Trị');
  });
});
