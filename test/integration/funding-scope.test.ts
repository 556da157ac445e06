import { beforeAll, expect, it } from 'vitest';
import type { Campaign } from '../../src/funding/funding.schemas';
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

// Who may read and keep a campaign's books: readers in the campaign's unit, writers only
// among administrators and ward officials, nobody from the ward next door.

describeEachDatabase('funding scope', (harness) => {
  let world: FundingWorld;
  let call: ReturnType<typeof caller>;
  let campaign: Campaign;
  const url = () => `/api/campaigns/${campaign.id}`;

  beforeAll(async () => {
    world = await fundingWorld(harness());
    call = caller(world);
    campaign = await openCampaign(world);
    for (const amountVnd of [100_000, 200_000, 300_000]) {
      const response = await call(
        'xd.official',
        'POST',
        `${url()}/donations`,
        donationBody({ amountVnd }),
      );
      expect(response.statusCode, response.body).toBe(201);
    }
  });

  it('keeps a ward’s campaigns from another ward’s official', async () => {
    expect((await call('cn.official', 'GET', url())).statusCode).toBe(403);
    const list = await call('cn.official', 'GET', '/api/campaigns');
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);
    const other = await call('cn.official', 'GET', `/api/campaigns?unitId=${unitIds.xuanDinh}`);
    expect(other.statusCode).toBe(403);
    const foreign = await call('cn.official', 'POST', '/api/campaigns', campaignBody());
    expect(foreign.statusCode).toBe(403);
    expect(
      (await call('cn.official', 'POST', `${url()}/donations`, donationBody())).statusCode,
    ).toBe(403);
  });

  it('lets police and auditors read but not write; owners not even read', async () => {
    expect((await call('xd.police', 'GET', url())).statusCode).toBe(200);
    expect((await call('hn.auditor', 'GET', url())).statusCode).toBe(200);
    expect((await call('tx.owner', 'GET', url())).statusCode).toBe(403);
    const write = await call('xd.police', 'POST', `${url()}/donations`, donationBody());
    expect(write.statusCode).toBe(403);
    expect((await call('xd.police', 'PATCH', url(), { name: 'x' })).statusCode).toBe(403);
    expect((await call(null, 'GET', url())).statusCode).toBe(401);
    const stored = await world.h.ctx.db.kysely
      .selectFrom('donations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(3);
  });

  it('answers 404 for a campaign that does not exist', async () => {
    expect((await call('admin', 'GET', '/api/campaigns/nope')).statusCode).toBe(404);
    const donation = await call('admin', 'POST', '/api/campaigns/nope/donations', donationBody());
    expect(donation.statusCode).toBe(404);
  });
});
