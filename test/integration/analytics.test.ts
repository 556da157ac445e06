import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/actor';
import type { Dashboard } from '../../src/analytics/dashboard';
import { dashboard } from '../../src/analytics/dashboard.service';
import { createCameras } from '../../src/cameras/camera.service';
import type { CameraInput } from '../../src/cameras/camera.types';
import type { IncidentTable } from '../../src/platform/db/schema';
import { searchText } from '../../src/platform/text';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase, type Harness } from '../helpers/harness';
import { insertTestIncident, unitPath } from '../helpers/incident-fixtures';

// The dashboard's figures on a small world whose answers are worked out by hand below: eight
// cases in Xuân Đỉnh in March 2025 with their requests and evidence, cameras put up in January
// and June, a campaign's books, and three sibling wards for the before/after comparison.

const dongNgac = 'u-dongngac';
const thuyPhuong = 'u-thuyphuong';
const vn = (day: string, time: string) => Date.parse(`${day}T${time}:00+07:00`);
const iso = (day: string, time: string) => new Date(vn(day, time)).toISOString();
const march = 'from=2025-03-01&to=2025-03-31';
const adminActor: Actor = {
  id: 'admin',
  username: 'admin',
  displayName: 'admin',
  role: 'admin',
  jurisdictionId: null,
  scopePath: null,
  via: 'session',
};

interface World {
  h: Harness;
  cookies: Record<string, string>;
  cameras: Record<string, string>;
}

async function addWard(h: Harness, id: string, code: string, name: string): Promise<void> {
  await h.ctx.db.kysely
    .insertInto('jurisdictions')
    .values({
      id,
      code,
      name,
      search_text: searchText(name, code),
      level: 'commune',
      kind: 'phường',
      parent_id: unitIds.bacTuLiem,
      path: `${await unitPath(h.ctx, unitIds.bacTuLiem)}${id}/`,
      valid_from: '2008-08-01',
      valid_to: null,
      successor_id: null,
      latitude: 21.08,
      longitude: 105.78,
      boundary: null,
      population: null,
      created_at: new Date().toISOString(),
    })
    .execute();
}

async function incident(
  h: Harness,
  unitId: string,
  at: number,
  extra: Partial<IncidentTable> = {},
): Promise<string> {
  const row = await insertTestIncident(h.ctx, {
    jurisdiction_path: await unitPath(h.ctx, unitId),
    from_ms: at,
    to_ms: at + 600_000,
    opened_at: new Date(at + 3_600_000).toISOString(),
    ...extra,
  });
  return row.id;
}

