import { existsSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { beforeAll, expect, it } from 'vitest';
import { createCameras } from '../../src/cameras/camera.service';
import type { CameraInput } from '../../src/cameras/camera.types';
import { vietnamDate } from '../../src/jurisdictions/jurisdiction-tree';
import { installedCount } from '../../src/planning/sites.service';
import type { Site } from '../../src/planning/sites.schemas';
import { giveTestUnitsBoundaries, unitPath } from '../helpers/incident-fixtures';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase, type Harness } from '../helpers/harness';

// Planned sites through the HTTP API on both databases: the unit from the point, the lifecycle
// (forward only, skipped steps dated alike, a camera linked from installed on), survey photos
// checked by their bytes, and who may see or change which site.

const tanXuan1 = { latitude: 21.0752, longitude: 105.7871 };
const coNhue = { latitude: 21.0628, longitude: 105.7781 };

interface ErrorBody {
  error: { code: string; field?: string };
}

const cameraInput = (code: string, unitId: string, at: typeof tanXuan1): CameraInput => ({
  code,
  name: `Camera ${code}`,
  ownerKind: 'ward',
  ownerName: 'UBND phường',
  jurisdictionId: unitId,
  ...at,
  heading: 90,
  fov: 90,
  rangeM: 30,
  status: 'online',
  consentTier: 'live_always',
});

