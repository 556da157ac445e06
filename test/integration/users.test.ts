import { beforeAll, expect, it } from 'vitest';
import { roles, type Role } from '../../src/auth/actor';
import { createUser } from '../../src/auth/users.service';
import { describeEachDatabase, type Harness } from '../helpers/harness';
import { seedTestUnits, unitIds } from '../helpers/fixtures';

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

const PASSWORD = 'a-strong-password-9';

describeEachDatabase('users', (harness) => {
  let admin = '';
  let adminId = '';
  const api = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    cookie = admin,
  ) => harness().app.inject({ method, url, payload, headers: { cookie } });
  const create = (body: object) =>
    api('POST', '/api/users', { displayName: 'Nguyễn Văn A', password: PASSWORD, ...body });

  beforeAll(async () => {
    const h: Harness = harness();
    await seedTestUnits(h.ctx);
    adminId = await h.createUser({ username: 'root', role: 'admin' });
    admin = await h.login('root');
  });

  it('lets an admin create a ward police account that can then log in', async () => {
    const response = await create({
      username: 'police.xd',
      role: 'ward_police',
      jurisdictionId: unitIds.xuanDinh,
      phone: '0912 345 678',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      id: expect.any(String) as string,
      username: 'police.xd',
      displayName: 'Nguyễn Văn A',
      role: 'ward_police',
      jurisdictionId: unitIds.xuanDinh,
      jurisdictionName: 'Xuân Đỉnh',
      phone: '0912 345 678',
      email: null,
      createdAt: expect.any(String) as string,
    });
    expect(response.body).not.toContain('scrypt');
    expect(await harness().login('police.xd', PASSWORD)).toMatch(/^matthan_session=/);
  });

  it('stores the display name NFC-normalised', async () => {
    const decomposed = 'Trần Thị Bình'.normalize('NFD');
    const response = await create({
      username: 'leader.tx1',
      role: 'ward_official',
      jurisdictionId: unitIds.tanXuan1,
      displayName: decomposed,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<{ displayName: string }>().displayName).toBe(
      'Trần Thị Bình'.normalize('NFC'),
    );
  });

  it('rejects a duplicate username with 409 naming the field', async () => {
    await create({ username: 'dup.user', role: 'auditor', jurisdictionId: unitIds.hanoi });
    const again = await create({
      username: 'dup.user',
      role: 'auditor',
      jurisdictionId: unitIds.hanoi,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error).toMatchObject({ code: 'conflict', field: 'username' });
  });

  it.each([
    ['a username with capitals', { username: 'Police.XD', role: 'admin' }, 'username'],
    ['a username that is too short', { username: 'ab', role: 'admin' }, 'username'],
    ['a short password', { username: 'short.pw', role: 'admin', password: 'short' }, 'password'],
    ['an unknown role', { username: 'king', role: 'king' }, 'role'],
    [
      'an unknown unit',
      { username: 'lost', role: 'auditor', jurisdictionId: 'u-nowhere' },
      'jurisdictionId',
    ],
    [
      'ward police in a province',
      { username: 'wp.province', role: 'ward_police', jurisdictionId: unitIds.hanoi },
      'jurisdictionId',
    ],
    [
      'provincial police in a ward',
      { username: 'pp.ward', role: 'provincial_police', jurisdictionId: unitIds.xuanDinh },
      'jurisdictionId',
    ],
    [
      'a ward official of a district',
      { username: 'wo.district', role: 'ward_official', jurisdictionId: unitIds.bacTuLiem },
      'jurisdictionId',
    ],
    [
      'a camera owner without a unit',
      { username: 'owner.nowhere', role: 'camera_owner' },
      'jurisdictionId',
    ],
    ['a malformed email', { username: 'bad.email', role: 'admin', email: 'not-an-email' }, 'email'],
    ['an unexpected field', { username: 'extra', role: 'admin', isSuperuser: true }, 'isSuperuser'],
  ])('rejects %s with 400 naming the field', async (_name, body, field) => {
    const before = await harness().ctx.db.kysely.selectFrom('users').select('id').execute();
    const response = await create(body);
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().error.field).toBe(field);
    const after = await harness().ctx.db.kysely.selectFrom('users').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it('accepts each role at the levels it belongs to', async () => {
    const ok: [Role, string | null][] = [
      ['admin', null],
      ['provincial_police', unitIds.haTinh],
      ['ward_police', unitIds.thachTri],
      ['ward_official', unitIds.coNhue],
      ['ward_official', unitIds.tanXuan1],
      ['camera_owner', unitIds.tanXuan1],
      ['auditor', unitIds.bacTuLiem],
    ];
    for (const [index, [role, jurisdictionId]] of ok.entries()) {
      const response = await create({ username: `level.${index}`, role, jurisdictionId });
      expect(response.statusCode, `${role} in ${jurisdictionId}`).toBe(201);
    }
  });

  it('exports createUser for the CLI and seeders, taking a unit code as well as an id', async () => {
    const { id } = await createUser(
      harness().ctx,
      {
        username: 'seeded.owner',
        displayName: 'Chủ nhà',
        password: PASSWORD,
        role: 'camera_owner',
        jurisdictionId: '00611-TX1',
      },
      null,
    );
    const response = await api('GET', `/api/users/${id}`);
    expect(response.json()).toMatchObject({
      username: 'seeded.owner',
      jurisdictionId: unitIds.tanXuan1,
    });
  });

  it('lists accounts with a total, filtered by role', async () => {
    const all = await api('GET', '/api/users');
    expect(all.statusCode).toBe(200);
    const body = all.json<{ items: { username: string }[]; total: number }>();
    expect(body.total).toBe(body.items.length);
    expect(body.items.map((u) => u.username)).toContain('root');
    const police = await api('GET', '/api/users?role=ward_police');
    expect(
      police.json<{ items: { role: string }[] }>().items.every((u) => u.role === 'ward_police'),
    ).toBe(true);
    expect(police.body).not.toContain('password');
  });

  it('updates display name, role and unit, checking the role against the unit', async () => {
    const { id } = (
      await create({
        username: 'moving.officer',
        role: 'ward_police',
        jurisdictionId: unitIds.xuanDinh,
      })
    ).json<{ id: string }>();
    const invalid = await api('PATCH', `/api/users/${id}`, { role: 'provincial_police' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<ErrorBody>().error.field).toBe('jurisdictionId');
    const moved = await api('PATCH', `/api/users/${id}`, {
      displayName: 'Cán bộ mới',
      role: 'provincial_police',
      jurisdictionId: unitIds.hanoi,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      displayName: 'Cán bộ mới',
      role: 'provincial_police',
      jurisdictionId: unitIds.hanoi,
      jurisdictionName: 'Hà Nội',
    });
  });

  it("ends a user's sessions when an admin sets a new password", async () => {
    const h = harness();
    const { id } = (
      await create({ username: 'forgetful', role: 'auditor', jurisdictionId: unitIds.hanoi })
    ).json<{ id: string }>();
    const cookie = await h.login('forgetful', PASSWORD);
    const weak = await api('PATCH', `/api/users/${id}`, { password: '123' });
    expect(weak.json<ErrorBody>().error.field).toBe('password');
    expect(
      (await api('PATCH', `/api/users/${id}`, { password: 'another-password-2' })).statusCode,
    ).toBe(200);
    expect((await api('GET', '/api/auth/me', undefined, cookie)).statusCode).toBe(401);
    expect(await h.login('forgetful', 'another-password-2')).toMatch(/^matthan_session=/);
  });

  it('deletes an account and its sessions; its cookie then gets 401', async () => {
    const h = harness();
    const { id } = (
      await create({
        username: 'temporary',
        role: 'camera_owner',
        jurisdictionId: unitIds.tanXuan1,
      })
    ).json<{ id: string }>();
    const cookie = await h.login('temporary', PASSWORD);
    expect((await api('DELETE', `/api/users/${id}`)).json()).toEqual({ ok: true });
    expect((await api('GET', '/api/auth/me', undefined, cookie)).statusCode).toBe(401);
    expect((await api('GET', `/api/users/${id}`)).statusCode).toBe(404);
    expect((await api('DELETE', `/api/users/${id}`)).statusCode).toBe(404);
  });

  it('refuses to delete your own account or demote the last admin', async () => {
    const h = harness();
    const admins = await h.ctx.db.kysely
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('id', '!=', adminId)
      .execute();
    for (const other of admins) await api('DELETE', `/api/users/${other.id}`);
    expect((await api('DELETE', `/api/users/${adminId}`)).statusCode).toBe(409);
    const demote = await api('PATCH', `/api/users/${adminId}`, {
      role: 'auditor',
      jurisdictionId: unitIds.hanoi,
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json<ErrorBody>().error.message).toMatch(/last admin/);
  });

  it('audits every change without the password', async () => {
    const events = await harness()
      .ctx.db.kysely.selectFrom('audit_events')
      .selectAll()
      .where('target_type', '=', 'user')
      .execute();
    const actions = new Set(events.map((e) => e.action));
    for (const action of ['user.create', 'user.update', 'user.delete'])
      expect(actions).toContain(action);
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
    expect(JSON.stringify(events)).not.toContain('another-password-2');
  });

  it('gives 403 to every other role on every user route, and 401 to nobody', async () => {
    const h = harness();
    const routes = [
      ['GET', '/api/users'],
      ['GET', `/api/users/${adminId}`],
      ['POST', '/api/users'],
      ['PATCH', `/api/users/${adminId}`],
      ['DELETE', `/api/users/${adminId}`],
    ] as const;
    for (const role of roles.filter((r) => r !== 'admin')) {
      const username = `matrix.${role.replace('_', '-')}`;
      const unit = role === 'provincial_police' ? unitIds.hanoi : unitIds.xuanDinh;
      await h.createUser({ username, role, jurisdictionId: unit });
      const cookie = await h.login(username);
      for (const [method, url] of routes) {
        const payload =
          method === 'POST'
            ? { username: 'sneaky', displayName: 'x', password: PASSWORD, role: 'admin' }
            : method === 'PATCH'
              ? { role: 'auditor' }
              : undefined;
        const response = await api(method, url, payload, cookie);
        expect(response.statusCode, `${role} ${method} ${url}`).toBe(403);
      }
    }
    for (const [method, url] of routes)
      expect((await api(method, url, undefined, '')).statusCode).toBe(401);
    const admins = await h.ctx.db.kysely
      .selectFrom('users')
      .select('username')
      .where('role', '=', 'admin')
      .execute();
    expect(admins.map((a) => a.username)).toEqual(['root']);
  });
});