async function request(h: Harness, incidentId: string, cameraId: string, status: string) {
  const at = new Date().toISOString();
  await h.ctx.db.kysely
    .insertInto('footage_requests')
    .values({
      id: randomUUID(),
      incident_id: incidentId,
      camera_id: cameraId,
      owner_user_id: null,
      from_ms: 0,
      to_ms: 1,
      reason: 'Trích xuất hình ảnh vụ việc',
      deadline_at: at,
      status: status as 'pending',
      decline_reason: null,
      decided_at: null,
      decided_by: null,
      extraction_state: null,
      extraction_error: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

async function evidence(h: Harness, incidentId: string, kind: 'extract' | 'upload') {
  await h.ctx.db.kysely
    .insertInto('evidence_items')
    .values({
      id: randomUUID(),
      incident_id: incidentId,
      request_id: null,
      kind,
      derived_from: null,
      camera_id: null,
      source: '{}',
      file_name: 'clip.mp4',
      stored_path: 'evidence/clip.mp4',
      mime: 'video/mp4',
      bytes: 1,
      sha256: '0'.repeat(64),
      media: null,
      requested_from_ms: null,
      requested_to_ms: null,
      delivered_from_ms: null,
      delivered_to_ms: null,
      clock_offset_ms: null,
      clock_offset_method: null,
      clock_offset_by: null,
      clock_offset_at: null,
      clock_offset_note: null,
      collected_by: null,
      collected_at: new Date().toISOString(),
    })
    .execute();
}

const camera = (
  code: string,
  unitId: string,
  ownerKind: CameraInput['ownerKind'],
  status: CameraInput['status'],
  consentTier: CameraInput['consentTier'],
  installedOn: string | null,
): CameraInput => ({
  code,
  name: `Camera ${code}`,
  ownerKind,
  jurisdictionId: unitId,
  latitude: 21.0737,
  longitude: 105.7905,
  heading: 0,
  fov: 90,
  rangeM: 30,
  status,
  consentTier,
  installedOn,
});

async function campaign(h: Harness, unitId: string): Promise<string> {
  const id = randomUUID();
  const at = new Date().toISOString();
  await h.ctx.db.kysely
    .insertInto('campaigns')
    .values({
      id,
      unit_id: unitId,
      jurisdiction_path: await unitPath(h.ctx, unitId),
      name: 'Camera cho khu phố',
      description: 'Quyên góp lắp camera',
      goal_vnd: 50_000_000,
      starts_on: '2025-01-01',
      ends_on: '2025-12-31',
      bank_bin: '970436',
      bank_name: 'Vietcombank',
      account_number: '0011001234567',
      account_name: 'UBND PHUONG',
      status: 'active',
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

async function donation(h: Harness, campaignId: string, amount: number, on: string) {
  await h.ctx.db.kysely
    .insertInto('donations')
    .values({
      id: randomUUID(),
      campaign_id: campaignId,
      donor_name: 'Nguyễn Văn A',
      donor_public: 1,
      amount_vnd: amount,
      donated_on: on,
      channel: 'cash',
      receipt_number: null,
      note: null,
      recorded_by: null,
      created_at: new Date().toISOString(),
    })
    .execute();
}

async function expense(h: Harness, campaignId: string, amount: number, on: string, cams: string[]) {
  await h.ctx.db.kysely
    .insertInto('expenses')
    .values({
      id: randomUUID(),
      campaign_id: campaignId,
      item: 'Camera',
      supplier: null,
      amount_vnd: amount,
      spent_on: on,
      camera_ids: JSON.stringify(cams),
      site_ids: '[]',
      receipt_number: null,
      note: null,
      over_balance: 0,
      recorded_by: null,
      created_at: new Date().toISOString(),
    })
    .execute();
}

/** `n` plain open thefts in a unit on the 10th of a month at noon. */
async function plain(h: Harness, unitId: string, month: string, n: number) {
  for (let i = 0; i < n; i++) await incident(h, unitId, vn(`${month}-10`, '12:00') + i * 60_000);
}

async function seedWorld(h: Harness): Promise<World['cameras']> {
  await seedTestUnits(h.ctx);
  await addWard(h, dongNgac, '00598', 'Đông Ngạc');
  await addWard(h, thuyPhuong, '00599', 'Thụy Phương');
  const ids = await createCameras(h.ctx, null, [
    camera('XD-1', unitIds.xuanDinh, 'ward', 'online', 'live_always', '2025-01-10'),
    camera('XD-2', unitIds.xuanDinh, 'household', 'online', 'on_request', '2025-01-20'),
    camera('XD-3', unitIds.xuanDinh, 'business', 'offline', 'on_request', '2025-06-01'),
    camera('XD-4', unitIds.xuanDinh, 'household', 'installed', 'registry_only', '2025-06-05'),
    camera('XD-5', unitIds.tanXuan1, 'school', 'online', 'live_on_alarm', '2025-06-09'),
    camera('XD-P', unitIds.xuanDinh, 'household', 'planned', 'on_request', null),
    camera('CN-1', unitIds.coNhue, 'ward', 'online', 'live_always', '2024-06-01'),
    camera('TP-1', thuyPhuong, 'ward', 'online', 'live_always', '2025-08-01'),
  ]);
  const cams = Object.fromEntries(
    ['xd1', 'xd2', 'xd3', 'xd4', 'xd5', 'xdp', 'cn1', 'tp1'].map((k, i) => [k, ids[i]!]),
  );
  const xd = unitIds.xuanDinh;
  // A: night theft; candidates; a fulfilled request; footage helped; solved 12 h later.
  const a = await incident(h, xd, vn('2025-03-02', '20:00'), {
    candidate_cameras: 2,
    footage_helped: 1,
    resolution: 'solved',
    status: 'solved',
    resolved_at: iso('2025-03-03', '08:00'),
  });
  await request(h, a, cams.xd1!, 'fulfilled');
  // B: day theft; extracted from our recordings without a request; helped; solved in 6 h.
  const b = await incident(h, xd, vn('2025-03-05', '10:00'), {
    candidate_cameras: 1,
    footage_helped: 1,
    resolution: 'solved',
    status: 'closed',
    resolved_at: iso('2025-03-05', '16:00'),
  });
  await evidence(h, b, 'extract');
  // C: night snatch; a pending request; unsolved.
  const c = await incident(h, xd, vn('2025-03-07', '22:30'), {
    type: 'snatch_robbery',
    candidate_cameras: 3,
    resolution: 'unsolved',
    status: 'unsolved',
  });
  await request(h, c, cams.xd2!, 'pending');
  // D: night burglary; no camera saw the place, a neighbour uploaded a clip; helped; 48 h.
  const d = await incident(h, xd, vn('2025-03-10', '03:00'), {
    type: 'burglary',
    candidate_cameras: 0,
    footage_helped: 1,
    resolution: 'solved',
    status: 'solved',
    resolved_at: iso('2025-03-12', '03:00'),
  });
  await evidence(h, d, 'upload');
  // E: day theft; the only request was cancelled; footage did not help; solved in 24 h.
  const e = await incident(h, xd, vn('2025-03-15', '14:00'), {
    candidate_cameras: 2,
    footage_helped: 0,
    resolution: 'solved',
    status: 'solved',
    resolved_at: iso('2025-03-16', '14:00'),
  });
  await request(h, e, cams.xd1!, 'cancelled');
  // F: day theft; a declined request; solved in 10 h, footage not said.
  const f = await incident(h, xd, vn('2025-03-20', '09:00'), {
    candidate_cameras: 1,
    resolution: 'solved',
    status: 'solved',
    resolved_at: iso('2025-03-20', '19:00'),
  });
  await request(h, f, cams.xd2!, 'declined');
  // G: theft at 18:00; fulfilled and uploaded, but footage did not help; unsolved, closed.
  const g = await incident(h, xd, vn('2025-03-25', '18:00'), {
    candidate_cameras: 1,
    footage_helped: 0,
    resolution: 'unsolved',
    status: 'closed',
  });
  await request(h, g, cams.xd1!, 'fulfilled');
  await evidence(h, g, 'upload');
  // H: 05:59 in Tân Xuân 1 (inside Xuân Đỉnh); nothing known yet.
  await incident(h, unitIds.tanXuan1, vn('2025-03-28', '05:59'), { type: 'other' });

  // Around March: February, and the months of the before/after windows (roll-out June).
  await plain(h, xd, '2025-02', 1);
  await plain(h, xd, '2025-04', 2);
  await plain(h, xd, '2025-05', 2);
  await plain(h, xd, '2025-06', 5);
  for (const month of ['2025-07', '2025-08', '2025-09']) await plain(h, xd, month, 1);
  // Cổ Nhuế: three a month before, two after; in March one solved with footage, one without.
  await incident(h, unitIds.coNhue, vn('2025-03-03', '12:00'), {
    resolution: 'solved',
    footage_helped: 1,
    resolved_at: iso('2025-03-04', '12:00'),
  });
  await incident(h, unitIds.coNhue, vn('2025-03-04', '12:00'), {
    resolution: 'solved',
    footage_helped: 0,
    resolved_at: iso('2025-03-05', '12:00'),
  });
  await plain(h, unitIds.coNhue, '2025-03', 1);
  await plain(h, unitIds.coNhue, '2025-04', 3);
  await plain(h, unitIds.coNhue, '2025-05', 3);
  for (const month of ['2025-07', '2025-08', '2025-09']) await plain(h, unitIds.coNhue, month, 2);
  for (const month of ['2025-03', '2025-04', '2025-05', '2025-07', '2025-08', '2025-09']) {
    await plain(h, dongNgac, month, 1);
  }
  // Thụy Phương put up a camera in August: not a control, whatever its cases.
  await plain(h, thuyPhuong, '2025-03', 4);
  await plain(h, thuyPhuong, '2025-04', 3);
  await plain(h, thuyPhuong, '2025-05', 3);
  await incident(h, unitIds.thachTri, vn('2025-03-05', '12:00'));

  const xdCampaign = await campaign(h, xd);
  await donation(h, xdCampaign, 10_000_000, '2025-02-01');
  await donation(h, xdCampaign, 5_000_000, '2025-03-10');
  await donation(h, xdCampaign, 7_000_000, '2025-04-02');
  await expense(h, xdCampaign, 9_000_000, '2025-02-15', [cams.xd1!, cams.xd2!]);
  await expense(h, xdCampaign, 3_000_000, '2025-03-20', [cams.xd2!]);
  await expense(h, xdCampaign, 4_000_000, '2025-05-01', [cams.xd3!]);
  const cnCampaign = await campaign(h, unitIds.coNhue);
  await donation(h, cnCampaign, 1_000_000, '2025-03-01');
  return cams;
}

async function unitRow(h: Harness, id: string) {
  return h.ctx.db.kysely
    .selectFrom('jurisdictions')
    .select('path')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describeEachDatabase('analytics dashboard', (harness) => {
  const world = {} as World;

  beforeAll(async () => {
    world.h = harness();
    world.cameras = await seedWorld(world.h);
    world.cookies = {};
    for (const [username, role, unit] of [
      ['admin', 'admin', null],
      ['xd.police', 'ward_police', unitIds.xuanDinh],
      ['cn.police', 'ward_police', unitIds.coNhue],
      ['hn.auditor', 'auditor', unitIds.hanoi],
      ['tx.owner', 'camera_owner', unitIds.tanXuan1],
    ] as const) {
      await world.h.createUser({ username, role, jurisdictionId: unit });
      world.cookies[username] = await world.h.login(username);
    }
  });

  const get = (who: string, url: string) =>
    world.h.app.inject({ method: 'GET', url, headers: { cookie: world.cookies[who]! } });

  const board = async (who: string, query: string): Promise<Dashboard> => {
    const response = await get(who, `/api/analytics/dashboard?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Dashboard>();
  };

  it('counts the cases of a ward by type, hour and night', async () => {
    const xd = await board('xd.police', `unitId=${unitIds.xuanDinh}&${march}`);
    expect(xd.empty).toBe(false);
    expect(xd.incidents.total).toBe(8);
    expect(xd.incidents.byType).toEqual({ theft: 5, snatch_robbery: 1, burglary: 1, other: 1 });
    const hours = Array.from({ length: 24 }, () => 0);
    for (const hour of [20, 10, 22, 3, 14, 9, 18, 5]) hours[hour] = (hours[hour] ?? 0) + 1;
    expect(xd.incidents.byHour).toEqual(hours);
    // A 20:00, C 22:30, D 03:00, G 18:00, H 05:59: five of eight.
    expect(xd.incidents.night).toBe(5);
    expect(xd.incidents.nightShare).toBe(0.625);
    expect(xd.incidents.byMonth).toEqual([{ month: '2025-03', n: 8 }]);
    // Eight cases, so the map shows their points (all at the same test place but H's).
    expect(xd.incidents.heat.reduce((sum, p) => sum + p.n, 0)).toBe(8);
  });

  it('narrows the funnel step by step and never widens it', async () => {
    const xd = await board('xd.police', `unitId=${unitIds.xuanDinh}&${march}`);
    // Candidates: A B C E F G (D had none, H unknown). Requested: A (fulfilled), B (extract),
    // C (pending), F (declined), G (fulfilled); not E (cancelled). Received: A, B, G.
    // Used: A, B (G did not help; D helped but never had candidates). Solved: A, B.
    expect(xd.funnel).toEqual({
      incidents: 8,
      withCandidates: 6,
      requested: 5,
      received: 3,
      used: 2,
      solved: 2,
    });
    // Solved: A B D E F; footage helped A B D.
    expect(xd.solved).toBe(5);
    expect(xd.solvedWithFootage).toBe(3);
    expect(xd.solvedWithFootageShare).toBe(0.6);
  });

  it('takes the median time to solve with footage (odd count) and without (even count)', async () => {
    const xd = await board('xd.police', `unitId=${unitIds.xuanDinh}&${march}`);
    // With: B 6 h, A 12 h, D 48 h → 12.0. Without: F 10 h (not said), E 24 h (no) → 17.0.
    expect(xd.medianHoursToSolve).toEqual({
      withFootage: 12,
      withoutFootage: 17,
      withFootageCount: 3,
      withoutFootageCount: 2,
    });
  });

  it('compares before and after the roll-out with two quiet sibling wards', async () => {
    const xd = await board('xd.police', `unitId=${unitIds.xuanDinh}&${march}&months=3`);
    // Installs: two in January, three in June (XD-3, XD-4, XD-5) → June. Windows: March–May,
    // July–September. Treated: 8 + 2 + 2 = 12 before (4.0 a month), 3 after (1.0).
    // Controls: Cổ Nhuế (installed 2024) and Đông Ngạc; Thụy Phương installed in August.
    // Before: 9 + 3 = 12 over 3 months × 2 units = 2.0; after 6 + 3 = 9 → 1.5.
    // DiD = (1.0 − 4.0) − (1.5 − 2.0) = −2.5.
    expect(xd.beforeAfter).toMatchObject({
      rolloutMonth: '2025-06',
      months: 3,
      beforeMonths: 3,
      afterMonths: 3,
      treated: { beforeIncidents: 12, afterIncidents: 3, beforeRate: 4, afterRate: 1 },
      control: { units: 2, beforeIncidents: 12, afterIncidents: 9, beforeRate: 2, afterRate: 1.5 },
      did: -2.5,
      reason: null,
    });
    const given = await board(
      'xd.police',
      `unitId=${unitIds.xuanDinh}&${march}&months=3&rolloutMonth=2025-01`,
    );
    expect(given.beforeAfter.rolloutMonth).toBe('2025-01');
  });

  it('says why there is no comparison for a province without siblings', async () => {
    const hn = await board('admin', `unitId=${unitIds.hanoi}&${march}`);
    expect(hn.beforeAfter).toMatchObject({ control: null, did: null, reason: 'no_controls' });
  });

  it('adds up the money up to the end of the period', async () => {
    const xd = await board('xd.police', `unitId=${unitIds.xuanDinh}&${march}`);
    // Donations 10 + 5 million (the April one is later); expenses 9 + 3 million for XD-1 and
    // XD-2 (the May one later): 2 cameras, 6 million each; 3 cases solved with footage.
    expect(xd.money).toEqual({
      raisedVnd: 15_000_000,
      spentVnd: 12_000_000,
      camerasFunded: 2,
      costPerCameraVnd: 6_000_000,
      costPerSolvedWithFootageVnd: 4_000_000,
    });
  });

  it('breaks the cameras down by owner, status and consent', async () => {
    const xd = await board('xd.police', `unitId=${unitIds.xuanDinh}&${march}`);
    expect(xd.cameras).toMatchObject({
      total: 6,
      byOwnerKind: { ward: 1, household: 3, business: 1, school: 1 },
      byStatus: { online: 3, offline: 1, installed: 1, planned: 1 },
      byConsentTier: { live_always: 1, on_request: 3, registry_only: 1, live_on_alarm: 1 },
      recorded: 0,
      uptimePct: null,
    });
  });

  it('ranks the wards of a district in a league', async () => {
    const btl = await board('hn.auditor', `unitId=${unitIds.bacTuLiem}&${march}`);
    // Xuân Đỉnh 3 of 5 solved with footage (0.6), Cổ Nhuế 1 of 2 (0.5); then by cases.
    expect(btl.league.map((row) => [row.name, row.incidents, row.solvedWithFootageShare])).toEqual([
      ['Xuân Đỉnh', 8, 0.6],
      ['Cổ Nhuế 1', 3, 0.5],
      ['Thụy Phương', 4, null],
      ['Đông Ngạc', 1, null],
    ]);
    expect(btl.league[0]).toMatchObject({ solved: 5, solvedWithFootage: 3, camerasInstalled: 5 });
    expect(btl.incidents.total).toBe(16);
  });

  it('leaves out of the league a unit dissolved with nothing left under it, keeping a dissolved one that still holds wards', async () => {
    // A ward merged away in a reform: no longer valid and nothing under it.
    await world.h.ctx.db.kysely
      .insertInto('jurisdictions')
      .values({
        id: 'u-merged-away',
        code: '00699',
        name: 'Phường đã sáp nhập',
        search_text: 'phuong da sap nhap',
        level: 'commune',
        kind: 'phường',
        parent_id: unitIds.bacTuLiem,
        path: `${(await unitRow(world.h, unitIds.bacTuLiem)).path}u-merged-away/`,
        valid_from: '2008-08-01',
        valid_to: '2025-06-30',
        successor_id: unitIds.xuanDinh,
        latitude: 21.07,
        longitude: 105.78,
        boundary: null,
        population: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const btl = await board('hn.auditor', `unitId=${unitIds.bacTuLiem}&${march}`);
    expect(btl.league.map((row) => row.name)).not.toContain('Phường đã sáp nhập');
    // Bắc Từ Liêm itself is a dissolved district, but its wards are current: Hà Nội lists it.
    const hn = await board('hn.auditor', `unitId=${unitIds.hanoi}&${march}`);
    expect(hn.league.map((row) => row.name)).toContain('Bắc Từ Liêm');
  });

  it('shows an honest empty dashboard for a unit with no data', async () => {
    const tt = await board('admin', `unitId=${unitIds.thachTri}&from=2025-02-01&to=2025-02-28`);
    expect(tt.empty).toBe(true);
    expect(tt.incidents).toMatchObject({ total: 0, nightShare: null });
    expect(tt.funnel.incidents).toBe(0);
    expect(tt.solvedWithFootageShare).toBeNull();
    expect(tt.medianHoursToSolve).toEqual({
      withFootage: null,
      withoutFootage: null,
      withFootageCount: 0,
      withoutFootageCount: 0,
    });
    expect(tt.money).toMatchObject({ costPerCameraVnd: null, costPerSolvedWithFootageVnd: null });
    expect(tt.cameras.uptimePct).toBeNull();
  });

  it('names the bad input', async () => {
    const error = async (who: string, query: string) => {
      const response = await get(who, `/api/analytics/dashboard?${query}`);
      return {
        status: response.statusCode,
        ...response.json<{ error: { field?: string } }>().error,
      };
    };
    expect(
      await error('admin', `unitId=${unitIds.xuanDinh}&from=2025-03-31&to=2025-03-01`),
    ).toMatchObject({ status: 400, field: 'to' });
    expect(await error('admin', `unitId=u-nowhere&${march}`)).toMatchObject({
      status: 404,
      field: 'unitId',
    });
    expect(
      await error('admin', `unitId=${unitIds.xuanDinh}&from=2099-01-01&to=2099-01-31`),
    ).toMatchObject({ status: 400, field: 'from' });
    expect(
      await error('admin', `unitId=${unitIds.xuanDinh}&from=2025-02-30&to=2025-03-01`),
    ).toMatchObject({ status: 400, field: 'from' });
    expect(await error('admin', `unitId=${unitIds.xuanDinh}&${march}&months=30`)).toMatchObject({
      status: 400,
      field: 'months',
    });
  });

  it('keeps each unit to those whose jurisdiction holds it', async () => {
    expect(
      (await get('cn.police', `/api/analytics/dashboard?unitId=${unitIds.xuanDinh}&${march}`))
        .statusCode,
    ).toBe(403);
    expect(
      (await get('xd.police', `/api/analytics/dashboard?unitId=${unitIds.bacTuLiem}&${march}`))
        .statusCode,
    ).toBe(403);
    expect(
      (await get('tx.owner', `/api/analytics/dashboard?unitId=${unitIds.tanXuan1}&${march}`))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await get(
          'cn.police',
          `/api/analytics/records?unitId=${unitIds.xuanDinh}&${march}&key=incidents.total`,
        )
      ).statusCode,
    ).toBe(403);
  });

  describe('records behind the figures', () => {
    const recordsOf = async (unitId: string, key: string, extra = '') => {
      const response = await get(
        'admin',
        `/api/analytics/records?unitId=${unitId}&${march}&key=${key}${extra}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{
        total: number;
        items: Record<string, unknown>[];
        next: string | null;
      }>();
    };

    it('lists as many records as each figure says', async () => {
      for (const unitId of [unitIds.xuanDinh, unitIds.bacTuLiem, unitIds.hanoi]) {
        const figures = await board('admin', `unitId=${unitId}&${march}`);
        const expected: [string, number][] = [
          ['incidents.total', figures.incidents.total],
          ['incidents.night', figures.incidents.night],
          ['solved', figures.solved],
          ['solvedWithFootage', figures.solvedWithFootage],
          ['medianHoursToSolve.withFootage', figures.medianHoursToSolve.withFootageCount],
          ['medianHoursToSolve.withoutFootage', figures.medianHoursToSolve.withoutFootageCount],
          ['cameras.total', figures.cameras.total],
          ['cameras.recorded', figures.cameras.recorded],
          ['money.raised', -1],
          ['money.camerasFunded', figures.money.camerasFunded],
        ];
        for (const [step, n] of Object.entries(figures.funnel))
          expected.push([`funnel.${step}`, n]);
        for (const [type, n] of Object.entries(figures.incidents.byType))
          expected.push([`incidents.byType.${type}`, n]);
        for (const [status, n] of Object.entries(figures.cameras.byStatus))
          expected.push([`cameras.byStatus.${status}`, n]);
        figures.incidents.byHour.forEach((n, hour) =>
          expected.push([`incidents.byHour.${hour}`, n]),
        );
        for (const [key, n] of expected) {
          const page = await recordsOf(unitId, key);
          if (n >= 0) expect([key, page.total]).toEqual([key, n]);
        }
        const spent = await recordsOf(unitId, 'money.spent', '&limit=500');
        expect(spent.items.reduce((sum, item) => sum + Number(item.amountVnd), 0)).toBe(
          figures.money.spentVnd,
        );
        const raised = await recordsOf(unitId, 'money.raised', '&limit=500');
        expect(raised.items.reduce((sum, item) => sum + Number(item.amountVnd), 0)).toBe(
          figures.money.raisedVnd,
        );
      }
    });

    it('pages through the cases newest first', async () => {
      const seen: string[] = [];
      let after = '';
      for (let i = 0; i < 5; i++) {
        const page = await recordsOf(unitIds.xuanDinh, 'incidents.total', `&limit=3${after}`);
        expect(page.total).toBe(8);
        seen.push(...page.items.map((item) => String(item.caseNumber)));
        if (!page.next) break;
        after = `&after=${page.next}`;
      }
      expect(seen).toHaveLength(8);
      expect(new Set(seen).size).toBe(8);
      const first = await recordsOf(unitIds.xuanDinh, 'funnel.used');
      expect(first.items.map((item) => item.footageHelped)).toEqual([true, true]);
    });

    it('refuses an unknown key and too large a page', async () => {
      const bad = await get(
        'admin',
        `/api/analytics/records?unitId=${unitIds.xuanDinh}&${march}&key=incidents.bogus`,
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ error: { field: string } }>().error.field).toBe('key');
      const big = await get(
        'admin',
        `/api/analytics/records?unitId=${unitIds.xuanDinh}&${march}&key=incidents.total&limit=501`,
      );
      expect(big.json<{ error: { field: string } }>().error.field).toBe('limit');
    });
  });

  describe('the monthly rollup', () => {
    const both = async (unitId: string, from: string, to: string) => {
      const query = { unitId, from, to, months: 3 };
      const strip = (d: Dashboard) => ({ ...d, generatedAt: '' });
      return [
        strip(await dashboard(world.h.ctx, adminActor, query, 'cases')),
        strip(await dashboard(world.h.ctx, adminActor, query, 'rollup')),
      ];
    };

    it('gives the same figures as counting the cases, whole months and part months', async () => {
      for (const unitId of [unitIds.bacTuLiem, unitIds.hanoi]) {
        for (const [from, to] of [
          ['2025-03-01', '2025-03-31'],
          ['2025-02-15', '2025-07-20'],
          ['2025-01-01', '2025-12-31'],
          ['2025-03-07', '2025-03-21'],
        ] as const) {
          const [cases, rollup] = await both(unitId, from, to);
          expect(rollup).toEqual(cases);
        }
      }
    });

    it('follows new cases, changed cases and cases moved to another month', async () => {
      const before = await dashboard(
        world.h.ctx,
        adminActor,
        { unitId: unitIds.bacTuLiem, from: '2025-03-01', to: '2025-04-30' },
        'rollup',
      );
      const added = await incident(world.h, unitIds.coNhue, vn('2025-03-30', '23:00'), {
        candidate_cameras: 1,
      });
      const later = new Date(Date.now() + 1000).toISOString();
      await world.h.ctx.db.kysely
        .updateTable('incidents')
        .set({
          resolution: 'solved',
          footage_helped: 1,
          resolved_at: iso('2025-03-31', '11:00'),
          updated_at: later,
        })
        .where('id', '=', added)
        .execute();
      const [cases, rollup] = await both(unitIds.bacTuLiem, '2025-03-01', '2025-04-30');
      expect(rollup).toEqual(cases);
      expect(rollup!.incidents.total).toBe(before.incidents.total + 1);
      expect(rollup!.solvedWithFootage).toBe(before.solvedWithFootage + 1);
      await world.h.ctx.db.kysely
        .updateTable('incidents')
        .set({
          from_ms: vn('2025-04-02', '23:00'),
          updated_at: new Date(Date.now() + 2000).toISOString(),
        })
        .where('id', '=', added)
        .execute();
      const [movedCases, movedRollup] = await both(unitIds.bacTuLiem, '2025-03-01', '2025-03-31');
      expect(movedRollup).toEqual(movedCases);
      expect(movedRollup!.incidents.total).toBe(16);
    });
  });
});
