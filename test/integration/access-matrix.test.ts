import { beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../../src/auth/actor';
import { createCameras } from '../../src/cameras/camera.service';
import type { CameraInput } from '../../src/cameras/camera.types';
import { describeEachDatabase } from '../helpers/harness';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { analyticsCases } from './access-cases-analytics';
import { fundingCases } from './access-cases-funding';
import { investigationCases } from './access-cases-investigation';
import { planningCases } from './access-cases-planning';
import { denied, type Call, type Check, type World } from './access-world';

/**
 * Walks every API route × every role × a record inside and outside the caller's jurisdiction.
 * A route added without a line in `scopeCases` fails this test, so nobody can add one unchecked.
 */

/** The home unit of each role's test user; every "home" record lies inside all of them. */
const homeUnit: Record<Role, string | null> = {
  admin: null,
  provincial_police: unitIds.hanoi,
  ward_police: unitIds.xuanDinh,
  ward_official: unitIds.tanXuan1,
  camera_owner: unitIds.tanXuan1,
  auditor: unitIds.hanoi,
};

const cameraInput = (code: string, unitId: string, ownerUserId: string): CameraInput => ({
  code,
  name: `Camera ${code}`,
  ownerKind: 'household',
  ownerName: `Chủ ${code}`,
  ownerPhone: '0900000000',
  ownerUserId,
  jurisdictionId: unitId,
  latitude: unitId === unitIds.thachTri ? 18.405 : 21.0752,
  longitude: unitId === unitIds.thachTri ? 105.86 : 105.7871,
  heading: 90,
  fov: 90,
  rangeM: 30,
  status: 'online',
  consentTier: 'on_request',
  mainStreamUrl: 'rtsp://user:secret-pass@127.0.0.1:8554/x',
});

/** A record-scoped route: outside the caller's jurisdiction it is refused, inside it is served. */
function cameraById(method: string, suffix: string, payload?: unknown, homeOk = [200]): Check {
  return async (world, role, call) => {
    const away = await call({ method, url: `/api/cameras/${world.away}${suffix}`, payload });
    if (role === 'admin') expect(away.statusCode, away.body).toBeLessThan(300);
    else expect(denied(away.statusCode), `${role} ${method} away → ${away.statusCode}`).toBe(true);
    if (method === 'GET') {
      const home = await call({ method, url: `/api/cameras/${world.home}${suffix}` });
      expect(homeOk, `${role} ${method} home → ${home.statusCode} ${home.body}`).toContain(
        home.statusCode,
      );
    }
  };
}

/** A listing: the out-of-scope camera never appears for anyone but admin. */
function listing(url: string, key: 'items' | 'features' | 'csv'): Check {
  return async (world, role, call) => {
    const response = await call({ method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    const text = response.body;
    const awayCode = 'AWAY-1';
    if (key === 'csv') expect(text.includes(awayCode)).toBe(role === 'admin');
    else expect(text.includes(awayCode), `${role} sees ${url}`).toBe(role === 'admin');
    if (role !== 'admin' && key !== 'csv') expect(text).toContain('HOME-1');
  };
}

/** A hold on the home and the away camera, and a segment of each, placed once per world. */
const recordingWorlds = new WeakMap<World, Promise<void>>();
function recordingWorld(world: World): Promise<void> {
  let ready = recordingWorlds.get(world);
  if (!ready) {
    ready = (async () => {
      for (const [cameraId, bytes] of [
        [world.home, 1000],
        [world.away, 7000],
      ] as const) {
        const hold = await placeHold(world, cameraId);
        expect(hold.statusCode, hold.body).toBe(201);
        await world.h.ctx.db.kysely
          .insertInto('segments')
          .values({
            id: `seg-${cameraId}`,
            camera_id: cameraId,
            stream: 'main',
            start_ms: Date.parse('2025-01-01T00:00:00Z'),
            end_ms: Date.parse('2025-01-01T00:00:10Z'),
            bytes,
            path: `segments/${cameraId}/2025-01-01/000000.mp4`,
            codec: 'h264',
            width: 1280,
            height: 720,
            has_audio: 0,
            state: 'ok',
            created_at: new Date().toISOString(),
          })
          .execute();
      }
    })();
    recordingWorlds.set(world, ready);
  }
  return ready;
}

function placeHold(world: World, cameraId: string, cookie = world.cookies.admin) {
  return world.h.app.inject({
    method: 'POST',
    url: '/api/holds',
    payload: {
      cameraId,
      from: '2025-01-01T00:00:00Z',
      to: '2025-01-01T01:00:00Z',
      reason: 'access test',
    },
    headers: { cookie },
  });
}

const wallBody = (cameraId: string) => ({ name: 'Access test', size: 1, cameraIds: [cameraId] });

/** A wall saved by the admin, which no other user may change or delete. */
async function adminLayout(world: World): Promise<string> {
  const saved = await world.h.app.inject({
    method: 'POST',
    url: '/api/wall-layouts',
    payload: wallBody(world.home),
    headers: { cookie: world.cookies.admin },
  });
  expect(saved.statusCode, saved.body).toBe(201);
  return saved.json<{ id: string }>().id;
}

/**
 * Playback and download: nobody but admin may even read the away camera, and the home camera
 * shares footage only on request, so its owner reaches the footage (whose file is not on disk:
 * 404) while police and admin are refused by consent (403).
 */
function footageRoute(suffix: string): Check {
  return async (world, role, call) => {
    await recordingWorld(world);
    const query = '?from=2025-01-01T00:00:00Z&to=2025-01-01T00:10:00Z&reason=access%20test';
    const away = await call({ method: 'GET', url: `/api/cameras/${world.away}${suffix}${query}` });
    expect(denied(away.statusCode), `${role} ${suffix} away → ${away.statusCode}`).toBe(true);
    const home = await call({ method: 'GET', url: `/api/cameras/${world.home}${suffix}${query}` });
    expect(home.statusCode, `${role} ${suffix} home → ${home.body}`).toBe(
      role === 'camera_owner' ? 404 : 403,
    );
  };
}

const scopeCases: Record<string, Check | { unscoped: string }> = {
  'GET /api/health': { unscoped: 'public liveness probe, no records' },
  'GET /api/client-config': { unscoped: 'public map settings, no records' },
  'POST /api/auth/login': { unscoped: 'public: establishes who the caller is' },
  'POST /api/auth/logout': { unscoped: 'acts only on the caller’s own session' },
  'GET /api/auth/me': { unscoped: 'returns only the caller' },
  'GET /api/auth/tokens': { unscoped: 'lists only the caller’s own tokens' },
  'POST /api/auth/tokens': { unscoped: 'creates a token for the caller only' },
  'DELETE /api/auth/tokens/:id': async (world, _role, call) => {
    const response = await call({
      method: 'DELETE',
      url: `/api/auth/tokens/${world.awayOwnerToken}`,
    });
    expect(denied(response.statusCode), response.body).toBe(true);
  },
  'GET /api/users': { unscoped: 'admin only, and admin is everywhere' },
  'GET /api/users/:id': { unscoped: 'admin only' },
  'POST /api/users': { unscoped: 'admin only' },
  'PATCH /api/users/:id': { unscoped: 'admin only' },
  'DELETE /api/users/:id': { unscoped: 'admin only' },
  'GET /api/audit': async (world, role, call) => {
    const response = await call({ method: 'GET', url: '/api/audit?limit=500' });
    expect(response.statusCode, response.body).toBe(200);
    const awayEvents = (
      response.json<{ items: { targetId: string | null }[] }>().items ?? []
    ).filter((e) => e.targetId === world.away);
    expect(awayEvents.length > 0).toBe(role === 'admin');
  },
  'GET /api/audit/verify': { unscoped: 'reports only whether the chain holds, no records' },
  'GET /api/cameras/:id/access-log': cameraById('GET', '/access-log', undefined, [200, 403]),
  'GET /api/jurisdictions': { unscoped: 'administrative units are public reference data' },
  'GET /api/jurisdictions/outlines': { unscoped: 'administrative units are public reference data' },
  'GET /api/jurisdictions/resolve': { unscoped: 'administrative units are public reference data' },
  'GET /api/jurisdictions/:id': { unscoped: 'administrative units are public reference data' },
  'POST /api/jurisdictions/import': { unscoped: 'admin only' },
  'GET /api/cameras': listing('/api/cameras?limit=500', 'items'),
  'GET /api/cameras/map': listing('/api/cameras/map?bbox=100,10,110,25', 'items'),
  'GET /api/cameras/mine': async (world, role, call) => {
    const response = await call({ method: 'GET', url: '/api/cameras/mine' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body.includes('AWAY-1')).toBe(false);
    expect(response.body.includes('HOME-1')).toBe(role === 'camera_owner');
  },
  'GET /api/cameras/export.csv': listing('/api/cameras/export.csv?reason=access%20test', 'csv'),
  'GET /api/cameras/export.geojson': listing(
    '/api/cameras/export.geojson?reason=access%20test',
    'features',
  ),
  'GET /api/cameras/:id': cameraById('GET', ''),
  'PATCH /api/cameras/:id': cameraById('PATCH', '', { name: 'Renamed by access test' }),
  'POST /api/cameras/:id/decommission': {
    unscoped: 'covered with PATCH by the same scope check; not run so the away camera stays',
  },
  'PUT /api/cameras/:id/consent': cameraById('PUT', '/consent', {
    consentTier: 'on_request',
    consentExpiresAt: null,
  }),
  'POST /api/cameras': async (world, role, call) => {
    const input = cameraInput(`NEW-${role}`, unitIds.thachTri, world.userIds[role]);
    const response = await call({ method: 'POST', url: '/api/cameras', payload: input });
    // An owner's scope is their own cameras, wherever they stand: registering one outside the
    // owner's home unit is allowed, and it is theirs (the owner is forced to the caller).
    if (role === 'admin' || role === 'camera_owner') {
      expect(response.statusCode, response.body).toBe(201);
      if (role === 'camera_owner')
        expect(response.json<{ ownerUserId: string }>().ownerUserId).toBe(world.userIds[role]);
    } else
      expect(denied(response.statusCode), `${role} created away → ${response.statusCode}`).toBe(
        true,
      );
  },
  'POST /api/cameras/import': async (_world, role, call) => {
    const csv =
      'code,name,owner_kind,jurisdiction_code,latitude,longitude,heading,fov,range_m\n' +
      `IMP-${role},Nhập thử,ward,18505,18.41,105.86,10,90,30\n`;
    const response = await call({
      method: 'POST',
      url: '/api/cameras/import?dryRun=true',
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
    if (role === 'admin') expect(response.statusCode, response.body).toBe(200);
    else
      expect(
        response.statusCode,
        `${role} imported away → ${response.body}`,
      ).toBeGreaterThanOrEqual(403);
  },
  'GET /api/holds': async (world, role, call) => {
    await recordingWorld(world);
    const away = await call({ method: 'GET', url: `/api/holds?cameraId=${world.away}` });
    if (role === 'admin') expect(away.statusCode, away.body).toBe(200);
    else expect(denied(away.statusCode), `${role} holds away → ${away.statusCode}`).toBe(true);
    const home = await call({ method: 'GET', url: `/api/holds?cameraId=${world.home}` });
    expect(home.statusCode, home.body).toBe(200);
    const all = await call({ method: 'GET', url: '/api/holds' });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.body.includes('AWAY-1'), `${role} sees away holds`).toBe(role === 'admin');
    expect(all.body).toContain('HOME-1');
  },
  'POST /api/holds': async (world, role, call) => {
    const away = await placeHold(world, world.away, world.cookies[role]);
    if (role === 'admin') expect(away.statusCode, away.body).toBe(201);
    else expect(denied(away.statusCode), `${role} held away → ${away.statusCode}`).toBe(true);
    const home = await call({
      method: 'POST',
      url: '/api/holds',
      payload: {
        cameraId: world.home,
        from: '2025-01-02T00:00:00Z',
        to: '2025-01-02T01:00:00Z',
        reason: 'access test',
      },
    });
    expect(home.statusCode, home.body).toBe(201);
  },
  'POST /api/holds/:id/release': async (world, role, call) => {
    for (const [cameraId, inside] of [
      [world.away, false],
      [world.home, true],
    ] as const) {
      const hold = await placeHold(world, cameraId);
      const id = hold.json<{ id: string }>().id;
      const release = await call({
        method: 'POST',
        url: `/api/holds/${id}/release`,
        payload: { reason: 'access test' },
      });
      if (inside || role === 'admin') expect(release.statusCode, release.body).toBe(200);
      else
        expect(denied(release.statusCode), `${role} released away → ${release.statusCode}`).toBe(
          true,
        );
    }
  },
  'GET /api/storage': async (world, role, call) => {
    await recordingWorld(world);
    const response = await call({ method: 'GET', url: '/api/storage' });
    expect(response.statusCode, response.body).toBe(200);
    const figures = response.json<{ totalBytes: number; perCamera: { code: string }[] }>();
    const codes = figures.perCamera.map((c) => c.code);
    expect(codes.includes('AWAY-1'), `${role} sees away storage`).toBe(role === 'admin');
    expect(codes).toContain('HOME-1');
    expect(figures.totalBytes).toBe(role === 'admin' ? 8000 : 1000);
  },
  'GET /api/recording/status': listing('/api/recording/status', 'items'),
  'GET /api/cameras/:id/recording': cameraById('GET', '/recording'),
  'POST /api/cameras/:id/recording': cameraById('POST', '/recording', {
    enabled: false,
    reason: 'access test',
  }),
  'GET /api/cameras/:id/segments': async (world, role, call) => {
    await recordingWorld(world);
    const range = '?from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z';
    const away = await call({ method: 'GET', url: `/api/cameras/${world.away}/segments${range}` });
    if (role === 'admin') expect(away.statusCode, away.body).toBe(200);
    else expect(denied(away.statusCode), `${role} segments away → ${away.statusCode}`).toBe(true);
    const home = await call({ method: 'GET', url: `/api/cameras/${world.home}/segments${range}` });
    expect(home.statusCode, home.body).toBe(200);
    expect(home.json<{ items: { id: string }[] }>().items.map((s) => s.id)).toEqual([
      `seg-${world.home}`,
    ]);
  },
  'GET /api/wall-layouts': {
    unscoped: 'lists only the caller’s own layouts (wall-layouts.test.ts)',
  },
  'POST /api/wall-layouts': async (world, role, call) => {
    const save = (cameraId: string) =>
      call({ method: 'POST', url: '/api/wall-layouts', payload: wallBody(cameraId) });
    const away = await save(world.away);
    if (role === 'admin') expect(away.statusCode, away.body).toBe(201);
    else expect(denied(away.statusCode), `${role} walled away → ${away.statusCode}`).toBe(true);
    expect((await save(world.home)).statusCode).toBe(201);
  },
  'PUT /api/wall-layouts/:id': async (world, role, call) => {
    const saved = await call({
      method: 'POST',
      url: '/api/wall-layouts',
      payload: wallBody(world.home),
    });
    const url = `/api/wall-layouts/${saved.json<{ id: string }>().id}`;
    const away = await call({ method: 'PUT', url, payload: wallBody(world.away) });
    if (role === 'admin') expect(away.statusCode, away.body).toBe(200);
    else expect(denied(away.statusCode), `${role} rewalled away → ${away.statusCode}`).toBe(true);
    const othersLayout = await adminLayout(world);
    const other = await call({
      method: 'PUT',
      url: `/api/wall-layouts/${othersLayout}`,
      payload: wallBody(world.home),
    });
    expect(other.statusCode).toBe(role === 'admin' ? 200 : 404);
  },
  'DELETE /api/wall-layouts/:id': async (world, role, call) => {
    const othersLayout = await adminLayout(world);
    const other = await call({ method: 'DELETE', url: `/api/wall-layouts/${othersLayout}` });
    expect(other.statusCode).toBe(role === 'admin' ? 200 : 404);
  },
  'GET /api/wall/cameras': async (world, role, call) => {
    const response = await call({
      method: 'GET',
      url: `/api/wall/cameras?ids=${world.home},${world.away}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body.includes('AWAY-1'), `${role} sees away tile`).toBe(role === 'admin');
    expect(response.body).toContain('HOME-1');
  },
  'GET /api/cameras/:id/live': async (world, role, call) => {
    const reason = '?reason=access%20test';
    const away = await call({ method: 'GET', url: `/api/cameras/${world.away}/live${reason}` });
    expect(denied(away.statusCode), `${role} live away → ${away.statusCode}`).toBe(true);
    const home = await call({ method: 'GET', url: `/api/cameras/${world.home}/live${reason}` });
    // On an on_request camera only its owner is admitted; a plain GET is then told to upgrade.
    expect(home.statusCode, home.body).toBe(role === 'camera_owner' ? 426 : 403);
  },
  'GET /api/cameras/:id/live/access': cameraById('GET', '/live/access'),
  'GET /api/cameras/:id/snapshot.jpg': async (world, role, call) => {
    const reason = '?reason=access%20test';
    const away = await call({
      method: 'GET',
      url: `/api/cameras/${world.away}/snapshot.jpg${reason}`,
    });
    expect(denied(away.statusCode), `${role} snapshot away → ${away.statusCode}`).toBe(true);
    const home = await call({
      method: 'GET',
      url: `/api/cameras/${world.home}/snapshot.jpg${reason}`,
    });
    // Admitted (the owner), the home camera has no picture yet: nothing recorded, nobody watching.
    expect(home.statusCode, home.body).toBe(role === 'camera_owner' ? 404 : 403);
  },
  'POST /api/cameras/:id/alarms': cameraById('POST', '/alarms', { minutes: 5 }),
  'GET /api/cameras/:id/live-grants': cameraById('GET', '/live-grants'),
  'GET /api/cameras/:id/timeline': cameraById('GET', '/timeline'),
  'GET /api/cameras/:id/playback': footageRoute('/playback'),
  'GET /api/cameras/:id/playback.mp4': footageRoute('/playback.mp4'),
  'GET /api/cameras/:id/download.mp4': footageRoute('/download.mp4'),
  'GET /api/events': {
    unscoped: 'a WebSocket; each event is filtered by scope (test/integration/events.test.ts)',
  },
  ...investigationCases,
  ...planningCases,
  ...fundingCases,
  ...analyticsCases,
};

describeEachDatabase('access matrix', (harness) => {
  const world = {} as World;

  beforeAll(async () => {
    const h = harness();
    world.h = h;
    await seedTestUnits(h.ctx);
    world.cookies = {} as Record<Role, string>;
    world.userIds = {} as Record<Role, string>;
    for (const role of roles) {
      world.userIds[role] = await h.createUser({
        username: `matrix.${role}`,
        role,
        jurisdictionId: homeUnit[role],
      });
      world.cookies[role] = await h.login(`matrix.${role}`);
    }
    const awayOwner = await h.createUser({
      username: 'matrix.away-owner',
      role: 'camera_owner',
      jurisdictionId: unitIds.thachTri,
    });
    [world.home, world.away] = (await createCameras(h.ctx, null, [
      cameraInput('HOME-1', unitIds.tanXuan1, world.userIds.camera_owner),
      cameraInput('AWAY-1', unitIds.thachTri, awayOwner),
    ])) as [string, string];
    const awayCookie = await h.login('matrix.away-owner');
    // An audited change to the away camera, so the audit listing has something out of scope.
    const adminChange = await h.app.inject({
      method: 'PATCH',
      url: `/api/cameras/${world.away}`,
      payload: { notes: 'checked by the access test' },
      headers: { cookie: world.cookies.admin },
    });
    expect(adminChange.statusCode, adminChange.body).toBe(200);
    const token = await h.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'away' },
      headers: { cookie: awayCookie },
    });
    expect(token.statusCode, token.body).toBe(201);
    world.awayOwnerToken = token.json<{ token: { id: string } }>().token.id;
  });

  it('classifies every API route', () => {
    const unclassified = world.h.app.apiRoutes
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !(key in scopeCases));
    expect(unclassified).toEqual([]);
  });

  it('refuses every non-public route without a login (401)', async () => {
    for (const route of world.h.app.apiRoutes.filter((r) => r.access !== 'public')) {
      const url = route.url.replace(':id', world.home);
      const response = await world.h.app.inject({ method: route.method as 'GET', url });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('unauthorized');
    }
  });

  for (const role of roles) {
    describe(`as ${role}`, () => {
      it('gets 403 from every route its role may not call', async () => {
        for (const route of world.h.app.apiRoutes) {
          if (
            route.access === 'public' ||
            route.access === 'authenticated' ||
            route.access.includes(role)
          )
            continue;
          const url = route.url.replace(':id', world.home);
          const response = await world.h.app.inject({
            method: route.method as 'GET',
            url,
            headers: { cookie: world.cookies[role] },
          });
          expect(response.statusCode, `${role} ${route.method} ${route.url}`).toBe(403);
        }
      });

      it('is confined to its jurisdiction on every route it may call', async () => {
        const call = (c: Call) =>
          world.h.app.inject({
            method: c.method as 'GET',
            url: c.url,
            payload: c.payload as string,
            headers: { cookie: world.cookies[role], ...c.headers },
          });
        for (const route of world.h.app.apiRoutes) {
          const allowed =
            route.access === 'public' ||
            route.access === 'authenticated' ||
            route.access.includes(role);
          const check = scopeCases[`${route.method} ${route.url}`];
          if (!allowed || !check || 'unscoped' in check) continue;
          await check(world, role, call);
        }
      });
    });
  }
});
