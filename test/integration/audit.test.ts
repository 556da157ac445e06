import { beforeAll, expect, it } from 'vitest';
import type { AuditEventTable } from '../../src/platform/db/schema';
import { describeEachDatabase, type Harness } from '../helpers/harness';
import { seedTestUnits, unitIds } from '../helpers/fixtures';

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

interface EventView {
  seq: number;
  action: string;
  targetId: string | null;
  ip: string | null;
  actorUsername: string | null;
  reason: string | null;
  details: unknown;
}

async function insertCamera(
  h: Harness,
  id: string,
  unit: string,
  path: string,
  ownerUserId: string | null,
) {
  const now = new Date().toISOString();
  await h.ctx.db.kysely
    .insertInto('cameras')
    .values({
      id,
      code: id.toUpperCase(),
      name: id,
      search_text: id,
      owner_kind: 'household',
      owner_user_id: ownerUserId,
      owner_name: null,
      owner_phone: null,
      owner_email: null,
      jurisdiction_id: unit,
      jurisdiction_path: path,
      address: null,
      latitude: 21.07,
      longitude: 105.79,
      lat_cell: 2107,
      heading: 90,
      fov: 90,
      range_m: 30,
      status: 'online',
      consent_tier: 'on_request',
      consent_expires_at: null,
      main_stream_enc: null,
      sub_stream_enc: null,
      main_stream_display: null,
      sub_stream_display: null,
      recording_enabled: 0,
      retention_days: 30,
      signage_posted: 0,
      installed_on: null,
      funding_source: null,
      cost_vnd: null,
      make_model: null,
      notes: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      decommissioned_at: null,
    })
    .execute();
}

const xuanDinhPath = `/${unitIds.hanoi}/${unitIds.bacTuLiem}/${unitIds.xuanDinh}/`;
const thachTriPath = `/${unitIds.haTinh}/${unitIds.thachTri}/`;

