import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, TEST_PASSWORD, type Harness } from '../helpers/harness';
import { seedTestUnits, unitIds } from '../helpers/fixtures';

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

function login(
  h: Harness,
  username: string,
  password: string,
  remoteAddress = '127.0.0.1',
  headers = {},
) {
  return h.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
    headers,
  });
}

describeEachDatabase('auth', (harness) => {
  beforeAll(async () => {
    const h = harness();
    await seedTestUnits(h.ctx);
    await h.createUser({
      username: 'police.xuandinh',
      role: 'ward_police',
      jurisdictionId: unitIds.xuanDinh,
    });
    await h.createUser({ username: 'root', role: 'admin' });
  });

  it('logs in with an HttpOnly, SameSite=Strict session cookie and returns the user', async () => {
    const response = await login(harness(), 'police.xuandinh', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user: {
        id: expect.any(String) as string,
        username: 'police.xuandinh',
        displayName: 'police.xuandinh',
        role: 'ward_police',
        jurisdictionId: unitIds.xuanDinh,
        jurisdictionName: 'Xuân Đỉnh',
      },
    });
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^matthan_session=[\w-]{20,};/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Strict');
    expect(header).toContain('Path=/');
    expect(header).toContain(`Max-Age=${12 * 3600}`);
    expect(header).not.toContain('Secure');
  });

  it('marks the cookie Secure when the request came over https', async () => {
    const response = await login(harness(), 'police.xuandinh', TEST_PASSWORD, '127.0.0.1', {
      'x-forwarded-proto': 'https',
    });
    expect(String(response.headers['set-cookie'])).toContain('Secure');
  });

  it('accepts the username in any letter case', async () => {
    expect((await login(harness(), ' Police.XuanDinh ', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers /me with the session user, and 401 without one', async () => {
    const h = harness();
    const cookie = await h.login('police.xuandinh');
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json<{ user: { username: string } }>().user.username).toBe('police.xuandinh');
    const anonymous = await h.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json<ErrorBody>().error.code).toBe('unauthorized');
  });

  it('gives the same 401 for a wrong password and an unknown username', async () => {
    const wrong = await login(harness(), 'police.xuandinh', 'not-the-password', '10.1.0.1');
    const unknown = await login(harness(), 'nobody.here', TEST_PASSWORD, '10.1.0.2');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json<ErrorBody>().error).toMatchObject({
        code: 'invalid_credentials',
        message: 'wrong username or password',
      });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('rejects a login body without a password with 400 naming the field', async () => {
    const h = harness();
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'root' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().error.field).toBe('password');
  });

  it('logs out: the cookie is cleared and the session no longer works', async () => {
    const h = harness();
    const cookie = await h.login('police.xuandinh');
    const out = await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie },
    });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/^matthan_session=;/);
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('gives 401 to the session cookie of a deleted user', async () => {
    const h = harness();
    const id = await h.createUser({
      username: 'leaving.soon',
      role: 'camera_owner',
      jurisdictionId: unitIds.tanXuan1,
    });
    const cookie = await h.login('leaving.soon');
    await h.ctx.db.kysely.deleteFrom('users').where('id', '=', id).execute();
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('creates an API token whose secret is shown once, works as a bearer token, and can be revoked', async () => {
    const h = harness();
    const cookie = await h.login('police.xuandinh');
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: { cookie },
      payload: { name: 'phone app', expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json<{
      token: { id: string; name: string; expiresAt: string };
      secret: string;
    }>();
    expect(secret).toMatch(/^mt_/);
    expect(token.name).toBe('phone app');
    expect(Date.parse(token.expiresAt)).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const listed = await h.app.inject({
      method: 'GET',
      url: '/api/auth/tokens',
      headers: { cookie },
    });
    expect(listed.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({ id: token.id, revokedAt: null }),
    ]);
    expect(listed.body).not.toContain(secret);

    const bearer = { authorization: `Bearer ${secret}` };
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(me.json<{ user: { username: string } }>().user.username).toBe('police.xuandinh');
    const mint = await h.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: bearer,
      payload: { name: 'x' },
    });
    expect(mint.statusCode).toBe(403);

    const revoked = await h.app.inject({
      method: 'DELETE',
      url: `/api/auth/tokens/${token.id}`,
      headers: { cookie },
    });
    expect(revoked.statusCode).toBe(200);
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode,
    ).toBe(401);
  });

  it("cannot revoke another user's token", async () => {
    const h = harness();
    const owner = await h.login('police.xuandinh');
    const other = await h.login('root');
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: { cookie: owner },
      payload: { name: 'mine' },
    });
    const id = created.json<{ token: { id: string } }>().token.id;
    const attempt = await h.app.inject({
      method: 'DELETE',
      url: `/api/auth/tokens/${id}`,
      headers: { cookie: other },
    });
    expect(attempt.statusCode).toBe(404);
  });

  it('audits logins, failed logins and logouts without recording the password', async () => {
    const h = harness();
    await login(h, 'police.xuandinh', 'a-guess-at-the-password', '10.1.0.3');
    const cookie = await h.login('police.xuandinh');
    await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    const events = await h.ctx.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .orderBy('seq')
      .execute();
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.login', 'auth.login_failed', 'auth.logout']),
    );
    const failed = events.filter((e) => e.action === 'auth.login_failed' && e.ip === '10.1.0.3');
    expect(failed).toHaveLength(1);
    expect(JSON.parse(failed[0]!.details!)).toEqual({
      username: 'police.xuandinh',
      reason: 'wrong_password',
    });
    const everything = JSON.stringify(events);
    expect(everything).not.toContain('a-guess-at-the-password');
    expect(everything).not.toContain(TEST_PASSWORD);
  });
});

