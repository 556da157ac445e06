import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { createCameras } from '../../src/cameras/camera.service';
import type { CameraInput } from '../../src/cameras/camera.types';
import { createGrant } from '../../src/live/grants.repo';
import { maxCameraIdsPerQuery, maxLayoutsPerUser } from '../../src/wall/wall.rules';
import { describeEachDatabase } from '../helpers/harness';
import { seedTestUnits, unitIds } from '../helpers/fixtures';

interface Layout {
  id: string;
  name: string;
  size: number;
  cameraIds: (string | null)[];
  createdAt: string;
  updatedAt: string;
}
interface WallCamera {
  id: string;
  live: string;
  liveMessage: string | null;
  reasonRequired: boolean;
  liveUntil: string | null;
}
interface ErrorBody {
  error: { code: string; field?: string };
}

const camera = (
  code: string,
  unitId: string,
  consentTier: CameraInput['consentTier'],
  ownerUserId: string | null = null,
): CameraInput => ({
  code,
  name: `Camera ${code}`,
  ownerKind: 'household',
  ownerName: `Chủ ${code}`,
  ownerPhone: '0900000000',
  ownerUserId,
  jurisdictionId: unitId,
  latitude: 21.0752,
  longitude: 105.7871,
  heading: 90,
  fov: 90,
  rangeM: 30,
  status: 'online',
  consentTier,
  mainStreamUrl: 'rtsp://user:secret@127.0.0.1:8554/x',
});

