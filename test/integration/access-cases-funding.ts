import { expect } from 'vitest';
import { unitIds } from '../helpers/fixtures';
import { homeAndAway } from './access-cases-planning';
import type { Call, Check, World } from './access-world';

// Access-matrix cases for community funding: a campaign at home (Tân Xuân 1, inside every
// tester's area) and one away (Thạch Trị). The public transparency routes need no login.

interface FundingWorld {
  home: string;
  away: string;
}

const fundingWorlds = new WeakMap<World, Promise<FundingWorld>>();

const campaignBody = (unitId: string, name: string) => ({
  unitId,
  name,
  description: 'access test',
  goalVnd: 10_000_000,
  startsOn: '2024-03-01',
  endsOn: '2024-04-30',
  bankBin: '970405',
  accountNumber: '150020501234',
  accountName: 'QUY CAMERA',
});

async function openCampaign(world: World, unitId: string, name: string): Promise<string> {
  const response = await world.h.app.inject({
    method: 'POST',
    url: '/api/campaigns',
    payload: campaignBody(unitId, name),
    headers: { cookie: world.cookies.admin },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

function fundingWorld(world: World): Promise<FundingWorld> {
  let ready = fundingWorlds.get(world);
  if (!ready) {
    ready = (async () => ({
      home: await openCampaign(world, unitIds.tanXuan1, 'HOME-FUND'),
      away: await openCampaign(world, unitIds.thachTri, 'AWAY-FUND'),
    }))();
    fundingWorlds.set(world, ready);
  }
  return ready;
}

/** The same request on the home and the away campaign. */
function onCampaign(method: string, suffix: string, payload?: unknown, homeOk?: number[]): Check {
  return homeAndAway(async (world) => {
    const f = await fundingWorld(world);
    const at = (id: string): Call => ({ method, url: `/api/campaigns/${id}${suffix}`, payload });
    return { home: at(f.home), away: at(f.away) };
  }, homeOk);
}

const publicData = 'public: totals and only donors who opted in (transparency.test.ts)';

export const fundingCases: Record<string, Check | { unscoped: string }> = {
  'GET /api/campaigns': async (world, role, call) => {
    await fundingWorld(world);
    const response = await call({ method: 'GET', url: '/api/campaigns' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body.includes('AWAY-FUND'), `${role} lists the away campaign`).toBe(
      role === 'admin',
    );
    expect(response.body).toContain('HOME-FUND');
  },
  'POST /api/campaigns': homeAndAway(
    async (world) => {
      await fundingWorld(world);
      const at = (unitId: string): Call => ({
        method: 'POST',
        url: '/api/campaigns',
        payload: campaignBody(unitId, 'matrix'),
      });
      return { home: at(unitIds.tanXuan1), away: at(unitIds.thachTri) };
    },
    [201],
  ),
  'GET /api/campaigns/:id': onCampaign('GET', '', undefined, [200]),
  'PATCH /api/campaigns/:id': onCampaign('PATCH', '', { description: 'edited' }),
  'POST /api/campaigns/:id/donations': onCampaign('POST', '/donations', {
    amountVnd: 100_000,
    donatedOn: '2024-03-02',
    channel: 'cash',
  }),
  'POST /api/campaigns/:id/expenses': onCampaign('POST', '/expenses', {
    item: 'Camera',
    amountVnd: 50_000,
    spentOn: '2024-03-03',
  }),
  'GET /api/campaigns/:id/vietqr': onCampaign('GET', '/vietqr', undefined, [200]),
  'GET /api/campaigns/:id/vietqr.png': onCampaign('GET', '/vietqr.png', undefined, [200]),
  'GET /api/campaigns/:id/ledger.xlsx': onCampaign('GET', '/ledger.xlsx', undefined, [200]),
  'GET /api/campaigns/:id/ledger.csv': onCampaign('GET', '/ledger.csv', undefined, [200]),
  'GET /api/public/campaigns': { unscoped: publicData },
  'GET /api/public/campaigns/:id': { unscoped: publicData },
  'GET /api/public/campaigns/:id/vietqr.png': { unscoped: publicData },
};
