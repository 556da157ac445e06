import { beforeAll, expect, it } from 'vitest';
import type { Campaign } from '../../src/funding/funding.schemas';
import type { PublicCampaign, PublicCampaignSummary } from '../../src/funding/public.service';
import { unitCoverage } from '../../src/coverage/coverage.service';
import { readVietQr } from '../../src/funding/vietqr';
import { unitIds } from '../helpers/fixtures';
import { giveTestUnitsBoundaries } from '../helpers/incident-fixtures';
import { describeEachDatabase } from '../helpers/harness';
import {
  caller,
  decodePng,
  donationBody,
  fundingWorld,
  openCampaign,
  type FundingWorld,
} from './funding-fixtures';

// The transparency page's API, called with no account: the same numbers as the books, donors
// named only when they agreed, and nothing personal beyond those names.

describeEachDatabase('transparency', (harness) => {
  let world: FundingWorld;
  let call: ReturnType<typeof caller>;
  let campaign: Campaign;
  const secretNote = 'Số điện thoại 0912 345 678, nhận tại nhà';

  beforeAll(async () => {
    world = await fundingWorld(harness());
    call = caller(world);
    campaign = await openCampaign(world);
    const url = `/api/campaigns/${campaign.id}`;
    const donations = [
      donationBody({
        donorName: 'Hộ Phạm Văn Công',
        amountVnd: 2_000_000,
        donatedOn: '2024-03-03',
      }),
      donationBody({
        donorName: 'Ông Kín Tên',
        donorPublic: false,
        amountVnd: 5_000_000,
        note: secretNote,
        receiptNumber: 'BL-77',
      }),
      donationBody({ donorName: null, donorPublic: false, amountVnd: 700_000 }),
      donationBody({ donorName: null, donorPublic: false, amountVnd: 300_000 }),
    ];
    for (const body of donations) {
      const response = await call('xd.official', 'POST', `${url}/donations`, body);
      expect(response.statusCode, response.body).toBe(201);
    }
    for (const expense of [
      {
        item: 'Camera ngõ 3',
        amountVnd: 4_000_000,
        cameraIds: [world.cameras.xd1, world.cameras.xdPlanned],
      },
      { item: 'Camera điểm đã lắp', amountVnd: 2_500_000, siteIds: [world.sites.installed] },
    ]) {
      const response = await call('xd.official', 'POST', `${url}/expenses`, {
        supplier: 'Công ty Thăng Long',
        spentOn: '2024-03-15',
        note: 'nội bộ: hoá đơn kẹp sổ',
        ...expense,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    campaign = (await call('admin', 'GET', url)).json<Campaign>();
  });

  it('lists campaigns to anyone, with the books’ numbers', async () => {
    const response = await call(null, 'GET', '/api/public/campaigns');
    expect(response.statusCode, response.body).toBe(200);
    const [item] = response.json<{ items: PublicCampaignSummary[] }>().items;
    expect(item).toEqual({
      id: campaign.id,
      unitName: 'Xuân Đỉnh',
      name: campaign.name,
      goalVnd: 10_000_000,
      raisedVnd: 8_000_000,
      spentVnd: 6_500_000,
      balanceVnd: 1_500_000,
      startsOn: '2024-03-01',
      endsOn: '2024-04-30',
      status: 'active',
      // xd1 and the site's xd3 are up; xdPlanned is paid for but not installed yet.
      camerasInstalled: 2,
      coveragePct: null,
    });
    expect(campaign.ledger).toMatchObject({ raisedVnd: 8_000_000, spentVnd: 6_500_000 });
    expect(campaign.camerasFunded).toBe(3);
  });

  it('names only donors who agreed and sums the rest as anonymous', async () => {
    const response = await call(null, 'GET', `/api/public/campaigns/${campaign.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<PublicCampaign>();
    expect(page.donors).toEqual([
      { name: 'Hộ Phạm Văn Công', amountVnd: 2_000_000, donatedOn: '2024-03-03' },
    ]);
    expect(page.anonymousCount).toBe(3);
    expect(page.anonymousVnd).toBe(6_000_000);
    const named = page.donors.reduce((sum, d) => sum + d.amountVnd, 0);
    expect(named + page.anonymousVnd).toBe(page.raisedVnd);
    expect(page.expenses.map((e) => e.amountVnd).sort()).toEqual([2_500_000, 4_000_000]);
    expect(Object.keys(page.expenses[0]!).sort()).toEqual([
      'amountVnd',
      'item',
      'spentOn',
      'supplier',
    ]);
    expect(page.expenses[0]).toMatchObject({
      supplier: 'Công ty Thăng Long',
      spentOn: '2024-03-15',
    });
    expect(page.description).toBe(campaign.description);
  });

  it('lets nothing personal through: no hidden names, notes, receipts or recorders', async () => {
    const body = (await call(null, 'GET', `/api/public/campaigns/${campaign.id}`)).body;
    const list = (await call(null, 'GET', '/api/public/campaigns')).body;
    const official = await world.h.ctx.db.kysely
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'xd.official')
      .executeTakeFirstOrThrow();
    for (const text of [body, list]) {
      for (const secret of ['Ông Kín Tên', secretNote, '0912', 'BL-77', 'kẹp sổ', official.id]) {
        expect(text.includes(secret), secret).toBe(false);
      }
    }
  });

  it('gives the donation VietQR and its PNG without a login', async () => {
    const page = (
      await call(null, 'GET', `/api/public/campaigns/${campaign.id}`)
    ).json<PublicCampaign>();
    expect(page.vietqr).toMatchObject({
      bankName: 'Agribank',
      accountNumber: '1500205012345',
      accountName: 'QUY CAMERA PHUONG XUAN DINH',
    });
    expect(readVietQr(page.vietqr.payload)).toMatchObject({
      valid: true,
      bankBin: '970405',
      accountNumber: '1500205012345',
      amountVnd: null,
    });
    const png = await call(null, 'GET', `/api/public/campaigns/${campaign.id}/vietqr.png`);
    expect(png.statusCode).toBe(200);
    expect(decodePng(png.rawPayload).width).toBe(320);
  });

  it('follows the books as they change', async () => {
    const response = await call(
      'xd.official',
      'POST',
      `/api/campaigns/${campaign.id}/donations`,
      donationBody({ donorName: 'Trường Tiểu học Xuân Đỉnh', amountVnd: 1_000_000 }),
    );
    expect(response.statusCode).toBe(201);
    const page = (
      await call(null, 'GET', `/api/public/campaigns/${campaign.id}`)
    ).json<PublicCampaign>();
    expect(page.raisedVnd).toBe(9_000_000);
    expect(page.donors.map((d) => d.name)).toContain('Trường Tiểu học Xuân Đỉnh');
  });

  it('shows the coverage the unit has reached once its streets are known', async () => {
    await giveTestUnitsBoundaries(world.h.ctx);
    // One street running east from the cameras, which look east 30 m along it.
    const roads = await call('admin', 'POST', `/api/units/${unitIds.xuanDinh}/roads`, {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Đường Xuân Đỉnh', highway: 'secondary' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [105.7905, 21.0737],
              [105.7915, 21.0737],
            ],
          },
        },
      ],
    });
    expect(roads.statusCode, roads.body).toBe(201);
    const expected = (await unitCoverage(world.h.ctx, unitIds.xuanDinh, 'all')).pct;
    expect(expected).toBeGreaterThan(20);
    expect(expected).toBeLessThan(40);
    const list = (await call(null, 'GET', '/api/public/campaigns')).json<{
      items: PublicCampaignSummary[];
    }>();
    expect(list.items[0]!.coveragePct).toBe(expected);
  });

  it('answers 404 for an unknown campaign', async () => {
    expect((await call(null, 'GET', '/api/public/campaigns/nope')).statusCode).toBe(404);
    expect((await call(null, 'GET', '/api/public/campaigns/nope/vietqr.png')).statusCode).toBe(404);
  });
});