describeEachDatabase('planned sites', (harness) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  const today = vietnamDate(new Date());
  let homeCamera: string;
  let awayCamera: string;

  beforeAll(async () => {
    h = harness();
    await seedTestUnits(h.ctx);
    await giveTestUnitsBoundaries(h.ctx);
    for (const [username, role, unit] of [
      ['xd.police', 'ward_police', unitIds.xuanDinh],
      ['cn.police', 'ward_police', unitIds.coNhue],
      ['tx.official', 'ward_official', unitIds.tanXuan1],
      ['hn.auditor', 'auditor', unitIds.hanoi],
      ['owner', 'camera_owner', unitIds.tanXuan1],
    ] as const) {
      await h.createUser({ username, role, jurisdictionId: unit });
      cookies[username] = await h.login(username);
    }
    [homeCamera, awayCamera] = (await createCameras(h.ctx, null, [
      cameraInput('SITE-HOME', unitIds.tanXuan1, tanXuan1),
      cameraInput('SITE-AWAY', unitIds.coNhue, coNhue),
    ])) as [string, string];
  });

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    h.app.inject({ method, url, payload, headers: { cookie: cookies[who]! } });

  const propose = async (who = 'xd.police', extra: object = {}) => {
    const response = await call(who, 'POST', '/api/planned-sites', {
      name: 'Đầu ngõ 27 Xuân Đỉnh',
      ...tanXuan1,
      heading: 15,
      fov: 90,
      rangeM: 40,
      responsibleName: 'Tổ trưởng Tân Xuân 1',
      responsiblePhone: '0900 000 111',
      estimatedCostVnd: 15_000_000,
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Site>();
  };

  it('places a proposed site in the unit its point lies in, dated today and audited', async () => {
    const site = await propose();
    expect(site).toMatchObject({
      unitId: unitIds.tanXuan1,
      unitName: 'Tân Xuân 1',
      status: 'proposed',
      responsiblePhone: '0900000111',
      estimatedCostVnd: 15_000_000,
      source: 'manual',
      cameraId: null,
      photos: [],
    });
    expect(site.dates).toEqual({
      proposed: today,
      surveyed: null,
      agreed: null,
      funded: null,
      installed: null,
      connected: null,
    });
    const audit = await h.ctx.db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', site.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['site.create']);
  });

  it('refuses bad input naming the field', async () => {
    const base = { name: 'X', ...tanXuan1, heading: 0, fov: 90, rangeM: 30 };
    for (const [change, field] of [
      [{ heading: 400 }, 'heading'],
      [{ fov: 0 }, 'fov'],
      [{ rangeM: 5000 }, 'rangeM'],
      [{ estimatedCostVnd: 1.5 }, 'estimatedCostVnd'],
      [{ responsiblePhone: 'gọi tôi' }, 'responsiblePhone'],
      [{ latitude: 10.5, longitude: 100.1 }, 'latitude'],
    ] as const) {
      const response = await call('xd.police', 'POST', '/api/planned-sites', {
        ...base,
        ...change,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<ErrorBody>().error.field).toBe(field);
    }
  });

  it('moves forward only, dating skipped steps alike; backwards is 409 naming status', async () => {
    const site = await propose();
    const agreed = await call('xd.police', 'POST', `/api/planned-sites/${site.id}/status`, {
      status: 'agreed',
      on: today,
    });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json<Site>().dates).toMatchObject({
      surveyed: today,
      agreed: today,
      funded: null,
    });
    const back = await call('xd.police', 'POST', `/api/planned-sites/${site.id}/status`, {
      status: 'surveyed',
    });
    expect(back.statusCode).toBe(409);
    expect(back.json<ErrorBody>().error.field).toBe('status');
    const future = await call('xd.police', 'POST', `/api/planned-sites/${site.id}/status`, {
      status: 'funded',
      on: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json<ErrorBody>().error.field).toBe('on');
  });

  it('links the camera when a site is installed, and only a camera in scope', async () => {
    const site = await propose();
    const move = (payload: object) =>
      call('xd.police', 'POST', `/api/planned-sites/${site.id}/status`, payload);
    const missing = await move({ status: 'installed' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ErrorBody>().error.field).toBe('cameraId');
    const unknown = await move({ status: 'installed', cameraId: 'no-such-camera' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ErrorBody>().error.field).toBe('cameraId');
    expect((await move({ status: 'installed', cameraId: awayCamera })).statusCode).toBe(403);

    const installed = await move({ status: 'installed', cameraId: homeCamera });
    expect(installed.statusCode, installed.body).toBe(200);
    expect(installed.json<Site>()).toMatchObject({
      status: 'installed',
      cameraId: homeCamera,
      cameraCode: 'SITE-HOME',
      dates: { surveyed: today, agreed: today, funded: today, installed: today, connected: null },
    });
    const connected = await move({ status: 'connected' });
    expect(connected.json<Site>()).toMatchObject({ status: 'connected', cameraId: homeCamera });

    // One camera stands for one site.
    const other = await propose();
    const taken = await call('xd.police', 'POST', `/api/planned-sites/${other.id}/status`, {
      status: 'installed',
      cameraId: homeCamera,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<ErrorBody>().error.field).toBe('cameraId');
  });

  it('keeps survey photos checked by their bytes, and serves them with their type', async () => {
    const site = await propose('tx.official');
    const png = await QRCode.toBuffer('Đầu ngõ 27', { type: 'png', width: 64 });
    const upload = (body: Buffer, type: string, name = 'khao-sat.png') =>
      h.app.inject({
        method: 'POST',
        url: `/api/planned-sites/${site.id}/photos?fileName=${encodeURIComponent(name)}`,
        payload: body,
        headers: { cookie: cookies['tx.official']!, 'content-type': type },
      });
    const added = await upload(png, 'image/png');
    expect(added.statusCode, added.body).toBe(201);
    const photo = added.json<Site['photos'][number]>();
    expect(photo).toMatchObject({ fileName: 'khao-sat.png', mime: 'image/png', bytes: png.length });
    expect(existsSync(join(h.dataDir, 'sites', site.id, `${photo.id}.png`))).toBe(true);

    const served = await call(
      'xd.police',
      'GET',
      `/api/planned-sites/${site.id}/photos/${photo.id}`,
    );
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(png)).toBe(true);

    const text = await upload(Buffer.from('không phải ảnh'), 'image/jpeg', 'fake.jpg');
    expect(text.statusCode).toBe(400);
    expect(text.json<ErrorBody>().error.field).toBe('file');

    const huge = Buffer.alloc(10 * 1024 * 1024 + 1, 0);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    const tooBig = await upload(huge, 'image/jpeg', 'big.jpg');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json<ErrorBody>().error.field).toBe('file');

    const again = await call('xd.police', 'GET', `/api/planned-sites/${site.id}`);
    expect(again.json<Site>().photos.map((p) => p.id)).toEqual([photo.id]);
    const actions = await h.ctx.db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', site.id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['site.create', 'site.photo']);
  });

  it('edits a site, and re-places it when it moves', async () => {
    const site = await propose();
    const edited = await call('xd.police', 'PATCH', `/api/planned-sites/${site.id}`, {
      notes: 'Chủ nhà đồng ý cho gắn trên cột cổng',
      rangeM: 50,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<Site>()).toMatchObject({
      notes: 'Chủ nhà đồng ý cho gắn trên cột cổng',
      rangeM: 50,
    });
    // Moving it into another ward is moving it out of this officer's reach.
    const away = await call('xd.police', 'PATCH', `/api/planned-sites/${site.id}`, coNhue);
    expect(away.statusCode).toBe(403);
    const bad = await call('xd.police', 'PATCH', `/api/planned-sites/${site.id}`, { heading: -5 });
    expect(bad.json<ErrorBody>().error.field).toBe('heading');
  });

  it('keeps another ward’s police, and camera owners, away from Xuân Đỉnh’s sites', async () => {
    const site = await propose();
    expect((await call('cn.police', 'GET', `/api/planned-sites/${site.id}`)).statusCode).toBe(403);
    const patch = await call('cn.police', 'PATCH', `/api/planned-sites/${site.id}`, { notes: 'x' });
    expect(patch.statusCode).toBe(403);
    const status = await call('cn.police', 'POST', `/api/planned-sites/${site.id}/status`, {
      status: 'surveyed',
    });
    expect(status.statusCode).toBe(403);
    const list = await call('cn.police', 'GET', `/api/planned-sites?unitId=${unitIds.xuanDinh}`);
    expect(list.statusCode).toBe(403);
    const own = await call('cn.police', 'GET', '/api/planned-sites');
    expect(own.json<{ items: Site[] }>().items).toEqual([]);
    expect(
      (
        await call('cn.police', 'POST', '/api/planned-sites', {
          name: 'X',
          ...tanXuan1,
          heading: 0,
          fov: 90,
          rangeM: 30,
        })
      ).statusCode,
    ).toBe(403);
    expect((await call('owner', 'GET', '/api/planned-sites')).statusCode).toBe(403);

    const audited = await call(
      'hn.auditor',
      'GET',
      `/api/planned-sites?unitId=${unitIds.xuanDinh}`,
    );
    expect(audited.statusCode).toBe(200);
    expect(audited.json<{ items: Site[] }>().items.map((s) => s.id)).toContain(site.id);
    const write = await call('hn.auditor', 'PATCH', `/api/planned-sites/${site.id}`, {
      notes: 'x',
    });
    expect(write.statusCode).toBe(403);
  });

  it('lists a unit’s sites by status', async () => {
    const list = await call(
      'xd.police',
      'GET',
      `/api/planned-sites?unitId=${unitIds.xuanDinh}&status=connected`,
    );
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: Site[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((s) => s.status === 'connected')).toBe(true);
  });

  it('counts installed cameras in a subtree', async () => {
    expect(await installedCount(h.ctx, await unitPath(h.ctx, unitIds.xuanDinh))).toBe(1);
    expect(await installedCount(h.ctx, await unitPath(h.ctx, unitIds.bacTuLiem))).toBe(2);
  });
});
