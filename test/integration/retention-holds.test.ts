import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/actor';
import { createHold } from '../../src/recording/holds.service';
import { describeEachDatabase } from '../helpers/harness';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { mediaCameras } from './retention-fixtures';

interface HoldView {
  id: string;
  cameraId: string;
  cameraCode: string;
  from: string;
  to: string;
  reason: string;
  createdByUsername: string | null;
  active: boolean;
  releasedAt: string | null;
  releasedByUsername: string | null;
}

const window = { from: '2025-11-20T01:00:00.000Z', to: '2025-11-20T02:30:00.000Z' };

describeEachDatabase('holds', (harness) => {
  let home: string;
  let away: string;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    const h = harness();
    await seedTestUnits(h.ctx);
    [home, away] = (await mediaCameras(h.ctx, [
      { code: 'HOLD-HOME' },
      { code: 'HOLD-AWAY', unitId: unitIds.thachTri },
    ])) as [string, string];
    for (const [username, role, unit] of [
      ['hold.police', 'ward_police', unitIds.xuanDinh],
      ['hold.official', 'ward_official', unitIds.tanXuan1],
      ['hold.owner', 'camera_owner', unitIds.tanXuan1],
      ['hold.admin', 'admin', null],
    ] as const) {
      await h.createUser({ username, role, jurisdictionId: unit });
      cookies[username] = await h.login(username);
    }
  });

  const call = (username: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    harness().app.inject({ method, url, payload, headers: { cookie: cookies[username]! } });

  const auditOf = (id: string) =>
    harness()
      .ctx.db.kysely.selectFrom('audit_events')
      .selectAll()
      .where('target_id', '=', id)
      .orderBy('seq')
      .execute();

  it('lets ward police hold footage of a camera in their ward, audited with the reason', async () => {
    const response = await call('hold.police', 'POST', '/api/holds', {
      cameraId: home,
      ...window,
      reason: 'Vụ trộm xe máy tại ngõ 12',
    });
    expect(response.statusCode, response.body).toBe(201);
    const hold = response.json<HoldView>();
    expect(hold).toMatchObject({
      cameraId: home,
      cameraCode: 'HOLD-HOME',
      ...window,
      active: true,
      createdByUsername: 'hold.police',
    });
    const [event] = await auditOf(hold.id);
    expect(event).toMatchObject({
      action: 'hold.create',
      actor_username: 'hold.police',
      reason: 'Vụ trộm xe máy tại ngõ 12',
      target_type: 'hold',
    });
    expect(JSON.parse(event!.details ?? '{}')).toMatchObject({ cameraId: home, ...window });
  });

  it('refuses a hold outside the caller’s jurisdiction or by a role that may not place one', async () => {
    const away403 = await call('hold.police', 'POST', '/api/holds', {
      cameraId: away,
      ...window,
      reason: 'ngoài địa bàn',
    });
    expect(away403.statusCode).toBe(403);
    const official = await call('hold.official', 'POST', '/api/holds', {
      cameraId: home,
      ...window,
      reason: 'không có quyền',
    });
    expect(official.statusCode).toBe(403);
  });

  it('names the bad field of a hold that ends before it starts or of an unknown camera', async () => {
    const backwards = await call('hold.police', 'POST', '/api/holds', {
      cameraId: home,
      from: window.to,
      to: window.from,
      reason: 'ngược',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json<{ error: { field: string } }>().error.field).toBe('to');
    const unknown = await call('hold.police', 'POST', '/api/holds', {
      cameraId: 'no-such-camera',
      ...window,
      reason: 'không có',
    });
    expect(unknown.statusCode).toBe(404);
    const notIso = await call('hold.police', 'POST', '/api/holds', {
      cameraId: home,
      from: 'yesterday',
      to: window.to,
      reason: 'sai',
    });
    expect(notIso.statusCode).toBe(400);
  });

  it('shows officials the holds in their area, and only there', async () => {
    await call('hold.admin', 'POST', '/api/holds', { cameraId: away, ...window, reason: 'xa' });
    const mine = await call('hold.official', 'GET', `/api/holds?cameraId=${home}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json<{ items: HoldView[] }>().items.length).toBeGreaterThan(0);
    const all = await call('hold.official', 'GET', '/api/holds');
    const codes = all.json<{ items: HoldView[] }>().items.map((h) => h.cameraCode);
    expect(codes).toContain('HOLD-HOME');
    expect(codes).not.toContain('HOLD-AWAY');
    expect((await call('hold.official', 'GET', `/api/holds?cameraId=${away}`)).statusCode).toBe(
      403,
    );
    expect((await call('hold.owner', 'GET', '/api/holds')).statusCode).toBe(403);
    const admin = await call('hold.admin', 'GET', '/api/holds');
    expect(admin.json<{ items: HoldView[] }>().items.map((h) => h.cameraCode)).toContain(
      'HOLD-AWAY',
    );
  });

  it('releases a hold once, audited, and refuses a second release', async () => {
    const created = await call('hold.police', 'POST', '/api/holds', {
      cameraId: home,
      ...window,
      reason: 'tạm giữ',
    });
    const id = created.json<HoldView>().id;
    const released = await call('hold.police', 'POST', `/api/holds/${id}/release`, {
      reason: 'Đã trích xuất xong',
    });
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json<HoldView>()).toMatchObject({
      active: false,
      releasedByUsername: 'hold.police',
    });
    const again = await call('hold.police', 'POST', `/api/holds/${id}/release`, {
      reason: 'lần hai',
    });
    expect(again.statusCode).toBe(409);
    const events = await auditOf(id);
    expect(events.map((e) => e.action)).toEqual(['hold.create', 'hold.release']);
    expect(events[1]?.reason).toBe('Đã trích xuất xong');
    const active = await call('hold.police', 'GET', `/api/holds?cameraId=${home}&active=false`);
    expect(active.json<{ items: HoldView[] }>().items.map((h) => h.id)).toContain(id);
  });

  it('lets other modules place holds through the service with the same checks', async () => {
    const h = harness();
    const user = await h.ctx.db.kysely
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'hold.police')
      .executeTakeFirstOrThrow();
    const police: Actor = {
      id: user.id,
      username: 'hold.police',
      displayName: 'hold.police',
      role: 'ward_police',
      jurisdictionId: unitIds.xuanDinh,
      scopePath: `/${unitIds.hanoi}/${unitIds.bacTuLiem}/${unitIds.xuanDinh}/`,
      via: 'session',
    };
    const hold = await createHold(h.ctx, police, { cameraId: home, ...window, reason: 'vụ 7' });
    expect(hold.active).toBe(true);
    await expect(
      createHold(h.ctx, police, { cameraId: away, ...window, reason: 'vụ 7' }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
