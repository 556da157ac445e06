import { beforeAll, describe, expect, it } from 'vitest';
import type { Campaign, CampaignSummary, Donation } from '../../src/funding/funding.schemas';
import { vietnamDate } from '../../src/jurisdictions/jurisdiction-tree';
import { unitIds } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/harness';
import {
  caller,
  campaignBody,
  donationBody,
  fundingWorld,
  openCampaign,
  type FundingWorld,
} from './funding-fixtures';

// Campaign books through the HTTP API on both databases: a ledger that balances, the expense
// that overdraws (kept, flagged), every bad input named, nothing half-saved, and scope.

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

describeEachDatabase('funding', (harness) => {
  let world: FundingWorld;
  let call: ReturnType<typeof caller>;
  let campaign: Campaign;
  const url = () => `/api/campaigns/${campaign.id}`;
  const read = async () => {
    const response = await call('admin', 'GET', url());
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Campaign>();
  };
  const refusal = async (
    who: 'xd.official' | 'admin',
    method: 'POST' | 'PATCH',
    path: string,
    payload: object,
  ) => {
    const response = await call(who, method, path, payload);
    return `${response.statusCode} ${response.json<ErrorBody>().error.field}`;
  };

  beforeAll(async () => {
    world = await fundingWorld(harness());
    call = caller(world);
    campaign = await openCampaign(world);
  });

  it('opens a campaign with the account holder written as the bank prints it', () => {
    expect(campaign).toMatchObject({
      unitId: unitIds.xuanDinh,
      unitName: 'Xuân Đỉnh',
      bankBin: '970405',
      bankName: 'Agribank',
      accountNumber: '1500205012345',
      accountName: 'QUY CAMERA PHUONG XUAN DINH',
      status: 'active',
      camerasFunded: 0,
      costPerCameraVnd: null,
      donations: [],
      expenses: [],
    });
    expect(campaign.ledger).toMatchObject({ raisedVnd: 0, spentVnd: 0, balanceVnd: 0 });
  });

  describe('books', () => {
    beforeAll(async () => {
      for (const body of [
        donationBody({ receiptNumber: 'BL-001' }),
        donationBody({
          donorName: 'Cửa hàng Minh Phát',
          donorPublic: false,
          amountVnd: 1_200_000,
          channel: 'vietqr',
          receiptNumber: 'BL-002',
        }),
        donationBody({ donorName: null, donorPublic: false, amountVnd: 300_000 }),
      ]) {
        const response = await call('xd.official', 'POST', `${url()}/donations`, body);
        expect(response.statusCode, response.body).toBe(201);
      }
      const expense = await call('xd.official', 'POST', `${url()}/expenses`, {
        item: 'Mua 2 camera ngõ 12',
        supplier: 'Công ty An Ninh Thăng Long',
        amountVnd: 1_500_000,
        spentOn: '2024-03-20',
        cameraIds: [world.cameras.xd1, world.cameras.xd2],
        receiptNumber: 'HD-01',
      });
      expect(expense.statusCode, expense.body).toBe(201);
      expect(expense.json()).toMatchObject({ overBalance: false, warning: null });
    });

    it('balances: raised 2,000,000 − spent 1,500,000 = 500,000, two cameras at 750,000', async () => {
      const books = await read();
      expect(books.ledger).toEqual({
        raisedVnd: 2_000_000,
        spentVnd: 1_500_000,
        balanceVnd: 500_000,
        goalVnd: 10_000_000,
        progressPct: 20,
        overBalanceCount: 0,
        donations: 3,
        expenses: 1,
      });
      expect(books.camerasFunded).toBe(2);
      expect(books.costPerCameraVnd).toBe(750_000);
      const anonymous = books.donations.find((d) => d.amountVnd === 300_000)!;
      expect(anonymous).toMatchObject({ donorName: null, anonymous: true, donorPublic: false });
    });

    it('keeps an expense larger than the balance, flagged over_balance', async () => {
      const response = await call('xd.official', 'POST', `${url()}/expenses`, {
        item: 'Kéo cáp quang ngõ 12',
        amountVnd: 800_000,
        spentOn: '2024-03-25',
        siteIds: [world.sites.installed, world.sites.agreed],
      });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json<{ expense: { overBalance: boolean }; warning: string }>();
      expect(body).toMatchObject({ overBalance: true, warning: 'over_balance' });
      expect(body.expense.overBalance).toBe(true);
      const books = await read();
      expect(books.ledger).toMatchObject({
        spentVnd: 2_300_000,
        balanceVnd: -300_000,
        overBalanceCount: 1,
      });
      // The installed site brings its camera; the agreed one has none yet.
      expect(books.camerasFunded).toBe(3);
      expect(books.costPerCameraVnd).toBe(766_667);
    });

    it('lists campaigns with the same books', async () => {
      const response = await call('xd.police', 'GET', `/api/campaigns?unitId=${unitIds.xuanDinh}`);
      expect(response.statusCode, response.body).toBe(200);
      const [item] = response.json<{ items: CampaignSummary[] }>().items;
      expect(item).toMatchObject({ id: campaign.id, camerasFunded: 3 });
      expect(item!.ledger).toMatchObject({ raisedVnd: 2_000_000, spentVnd: 2_300_000 });
    });
  });

  describe('bad input, named, nothing half-saved', () => {
    let before: Campaign;
    beforeAll(async () => {
      before = await read();
    });

    it('refuses donations of 0, 1.5 and "1000" đồng, naming amountVnd', async () => {
      const path = `${url()}/donations`;
      for (const amountVnd of [0, 1.5, '1000', -5]) {
        expect(await refusal('xd.official', 'POST', path, donationBody({ amountVnd }))).toBe(
          '400 amountVnd',
        );
      }
      const fraction = await call('xd.official', 'POST', path, donationBody({ amountVnd: 1.5 }));
      expect(fraction.json<ErrorBody>().error.message).toMatch(/whole đồng/);
    });

    it('refuses a bad date, a future date and an unknown channel, each by name', async () => {
      const path = `${url()}/donations`;
      const tomorrow = vietnamDate(new Date(Date.now() + 86_400_000));
      expect(
        await refusal('xd.official', 'POST', path, donationBody({ donatedOn: tomorrow })),
      ).toBe('400 donatedOn');
      expect(
        await refusal('xd.official', 'POST', path, donationBody({ donatedOn: '2024-02-30' })),
      ).toBe('400 donatedOn');
      expect(await refusal('xd.official', 'POST', path, donationBody({ channel: 'momo' }))).toBe(
        '400 channel',
      );
      expect(await refusal('xd.official', 'POST', path, donationBody({ donorName: null }))).toBe(
        '400 donorPublic',
      );
    });

    it('refuses a receipt number the campaign already has (409)', async () => {
      expect(
        await refusal(
          'xd.official',
          'POST',
          `${url()}/donations`,
          donationBody({ receiptNumber: 'BL-001' }),
        ),
      ).toBe('409 receiptNumber');
      const expense = { item: 'x', amountVnd: 1, spentOn: '2024-03-26', receiptNumber: 'HD-01' };
      expect(await refusal('xd.official', 'POST', `${url()}/expenses`, expense)).toBe(
        '409 receiptNumber',
      );
    });

    it('refuses expenses linked to cameras or sites that are missing or outside the unit', async () => {
      const path = `${url()}/expenses`;
      const expense = (links: object) => ({
        item: 'Lắp camera',
        amountVnd: 100_000,
        spentOn: '2024-03-26',
        ...links,
      });
      const away = await call(
        'xd.official',
        'POST',
        path,
        expense({
          cameraIds: [world.cameras.xd1, world.cameras.cn1],
        }),
      );
      expect(away.statusCode).toBe(400);
      expect(away.json<ErrorBody>().error).toMatchObject({ field: 'cameraIds' });
      expect(away.json<ErrorBody>().error.message).toContain(world.cameras.cn1);
      expect(await refusal('xd.official', 'POST', path, expense({ cameraIds: ['nope'] }))).toBe(
        '400 cameraIds',
      );
      // A good camera and a bad site: the expense is not stored at all.
      expect(
        await refusal(
          'xd.official',
          'POST',
          path,
          expense({
            cameraIds: [world.cameras.xd1],
            siteIds: [world.sites.away],
          }),
        ),
      ).toBe('400 siteIds');
      expect(await refusal('xd.official', 'POST', path, expense({ amountVnd: 0 }))).toBe(
        '400 amountVnd',
      );
    });

    it('refuses campaigns that end before they start, with no goal or an unknown bank', async () => {
      const cases: [object, string][] = [
        [{ endsOn: '2024-02-28' }, 'endsOn'],
        [{ goalVnd: 0 }, 'goalVnd'],
        [{ goalVnd: 2.5 }, 'goalVnd'],
        [{ bankBin: '97040' }, 'bankBin'],
        [{ bankBin: '999999' }, 'bankBin'],
        [{ accountNumber: '12-AB' }, 'accountNumber'],
        [{ accountName: '王' }, 'accountName'],
        [{ startsOn: '2024-13-01' }, 'startsOn'],
        [{ unitId: 'u-nowhere' }, 'unitId'],
      ];
      for (const [overrides, field] of cases) {
        expect(
          await refusal('xd.official', 'POST', '/api/campaigns', campaignBody(overrides)),
          JSON.stringify(overrides),
        ).toBe(`400 ${field}`);
      }
      expect(await refusal('xd.official', 'PATCH', url(), { endsOn: '2024-01-01' })).toBe(
        '400 endsOn',
      );
    });

    it('left the books exactly as they were', async () => {
      const after = await read();
      expect(after.ledger).toEqual(before.ledger);
      expect(after.donations.length).toBe(before.donations.length);
      expect(after.expenses.length).toBe(before.expenses.length);
      expect(after.endsOn).toBe(before.endsOn);
      const campaigns = await world.h.ctx.db.kysely.selectFrom('campaigns').select('id').execute();
      expect(campaigns).toHaveLength(1);
    });
  });

  describe('changes and closing', () => {
    it('changes the goal and closes the campaign; a closed campaign takes no entries', async () => {
      const patched = await call('xd.official', 'PATCH', url(), {
        goalVnd: 4_000_000,
        status: 'closed',
        bankBin: '970436',
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json<Campaign>()).toMatchObject({
        status: 'closed',
        bankName: 'Vietcombank',
        ledger: { goalVnd: 4_000_000, progressPct: 50 },
      });
      const late = await call('xd.official', 'POST', `${url()}/donations`, donationBody());
      expect(late.statusCode).toBe(409);
      expect(late.json<ErrorBody>().error.field).toBe('status');
      const reopened = await call('xd.official', 'PATCH', url(), { status: 'active' });
      expect(reopened.json<Campaign>().status).toBe('active');
    });

    it('audits every change to the books', async () => {
      const events = await world.h.ctx.db.kysely
        .selectFrom('audit_events')
        .select(['action', 'target_id'])
        .where('target_type', '=', 'campaign')
        .execute();
      const actions = new Set(events.map((e) => e.action));
      for (const action of [
        'campaign.create',
        'campaign.update',
        'donation.create',
        'expense.create',
      ])
        expect(actions.has(action), action).toBe(true);
      expect(events.every((e) => e.target_id === campaign.id)).toBe(true);
    });
  });

  it('returns the donation it recorded', async () => {
    const response = await call(
      'admin',
      'POST',
      `${url()}/donations`,
      donationBody({
        donorName: '  Trần Thị Bình ',
        amountVnd: 250_000,
        note: 'Thu tại nhà văn hóa',
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<Donation>()).toMatchObject({
      donorName: 'Trần Thị Bình',
      donorPublic: true,
      anonymous: false,
      amountVnd: 250_000,
      channel: 'cash',
      note: 'Thu tại nhà văn hóa',
    });
  });
});
