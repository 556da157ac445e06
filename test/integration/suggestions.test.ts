import { beforeAll, expect, it } from 'vitest';
import { createCameras } from '../../src/cameras/camera.service';
import type { Site } from '../../src/planning/sites.schemas';
import type { Suggestion, CoverageFigures } from '../../src/planning/suggestions.service';
import { giveTestUnitsBoundaries, insertTestIncident } from '../helpers/incident-fixtures';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase, type Harness } from '../helpers/harness';
import { insertStreets, metresPerDegree } from './suggestions-roads';

// Placement suggestions through the HTTP API on both databases, on a ward with two streets:
// a 222 m street running north whose first 30 m a camera already sees, and a 20 m lane east of
// it where three incidents happened this year.

interface ErrorBody {
  error: { code: string; field?: string };
}
interface Answer {
  before: CoverageFigures;
  after: CoverageFigures;
  items: Suggestion[];
}

const laneStart: [number, number] = [21.07, 105.792];
const laneEnd: [number, number] = [
  21.07,
  105.792 + 20 / (metresPerDegree * Math.cos((21.07 * Math.PI) / 180)),
];

describeEachDatabase('placement suggestions', (harness) => {
  let h: Harness;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    h = harness();
    await seedTestUnits(h.ctx);
    await giveTestUnitsBoundaries(h.ctx);
    for (const [username, role, unit] of [
      ['xd.police', 'ward_police', unitIds.xuanDinh],
      ['cn.police', 'ward_police', unitIds.coNhue],
      ['hn.auditor', 'auditor', unitIds.hanoi],
      ['owner', 'camera_owner', unitIds.tanXuan1],
    ] as const) {
      await h.createUser({ username, role, jurisdictionId: unit });
      cookies[username] = await h.login(username);
    }
    await insertStreets(h.ctx, unitIds.xuanDinh, [
      {
        name: 'Đường Xuân Đỉnh',
        points: [
          [21.072, 105.79],
          [21.074, 105.79],
        ],
      },
      { name: 'Ngõ 12', points: [laneStart, laneEnd] },
    ]);
    await createCameras(h.ctx, null, [
      {
        code: 'XD-OLD',
        name: 'Đầu đường',
        ownerKind: 'ward',
        jurisdictionId: unitIds.xuanDinh,
        latitude: 21.072,
        longitude: 105.79,
        heading: 0,
        fov: 90,
        rangeM: 30,
        status: 'online',
        consentTier: 'live_always',
        recordingEnabled: false,
      },
    ]);
    const recent = Date.now() - 30 * 86_400_000;
    for (const offset of [0.00005, 0.0001, 0.00015]) {
      await insertTestIncident(h.ctx, {
        latitude: 21.07 + 0.0001,
        longitude: 105.792 + offset,
        from_ms: recent,
        to_ms: recent + 600_000,
      });
    }
  });

  const suggest = (payload: object, who = 'xd.police') =>
    h.app.inject({
      method: 'POST',
      url: '/api/coverage/suggestions',
      payload: { unitId: unitIds.xuanDinh, mode: 'all', candidates: 'sampled', ...payload },
      headers: { cookie: cookies[who]! },
    });

  it('picks places along the uncovered street, each adding what it sees and no more', async () => {
    const response = await suggest({ budgetCameras: 3 });
    expect(response.statusCode, response.body).toBe(200);
    const { before, after, items } = response.json<Answer>();
    const streetM = 0.002 * metresPerDegree;
    expect(before.lengthM).toBeCloseTo(streetM + 20, 0);
    expect(before.coveredM).toBeCloseTo(30, 0);
    expect(items.map((i) => i.rank)).toEqual([1, 2, 3]);
    // A 90° wedge looking along the street sees 30 m of it; nothing is counted twice.
    for (const item of items) {
      expect(item.gainM).toBeCloseTo(30, 0);
      expect(item.streetName).toBe('Đường Xuân Đỉnh');
      expect([0, 180]).toContain(item.heading);
      expect(item).toMatchObject({ fov: 90, rangeM: 30, costVnd: 15_000_000, siteId: null });
    }
    let covered = before.coveredM;
    for (const item of items) {
      covered += item.gainM;
      expect(item.cumulativeCoveredM).toBeCloseTo(covered, 0);
    }
    expect(after.coveredM).toBeCloseTo(items.at(-1)!.cumulativeCoveredM, 0);
    expect(after.pct).toBeCloseTo((after.coveredM / after.lengthM) * 100, 1);
  });

  it('spends a budget in đồng at the unit cost, and the smaller of two budgets', async () => {
    const money = await suggest({ budgetVnd: 50_000_000, unitCostVnd: 15_000_000 });
    expect(money.json<Answer>().items).toHaveLength(3);
    const both = await suggest({ budgetVnd: 50_000_000, budgetCameras: 2 });
    expect(both.json<Answer>().items).toHaveLength(2);
    const none = await suggest({ budgetCameras: 0 });
    expect(none.json<Answer>().items).toEqual([]);
  });

  it('refuses a budget of −1 and a unit cost of 0, naming the field', async () => {
    for (const [payload, field] of [
      [{ budgetCameras: -1 }, 'budgetCameras'],
      [{ budgetVnd: -1 }, 'budgetVnd'],
      [{ unitCostVnd: 0 }, 'unitCostVnd'],
      [{ incidentWeight: -1 }, 'incidentWeight'],
    ] as const) {
      const response = await suggest(payload);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<ErrorBody>().error.field).toBe(field);
    }
  });

  it('moves the first pick to the lane with incidents when they weigh', async () => {
    const plain = await suggest({ budgetCameras: 1 });
    expect(plain.json<Answer>().items[0]!.streetName).toBe('Đường Xuân Đỉnh');
    // Three incidents within 100 m of the lane at weight 1: its metres count 1 + 1 × 3 = 4.
    // The lane is shorter than the spacing, so it is tried from its middle: 10 m either way,
    // worth 40 against the street's 30.
    const weighted = await suggest({ budgetCameras: 1, incidentWeight: 1 });
    const [first] = weighted.json<Answer>().items;
    expect(first!.streetName).toBe('Ngõ 12');
    expect(first!.gainM).toBeCloseTo(10, 0);
    expect(first!.weightedGain).toBeCloseTo(40, 0);
  });

  it('counts only recorded cameras in recorded mode', async () => {
    const recorded = await suggest({ mode: 'recorded', budgetCameras: 0 });
    expect(recorded.json<Answer>().before.coveredM).toBe(0);
  });

  it('chooses among the ward’s planned sites, and an accepted suggestion becomes one', async () => {
    const { items } = (await suggest({ budgetCameras: 1 })).json<Answer>();
    const pick = items[0]!;
    const accept = await h.app.inject({
      method: 'POST',
      url: '/api/planned-sites',
      payload: {
        name: `Gợi ý: ${pick.streetName}`,
        latitude: pick.latitude,
        longitude: pick.longitude,
        heading: pick.heading,
        fov: pick.fov,
        rangeM: pick.rangeM,
        estimatedCostVnd: pick.costVnd,
        source: 'suggestion',
      },
      headers: { cookie: cookies['xd.police']! },
    });
    expect(accept.statusCode, accept.body).toBe(201);
    const site = accept.json<Site>();
    expect(site.source).toBe('suggestion');
    // A second site looks away from every street: it adds nothing and is not suggested.
    const useless = await h.app.inject({
      method: 'POST',
      url: '/api/planned-sites',
      payload: {
        name: 'Sân sau',
        latitude: 21.076,
        longitude: 105.794,
        heading: 0,
        fov: 60,
        rangeM: 20,
      },
      headers: { cookie: cookies['xd.police']! },
    });
    expect(useless.statusCode, useless.body).toBe(201);
    const planned = await suggest({ candidates: 'planned', budgetCameras: 5 });
    expect(planned.statusCode, planned.body).toBe(200);
    const chosen = planned.json<Answer>().items;
    expect(chosen.map((i) => i.siteId)).toEqual([site.id]);
    expect(chosen[0]).toMatchObject({ streetName: 'Đường Xuân Đỉnh' });
    expect(chosen[0]!.gainM).toBeCloseTo(pick.gainM, 0);
  });

  it('keeps the suggestions of a ward to those who plan it', async () => {
    expect((await suggest({}, 'cn.police')).statusCode).toBe(403);
    expect((await suggest({}, 'owner')).statusCode).toBe(403);
    expect((await suggest({ budgetCameras: 1 }, 'hn.auditor')).statusCode).toBe(200);
  });
});
