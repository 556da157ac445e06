import { beforeAll, expect, it } from 'vitest';
import { createCameras } from '../../src/cameras/camera.service';
import type { CameraInput } from '../../src/cameras/camera.types';
import { vietnamDate } from '../../src/jurisdictions/jurisdiction-tree';
import { addDays } from '../../src/planning/projection';
import type { Target } from '../../src/planning/targets.service';
import { giveTestUnitsBoundaries } from '../helpers/incident-fixtures';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase, type Harness } from '../helpers/harness';
import { insertStreets, metresPerDegree, type TestStreet } from './suggestions-roads';

// Targets through the HTTP API on both databases, with the projections worked out by hand:
// cameras counted over the subtree, the pace of the last 180 days, coverage from a street whose
// covered length is known, and who may set or remove a target.

interface ErrorBody {
  error: { code: string; field?: string };
}

const today = vietnamDate(new Date());
const daysAgo = (n: number) => addDays(today, -n);

/** One street due north in Xuân Đỉnh, 0.002° long: 222.39 m. */
const street: TestStreet = {
  name: 'Ngõ 1 Xuân Đỉnh',
  points: [
    [21.072, 105.79],
    [21.074, 105.79],
  ],
};
const streetM = 0.002 * metresPerDegree;

const cam = (
  code: string,
  unitId: string,
  at: [number, number],
  installedOn: string | null,
  status: CameraInput['status'] = 'online',
): CameraInput => ({
  code,
  name: `Camera ${code}`,
  ownerKind: 'ward',
  jurisdictionId: unitId,
  latitude: at[0],
  longitude: at[1],
  heading: 0,
  fov: 90,
  rangeM: 55,
  status,
  consentTier: 'live_always',
  installedOn,
});