describeEachDatabase('video wall layouts', (harness) => {
  const cookies: Record<string, string> = {};
  let live = '';
  let asked = '';
  let away = '';
  let owned = '';
  let alarmed = '';

  const call = (
    who: string,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse> =>
    harness().app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: { cookie: cookies[who]! },
    });

  beforeAll(async () => {
    const h = harness();
    await seedTestUnits(h.ctx);
    for (const [name, role, unit] of [
      ['police', 'ward_police', unitIds.xuanDinh],
      ['police2', 'ward_police', unitIds.xuanDinh],
      ['owner', 'camera_owner', unitIds.tanXuan1],
      ['official', 'ward_official', unitIds.xuanDinh],
    ] as const) {
      await h.createUser({ username: `wall.${name}`, role, jurisdictionId: unit });
      cookies[name] = await h.login(`wall.${name}`);
    }
    const ownerId = (
      await h.ctx.db.kysely
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'wall.owner')
        .executeTakeFirstOrThrow()
    ).id;
    [live, asked, away, owned, alarmed] = (await createCameras(h.ctx, null, [
      camera('W-LIVE', unitIds.tanXuan1, 'live_always'),
      camera('W-ASK', unitIds.tanXuan1, 'on_request'),
      camera('W-AWAY', unitIds.thachTri, 'live_always'),
      camera('W-MINE', unitIds.tanXuan1, 'registry_only', ownerId),
      camera('W-ALARM', unitIds.tanXuan1, 'live_on_alarm'),
    ])) as [string, string, string, string, string];
  });

  it('saves a 4-tile wall and lists it back with its tiles in order', async () => {
    const created = await call('police', 'POST', '/api/wall-layouts', {
      name: '  Ngã tư Xuân Đỉnh ',
      size: 4,
      cameraIds: [live, null, asked, null],
    });
    expect(created.statusCode, created.body).toBe(201);
    const layout = created.json<Layout>();
    expect(layout).toMatchObject({
      name: 'Ngã tư Xuân Đỉnh',
      size: 4,
      cameraIds: [live, null, asked, null],
    });
    const list = await call('police', 'GET', '/api/wall-layouts');
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: Layout[] }>().items).toEqual([layout]);
  });

  it('renames and refills a wall with PUT, keeping its creation time', async () => {
    const created = (
      await call('police', 'POST', '/api/wall-layouts', { name: 'Cũ', size: 1, cameraIds: [null] })
    ).json<Layout>();
    const updated = await call('police', 'PUT', `/api/wall-layouts/${created.id}`, {
      name: 'Mới',
      size: 9,
      cameraIds: [live, ...Array<null>(8).fill(null)],
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json<Layout>()).toMatchObject({ id: created.id, name: 'Mới', size: 9 });
    expect(updated.json<Layout>().createdAt).toBe(created.createdAt);
    expect(updated.json<Layout>().cameraIds).toHaveLength(9);
  });

  it('deletes a wall, after which it is gone (404 on a second delete)', async () => {
    const created = (
      await call('police', 'POST', '/api/wall-layouts', { name: 'Xoá', size: 1, cameraIds: [null] })
    ).json<Layout>();
    expect((await call('police', 'DELETE', `/api/wall-layouts/${created.id}`)).statusCode).toBe(
      200,
    );
    expect((await call('police', 'DELETE', `/api/wall-layouts/${created.id}`)).statusCode).toBe(
      404,
    );
    const names = (await call('police', 'GET', '/api/wall-layouts'))
      .json<{ items: Layout[] }>()
      .items.map((l) => l.name);
    expect(names).not.toContain('Xoá');
  });

  it('never shows, changes or deletes another user’s wall (404)', async () => {
    const mine = (
      await call('police', 'POST', '/api/wall-layouts', {
        name: 'Riêng',
        size: 1,
        cameraIds: [live],
      })
    ).json<Layout>();
    const theirs = (await call('police2', 'GET', '/api/wall-layouts')).json<{ items: Layout[] }>();
    expect(theirs.items.map((l) => l.id)).not.toContain(mine.id);
    const put = await call('police2', 'PUT', `/api/wall-layouts/${mine.id}`, {
      name: 'Chiếm',
      size: 1,
      cameraIds: [null],
    });
    expect(put.statusCode).toBe(404);
    expect((await call('police2', 'DELETE', `/api/wall-layouts/${mine.id}`)).statusCode).toBe(404);
    const still = (await call('police', 'GET', '/api/wall-layouts')).json<{ items: Layout[] }>();
    expect(still.items.find((l) => l.id === mine.id)?.name).toBe('Riêng');
  });

  it('rejects bad names, sizes and tile counts with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ name: '', size: 1, cameraIds: [null] }, 'name'],
      [{ name: 'x'.repeat(81), size: 1, cameraIds: [null] }, 'name'],
      [{ name: 'Cỡ', size: 6, cameraIds: Array(6).fill(null) }, 'size'],
      [{ name: 'Ô', size: 4, cameraIds: [live] }, 'cameraIds'],
      [{ name: 'Trùng', size: 4, cameraIds: [live, live, null, null] }, 'cameraIds'],
    ];
    for (const [body, field] of cases) {
      const response = await call('police', 'POST', '/api/wall-layouts', body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<ErrorBody>().error.field).toBe(field);
    }
  });

  it('refuses cameras that do not exist or lie outside the caller’s area (404 naming cameraIds)', async () => {
    for (const id of ['no-such-camera', away]) {
      const response = await call('police', 'POST', '/api/wall-layouts', {
        name: 'Ngoài',
        size: 1,
        cameraIds: [id],
      });
      expect(response.statusCode, response.body).toBe(404);
      expect(response.json<ErrorBody>().error.field).toBe('cameraIds');
    }
  });

  it('lets a camera owner keep a wall of their own cameras only', async () => {
    const mine = await call('owner', 'POST', '/api/wall-layouts', {
      name: 'Nhà tôi',
      size: 1,
      cameraIds: [owned],
    });
    expect(mine.statusCode, mine.body).toBe(201);
    const other = await call('owner', 'POST', '/api/wall-layouts', {
      name: 'Hàng xóm',
      size: 1,
      cameraIds: [live],
    });
    expect(other.statusCode).toBe(404);
  });

  it('refuses roles that cannot watch live (403)', async () => {
    expect((await call('official', 'GET', '/api/wall-layouts')).statusCode).toBe(403);
  });

  it(`stops at ${maxLayoutsPerUser} walls per user with 409`, async () => {
    const existing = (await call('police2', 'GET', '/api/wall-layouts')).json<{
      items: Layout[];
    }>().items.length;
    for (let index = existing; index < maxLayoutsPerUser; index += 1) {
      const response = await call('police2', 'POST', '/api/wall-layouts', {
        name: `Tường ${index}`,
        size: 1,
        cameraIds: [null],
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const over = await call('police2', 'POST', '/api/wall-layouts', {
      name: 'Một nữa',
      size: 1,
      cameraIds: [null],
    });
    expect(over.statusCode).toBe(409);
  });

  it('describes tile cameras with whether they may play, hiding unreadable ones', async () => {
    const response = await call(
      'police',
      'GET',
      `/api/wall/cameras?ids=${[live, asked, away, 'nothing'].join(',')}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json<{ items: { id: string; live: string; name: string }[] }>().items;
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get(live)).toMatchObject({ name: 'Camera W-LIVE', live: 'allowed' });
    expect(byId.get(asked)?.live).toBe('denied');
    expect(byId.has(away)).toBe(false);
    expect(items).toHaveLength(2);
  });

  it('says live_on_alarm cameras play only while a grant is active, and until when', async () => {
    const ask = async () => {
      const response = await call('police', 'GET', `/api/wall/cameras?ids=${alarmed}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: WallCamera[] }>().items[0];
    };
    expect(await ask()).toMatchObject({ live: 'on_alarm', liveUntil: null, reasonRequired: true });

    const nowMs = harness().ctx.now().getTime();
    // A grant that has not started yet, and one that has ended, open nothing.
    await createGrant(harness().ctx.db, {
      cameraId: alarmed,
      source: 'alarm',
      fromMs: nowMs + 60_000,
      toMs: nowMs + 120_000,
    });
    await createGrant(harness().ctx.db, {
      cameraId: alarmed,
      source: 'alarm',
      fromMs: nowMs - 120_000,
      toMs: nowMs - 60_000,
    });
    expect((await ask())?.live).toBe('on_alarm');

    const untilMs = nowMs + 10 * 60_000;
    await createGrant(harness().ctx.db, {
      cameraId: alarmed,
      source: 'alarm',
      fromMs: nowMs - 1_000,
      toMs: untilMs,
    });
    expect(await ask()).toMatchObject({
      live: 'allowed',
      liveMessage: null,
      reasonRequired: true,
      liveUntil: new Date(untilMs).toISOString(),
    });
  });

  it('tells an owner that their own camera needs no reason', async () => {
    const response = await call('owner', 'GET', `/api/wall/cameras?ids=${owned}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ items: WallCamera[] }>().items).toMatchObject([
      { id: owned, live: 'allowed', reasonRequired: false, liveUntil: null },
    ]);
  });

  it(`answers a page of up to ${maxCameraIdsPerQuery} ids and refuses more`, async () => {
    const page = Array.from({ length: maxCameraIdsPerQuery - 1 }, (_, i) => `c${i}`);
    const fits = await call('police', 'GET', `/api/wall/cameras?ids=${[...page, live].join(',')}`);
    expect(fits.statusCode, fits.body).toBe(200);
    expect(fits.json<{ items: WallCamera[] }>().items.map((item) => item.id)).toEqual([live]);

    const ids = Array.from({ length: maxCameraIdsPerQuery + 1 }, (_, i) => `c${i}`).join(',');
    const response = await call('police', 'GET', `/api/wall/cameras?ids=${ids}`);
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().error.field).toBe('ids');
  });
});