describeEachDatabase(
  'login rate limiting',
  (harness) => {
    beforeAll(async () => {
      await harness().createUser({ username: 'target', role: 'admin' });
      await harness().createUser({ username: 'bystander', role: 'admin' });
    });

    it('answers 429 after too many failures for one username, even from other addresses', async () => {
      const h = harness();
      for (const ip of ['10.2.0.1', '10.2.0.2', '10.2.0.3']) {
        expect((await login(h, 'target', 'wrong-password', ip)).statusCode).toBe(401);
      }
      const blocked = await login(h, 'target', TEST_PASSWORD, '10.2.0.4');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json<ErrorBody>().error).toMatchObject({
        code: 'too_many_requests',
        message: expect.stringMatching(/try again in 1 minute/) as string,
      });
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      // Another account is not locked by it.
      expect((await login(h, 'bystander', TEST_PASSWORD, '10.2.0.5')).statusCode).toBe(200);
    });

    it('answers 429 to an address that tried too many usernames', async () => {
      const h = harness();
      for (const name of ['a1', 'a2', 'a3'])
        expect((await login(h, name, 'wrong-password', '10.3.0.1')).statusCode).toBe(401);
      expect((await login(h, 'bystander', TEST_PASSWORD, '10.3.0.1')).statusCode).toBe(429);
      expect((await login(h, 'bystander', TEST_PASSWORD, '10.3.0.2')).statusCode).toBe(200);
    });

    it('lets the user in again once the window has passed', async () => {
      const h = harness();
      const realNow = h.ctx.now;
      h.ctx.now = () => new Date(Date.now() + 61_000);
      try {
        expect((await login(h, 'target', TEST_PASSWORD, '10.2.0.4')).statusCode).toBe(200);
      } finally {
        h.ctx.now = realNow;
      }
    });

    it('audits the refused attempts', async () => {
      const rows = await harness()
        .ctx.db.kysely.selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'auth.login_failed')
        .execute();
      const reasons = rows.map((r) => (JSON.parse(r.details!) as { reason: string }).reason);
      expect(reasons).toContain('rate_limited');
    });
  },
  { loginMaxAttempts: 3, loginWindowSeconds: 60 },
);
