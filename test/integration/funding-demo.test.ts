import { beforeAll, expect, it } from 'vitest';
import { seedDemoFunding } from '../../src/demo/demo-funding';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed';
import type { Campaign } from '../../src/funding/funding.schemas';
import type { PublicCampaignSummary } from '../../src/funding/public.service';
import { vietnamDate } from '../../src/jurisdictions/jurisdiction-tree';
import { describeEachDatabase, type Harness } from '../helpers/harness';

// The demo's campaigns carry the article's figures through the real API, and seeding them
// again changes nothing.

const ids = {
  thachTri: 'demo-campaign-thach-tri',
  thachHa: 'demo-campaign-thach-ha',
  xuanDinh: 'demo-campaign-xuan-dinh',
};

describeEachDatabase('demo funding', (harness) => {
  let h: Harness;
  let admin: string;
  const campaign = async (id: string, cookie = admin) => {
    const response = await h.app.inject({
      method: 'GET',
      url: `/api/campaigns/${id}`,
      headers: { cookie },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Campaign>();
  };
  const entryCount = async () => {
    const rows = await Promise.all(
      (['campaigns', 'donations', 'expenses'] as const).map((table) =>
        h.ctx.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ),
    );
    return rows.map((row) => Number(row.n));
  };

  beforeAll(async () => {
    h = harness();
    await seedDemo(h.ctx);
    await seedDemoFunding(h.ctx);
    admin = await h.login('admin', DEMO_PASSWORD);
  }, 120_000);

  it('has Thạch Trị raise 150 million đồng in two months and spend it on its 16 cameras', async () => {
    const books = await campaign(ids.thachTri, await h.login('police.thachtri', DEMO_PASSWORD));
    expect(books.ledger).toMatchObject({
      raisedVnd: 150_000_000,
      spentVnd: 150_000_000,
      balanceVnd: 0,
      progressPct: 100,
      overBalanceCount: 0,
    });
    expect(books.camerasFunded).toBe(16);
    expect(books.costPerCameraVnd).toBe(9_375_000);
    expect(books.donations.length).toBeGreaterThan(100);
    expect(
      books.donations.every((d) => d.donatedOn >= '2020-07-01' && d.donatedOn <= '2020-08-31'),
    ).toBe(true);
    expect(books.donations.some((d) => d.donorPublic)).toBe(true);
    expect(books.donations.some((d) => d.anonymous)).toBe(true);
    const sizes = books.donations.map((d) => d.amountVnd);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(10_000_000);
  });

  it('has Thạch Hà spend 3.5 billion đồng on 336 cameras in 22 communes', async () => {
    const books = await campaign(ids.thachHa);
    expect(books.ledger).toMatchObject({ raisedVnd: 3_500_000_000, spentVnd: 3_500_000_000 });
    expect(books.camerasFunded).toBe(336);
    expect(books.costPerCameraVnd).toBe(10_416_667);
    expect(books.expenses).toHaveLength(22);
  });

  it('has a Xuân Đỉnh campaign in progress that takes a donation today', async () => {
    const books = await campaign(ids.xuanDinh);
    const today = vietnamDate(new Date());
    expect(books.status).toBe('active');
    expect(books.startsOn <= today && today <= books.endsOn).toBe(true);
    expect(books.ledger.progressPct).toBeGreaterThan(0);
    expect(books.ledger.progressPct).toBeLessThan(100);
    expect(books.ledger.balanceVnd).toBeGreaterThan(0);
    expect(books.donations.every((d) => d.donatedOn <= today)).toBe(true);
    const response = await h.app.inject({
      method: 'POST',
      url: `/api/campaigns/${ids.xuanDinh}/donations`,
      headers: { cookie: admin },
      payload: { amountVnd: 500_000, donatedOn: today, channel: 'vietqr' },
    });
    expect(response.statusCode, response.body).toBe(201);
  });

  it('shows all three on the public page', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/public/campaigns' });
    const items = response.json<{ items: PublicCampaignSummary[] }>().items;
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get(ids.thachTri)).toMatchObject({ raisedVnd: 150_000_000, camerasInstalled: 16 });
    expect(byId.get(ids.thachHa)).toMatchObject({ spentVnd: 3_500_000_000, camerasInstalled: 336 });
    expect(byId.get(ids.xuanDinh)?.status).toBe('active');
  });

  it('changes nothing when seeded again', async () => {
    const before = await entryCount();
    await seedDemoFunding(h.ctx);
    expect(await entryCount()).toEqual(before);
  });
});