describeEachDatabase('audit', (harness) => {
  const cookies: Record<string, string> = {};
  const get = (url: string, who: string) =>
    harness().app.inject({ method: 'GET', url, headers: { cookie: cookies[who] ?? '' } });

  beforeAll(async () => {
    const h = harness();
    await seedTestUnits(h.ctx);
    const ownerId = await h.createUser({
      username: 'owner.a',
      role: 'camera_owner',
      jurisdictionId: unitIds.tanXuan1,
    });
    await h.createUser({
      username: 'owner.b',
      role: 'camera_owner',
      jurisdictionId: unitIds.tanXuan1,
    });
    await h.createUser({ username: 'root', role: 'admin' });
    await h.createUser({
      username: 'auditor.xd',
      role: 'auditor',
      jurisdictionId: unitIds.xuanDinh,
    });
    await h.createUser({ username: 'auditor.ht', role: 'auditor', jurisdictionId: unitIds.haTinh });
    await h.createUser({
      username: 'police.xd',
      role: 'ward_police',
      jurisdictionId: unitIds.xuanDinh,
    });
    for (const username of [
      'owner.a',
      'owner.b',
      'root',
      'auditor.xd',
      'auditor.ht',
      'police.xd',
    ]) {
      cookies[username] = await h.login(username);
    }
    await insertCamera(h, 'cam-xd', unitIds.xuanDinh, xuanDinhPath, ownerId);
    await insertCamera(h, 'cam-tt', unitIds.thachTri, thachTriPath, null);
    const police = await h.ctx.db.kysely
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'police.xd')
      .executeTakeFirstOrThrow();
    const actor = {
      id: police.id,
      username: 'police.xd',
      displayName: 'police',
      role: 'ward_police' as const,
      jurisdictionId: unitIds.xuanDinh,
      scopePath: xuanDinhPath,
      via: 'session' as const,
    };
    for (let i = 0; i < 3; i++) {
      await h.ctx.audit.record({
        actor,
        action: 'camera.view',
        targetType: 'camera',
        targetId: 'cam-xd',
        targetOwnerId: ownerId,
        jurisdictionPath: xuanDinhPath,
        reason: `theft case ${i}`,
        ip: '10.9.0.1',
      });
    }
    await h.ctx.audit.record({
      actor: null,
      action: 'camera.view',
      targetType: 'camera',
      targetId: 'cam-tt',
      jurisdictionPath: thachTriPath,
      reason: 'patrol',
      ip: '10.9.0.2',
    });
  });

  it('shows an admin every event, newest first, in the documented shape', async () => {
    const response = await get('/api/audit', 'root');
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: EventView[] }>().items;
    expect(items.map((e) => e.targetId)).toEqual(expect.arrayContaining(['cam-xd', 'cam-tt']));
    expect(items.map((e) => e.seq)).toEqual([...items.map((e) => e.seq)].sort((a, b) => b - a));
    expect(items.find((e) => e.targetId === 'cam-xd')).toEqual({
      seq: expect.any(Number) as number,
      at: expect.any(String) as string,
      actorUsername: 'police.xd',
      actorRole: 'ward_police',
      action: 'camera.view',
      targetType: 'camera',
      targetId: 'cam-xd',
      reason: 'theft case 2',
      ip: '10.9.0.1',
      details: null,
    });
  });

  it('shows an auditor only events in their jurisdiction', async () => {
    const xd = (await get('/api/audit?targetType=camera', 'auditor.xd')).json<{
      items: EventView[];
    }>().items;
    expect(xd.map((e) => e.targetId)).toEqual(['cam-xd', 'cam-xd', 'cam-xd']);
    const ht = (await get('/api/audit?targetType=camera', 'auditor.ht')).json<{
      items: EventView[];
    }>().items;
    expect(ht.map((e) => e.targetId)).toEqual(['cam-tt']);
    // Logins of Hà Nội staff are not Hà Tĩnh's business.
    const htAll = (await get('/api/audit?limit=500', 'auditor.ht')).json<{ items: EventView[] }>()
      .items;
    expect(htAll.some((e) => e.actorUsername === 'police.xd')).toBe(false);
  });

  it('filters by action and target, and pages backwards with before', async () => {
    const first = (
      await get('/api/audit?action=camera.view&targetId=cam-xd&limit=2', 'root')
    ).json<{ items: EventView[] }>().items;
    expect(first.map((e) => e.reason)).toEqual(['theft case 2', 'theft case 1']);
    const next = (
      await get(
        `/api/audit?action=camera.view&targetId=cam-xd&limit=2&before=${first[1]!.seq}`,
        'root',
      )
    ).json<{ items: EventView[] }>().items;
    expect(next.map((e) => e.reason)).toEqual(['theft case 0']);
  });

  it('rejects a bad limit with 400 naming the field', async () => {
    const response = await get('/api/audit?limit=0', 'root');
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().error.field).toBe('limit');
  });

  it('keeps the audit log from other roles', async () => {
    for (const who of ['police.xd', 'owner.a']) {
      expect((await get('/api/audit', who)).statusCode).toBe(403);
      expect((await get('/api/audit/verify', who)).statusCode).toBe(403);
    }
    expect((await get('/api/audit', 'nobody')).statusCode).toBe(401);
  });

  it("shows a camera's access log to its owner (without addresses), admins and auditors in scope", async () => {
    const owner = await get('/api/cameras/cam-xd/access-log', 'owner.a');
    expect(owner.statusCode).toBe(200);
    const items = owner.json<{ items: EventView[] }>().items;
    expect(items).toHaveLength(3);
    expect(items.every((e) => e.actorUsername === 'police.xd' && e.ip === null)).toBe(true);
    const auditor = await get('/api/cameras/cam-xd/access-log', 'auditor.xd');
    expect(auditor.json<{ items: EventView[] }>().items[0]!.ip).toBe('10.9.0.1');
    expect(
      (await get('/api/cameras/cam-tt/access-log', 'root')).json<{ items: EventView[] }>().items,
    ).toHaveLength(1);
  });

  it("refuses a camera's access log to everyone else, and 404s an unknown camera", async () => {
    expect((await get('/api/cameras/cam-xd/access-log', 'owner.b')).statusCode).toBe(403);
    expect((await get('/api/cameras/cam-xd/access-log', 'police.xd')).statusCode).toBe(403);
    expect((await get('/api/cameras/cam-xd/access-log', 'auditor.ht')).statusCode).toBe(403);
    expect((await get('/api/cameras/cam-tt/access-log', 'auditor.xd')).statusCode).toBe(403);
    expect((await get('/api/cameras/no-such-camera/access-log', 'root')).statusCode).toBe(404);
    expect((await get('/api/cameras/cam-xd/access-log', 'nobody')).statusCode).toBe(401);
  });

  it('verifies an intact log', async () => {
    const response = await get('/api/audit/verify', 'auditor.xd');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, events: expect.any(Number) as number });
  });

  it('names an edited row, a deleted middle row and deleted last rows', async () => {
    const db = harness().ctx.db.kysely;
    const verify = async () =>
      (await get('/api/audit/verify', 'root')).json<{
        ok: boolean;
        firstBadSeq?: number;
        problem?: string;
      }>();
    const rows = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    const restore = async (removed: AuditEventTable[]) => {
      for (const row of removed) await db.insertInto('audit_events').values(row).execute();
      expect((await verify()).ok).toBe(true);
    };
    const middle = rows[Math.floor(rows.length / 2)]!;

    await db
      .updateTable('audit_events')
      .set({ reason: 'nothing happened' })
      .where('seq', '=', middle.seq)
      .execute();
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadSeq: middle.seq,
      problem: `event ${middle.seq} was modified`,
    });
    await db
      .updateTable('audit_events')
      .set({ reason: middle.reason })
      .where('seq', '=', middle.seq)
      .execute();
    expect((await verify()).ok).toBe(true);

    await db.deleteFrom('audit_events').where('seq', '=', middle.seq).execute();
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadSeq: middle.seq,
      problem: `event ${middle.seq} is missing`,
    });
    await restore([middle]);

    const lastTwo = rows.slice(-2);
    await db.deleteFrom('audit_events').where('seq', '>=', lastTwo[0]!.seq).execute();
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadSeq: lastTwo[0]!.seq,
      problem: expect.stringContaining('missing from the end') as string,
    });
    await restore(lastTwo);
  });
});