describeEachDatabase('targets', (harness) => {
  let h: Harness;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    h = harness();
    await seedTestUnits(h.ctx);
    await giveTestUnitsBoundaries(h.ctx);
    for (const [username, role, unit] of [
      ['hn.police', 'provincial_police', unitIds.hanoi],
      ['xd.police', 'ward_police', unitIds.xuanDinh],
      ['cn.police', 'ward_police', unitIds.coNhue],
      ['hn.auditor', 'auditor', unitIds.hanoi],
      ['admin', 'admin', null],
    ] as const) {
      await h.createUser({ username, role, jurisdictionId: unit });
      cookies[username] = await h.login(username);
    }
    await insertStreets(h.ctx, unitIds.xuanDinh, [street]);
    const away: [number, number] = [21.073, 105.795];
    await createCameras(h.ctx, null, [
      // On the street: A sees its first 55 m (installed long ago), R1 the 55 m after its middle.
      cam('XD-A', unitIds.xuanDinh, [21.072, 105.79], '2020-01-01'),
      cam('XD-R1', unitIds.xuanDinh, [21.073, 105.79], daysAgo(30)),
      // Away from the street: they count as cameras but cover none of it.
      cam('XD-B1', unitIds.xuanDinh, away, '2020-01-01'),
      cam('XD-B2', unitIds.xuanDinh, away, '2021-06-01'),
      cam('XD-B3', unitIds.xuanDinh, away, daysAgo(181), 'offline'),
      cam('XD-R2', unitIds.xuanDinh, away, daysAgo(50), 'installed'),
      cam('XD-R3', unitIds.xuanDinh, away, daysAgo(100)),
      // A planned camera is not on the street yet.
      cam('XD-P', unitIds.xuanDinh, away, null, 'planned'),
      // Cổ Nhuế's one camera carries no date: its planned site's installation is the record.
      cam('CN-1', unitIds.coNhue, [21.0628, 105.7781], null),
    ]);
  });

  const call = (who: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    h.app.inject({ method, url, payload, headers: { cookie: cookies[who]! } });

  const setTarget = async (payload: object, who = 'hn.police') => {
    const response = await call(who, 'POST', '/api/targets', payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Target>();
  };

  it('projects a camera target from the pace of the last 180 days', async () => {
    // Standing now: A, R1, B1, B2, B3, R2, R3 = 7. Installed in the last 180 days: R1, R2, R3
    // (B3 is 181 days old) = 3, so 3 / 6 = 0.5 a month. 10 − 7 = 3 more: 6 months,
    // 6 × 365.25 / 12 = 182.625 days → 183.
    const target = await setTarget({
      unitId: unitIds.xuanDinh,
      metric: 'cameras',
      targetValue: 10,
      dueOn: addDays(today, 200),
    });
    expect(target).toMatchObject({
      unitName: 'Xuân Đỉnh',
      current: 7,
      progressPct: 70,
      projection: { ratePerMonth: 0.5, projectedOn: addDays(today, 183), willMeet: true },
    });
    // Twenty is 13 more: 26 months = 791.375 days → 792, well after a due date a year out.
    const far = await setTarget({
      unitId: unitIds.xuanDinh,
      metric: 'cameras',
      targetValue: 20,
      dueOn: addDays(today, 365),
    });
    expect(far.projection).toMatchObject({ projectedOn: addDays(today, 792), willMeet: false });
  });

  it('counts a planned site installed recently when its camera carries no date', async () => {
    const site = await call('cn.police', 'POST', '/api/planned-sites', {
      name: 'Cổng chợ Cổ Nhuế',
      latitude: 21.0628,
      longitude: 105.7781,
      heading: 0,
      fov: 90,
      rangeM: 30,
    });
    expect(site.statusCode, site.body).toBe(201);
    const cameraId = (
      await h.ctx.db.kysely
        .selectFrom('cameras')
        .select('id')
        .where('code', '=', 'CN-1')
        .executeTakeFirstOrThrow()
    ).id;
    const installed = await call(
      'cn.police',
      'POST',
      `/api/planned-sites/${site.json<{ id: string }>().id}/status`,
      { status: 'installed', cameraId },
    );
    expect(installed.statusCode, installed.body).toBe(200);
    // 1 install in the window: 1/6 a month. 4 − 1 = 3 more: 18 months = 547.875 days → 548.
    const target = await setTarget({
      unitId: unitIds.coNhue,
      metric: 'cameras',
      targetValue: 4,
      dueOn: '2099-12-31',
    });
    expect(target).toMatchObject({ current: 1, progressPct: 25 });
    expect(target.projection).toMatchObject({
      ratePerMonth: 0.17,
      projectedOn: addDays(today, 548),
      willMeet: true,
    });
  });

  it('projects coverage from the camera pace and what recent cameras added', async () => {
    // A and R1 each see 55 m of the 222.39 m street: 49.46 % → 49.5. Without the three recent
    // cameras only A's 55 m remain, so they added 55 / 222.39 = 24.73 points, 8.24 each; at
    // 0.5 cameras a month that is 4.12 points a month. 80 − 49.5 = 30.5 points to go.
    const gained = (55 / streetM) * 100;
    const perMonth = 0.5 * (gained / 3);
    const days = Math.ceil((30.5 / perMonth) * (365.25 / 12));
    expect(days).toBe(226);
    const target = await setTarget({
      unitId: unitIds.xuanDinh,
      metric: 'coverage_pct',
      targetValue: 80,
      dueOn: addDays(today, 200),
    });
    expect(target.current).toBe(49.5);
    expect(target.progressPct).toBe(61.9);
    expect(target.projection).toMatchObject({
      ratePerMonth: 4.12,
      projectedOn: addDays(today, days),
      willMeet: false,
    });
    expect(target.projection.basis).toContain('3 cameras');
  });

  it('says there is not enough history where no camera was installed lately', async () => {
    await insertStreets(h.ctx, unitIds.thachTri, [
      {
        name: 'Đường thôn Liên Hương',
        points: [
          [18.404, 105.86],
          [18.406, 105.86],
        ],
      },
    ]);
    const target = await setTarget(
      { unitId: unitIds.thachTri, metric: 'coverage_pct', targetValue: 60, dueOn: '2030-12-31' },
      'admin',
    );
    expect(target).toMatchObject({ current: 0, progressPct: 0 });
    expect(target.projection).toEqual({
      ratePerMonth: 0,
      projectedOn: null,
      willMeet: false,
      basis: 'not enough history',
    });
  });

  it('lists a unit’s targets with its subtree’s, rolled up', async () => {
    await setTarget({
      unitId: unitIds.hanoi,
      metric: 'cameras',
      targetValue: 3000,
      dueOn: '2030-12-31',
      note: '3.000 camera',
    });
    const city = await call('hn.police', 'GET', `/api/targets?unitId=${unitIds.hanoi}`);
    const items = city.json<{ items: Target[] }>().items;
    // Hà Nội counts Xuân Đỉnh's 7 and Cổ Nhuế's 1.
    expect(items.find((t) => t.unitId === unitIds.hanoi)).toMatchObject({
      current: 8,
      note: '3.000 camera',
    });
    expect(new Set(items.map((t) => t.unitId))).toEqual(
      new Set([unitIds.hanoi, unitIds.xuanDinh, unitIds.coNhue]),
    );
    const ward = await call('xd.police', 'GET', '/api/targets');
    expect(ward.json<{ items: Target[] }>().items.every((t) => t.unitId === unitIds.xuanDinh)).toBe(
      true,
    );
    expect((await call('hn.auditor', 'GET', '/api/targets')).statusCode).toBe(200);
    expect(
      (await call('cn.police', 'GET', `/api/targets?unitId=${unitIds.xuanDinh}`)).statusCode,
    ).toBe(403);
  });

  it('refuses bad targets naming the field', async () => {
    for (const [change, field] of [
      [{ targetValue: 0 }, 'targetValue'],
      [{ targetValue: -3 }, 'targetValue'],
      [{ metric: 'coverage_pct', targetValue: 120 }, 'targetValue'],
      [{ targetValue: 2.5 }, 'targetValue'],
      [{ dueOn: '2025-13-01' }, 'dueOn'],
    ] as const) {
      const response = await call('hn.police', 'POST', '/api/targets', {
        unitId: unitIds.xuanDinh,
        metric: 'cameras',
        targetValue: 10,
        dueOn: '2026-12-31',
        ...change,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<ErrorBody>().error.field).toBe(field);
    }
  });

  it('lets only city leaders set and remove targets, within their jurisdiction', async () => {
    const body = {
      unitId: unitIds.xuanDinh,
      metric: 'cameras',
      targetValue: 12,
      dueOn: '2026-12-31',
    };
    expect((await call('xd.police', 'POST', '/api/targets', body)).statusCode).toBe(403);
    expect((await call('hn.auditor', 'POST', '/api/targets', body)).statusCode).toBe(403);
    const abroad = await call('hn.police', 'POST', '/api/targets', {
      ...body,
      unitId: unitIds.thachTri,
    });
    expect(abroad.statusCode).toBe(403);
    const target = await setTarget(body);
    expect((await call('xd.police', 'DELETE', `/api/targets/${target.id}`)).statusCode).toBe(403);
    expect((await call('hn.police', 'DELETE', `/api/targets/${target.id}`)).statusCode).toBe(204);
    expect((await call('hn.police', 'DELETE', `/api/targets/${target.id}`)).statusCode).toBe(404);
    const actions = await h.ctx.db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', target.id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['target.create', 'target.delete']);
  });
});
