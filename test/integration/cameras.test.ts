import { beforeAll, expect, it } from 'vitest';
import { streamUrlsFor } from '../../src/cameras/camera.service';
import type { Camera } from '../../src/cameras/camera.schemas';
import {
  createWorld,
  cameraInput,
  type ApiErrorBody,
  type CameraListBody,
  type World,
  apiCaller,
  countCameras,
} from '../fixtures/cameras/world';
import { unitIds } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/harness';

const secret = 'S3cret-pw';
const streamUrl = `rtsp://admin:${secret}@192.168.1.64:554/Streaming/Channels/101`;

describeEachDatabase('camera registry', (h) => {
  let world: World;
  /** Every response body of this suite, to prove no stream credential ever leaves the server. */
  const bodies: string[] = [];

  beforeAll(async () => {
    world = await createWorld(h());
  });

  const call = apiCaller(h, () => world, bodies);
  const count = () => countCameras(h());

  it('registers a camera and reads it back without its stream credentials', async () => {
    const input = cameraInput({
      code: 'TX1-CRUD',
      name: 'Đầu ngõ 68',
      mainStreamUrl: streamUrl,
      address: 'Ngõ 68 Xuân Đỉnh',
    });
    const created = await call('tanXuanLeader', 'POST', '/api/cameras', input);
    expect(created.statusCode).toBe(201);
    const camera = created.json<Camera>();
    expect(camera).toMatchObject({
      code: 'TX1-CRUD',
      name: 'Đầu ngõ 68',
      jurisdictionId: unitIds.tanXuan1,
      jurisdictionName: 'Tân Xuân 1',
      status: 'installed',
      consentTier: 'registry_only',
      hasMainStream: true,
      hasSubStream: false,
      mainStreamDisplay: 'rtsp://***@192.168.1.64:554/Streaming/Channels/101',
      canEdit: true,
    });
    expect(created.body).not.toContain(secret);

    const read = await call('xuanDinhPolice', 'GET', `/api/cameras/${camera.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: camera.id, heading: 90, fov: 80, rangeM: 40 });

    const raw = await h()
      .ctx.db.kysely.selectFrom('cameras')
      .selectAll()
      .where('id', '=', camera.id)
      .executeTakeFirstOrThrow();
    expect(raw.main_stream_enc).not.toContain(secret);
    expect(raw.main_stream_enc).not.toContain('rtsp');
    expect(JSON.stringify(raw)).not.toContain(secret);
    expect((await streamUrlsFor(h().ctx, camera.id)).mainStreamUrl).toBe(streamUrl);

    const audit = await h()
      .ctx.db.kysely.selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'camera.create')
      .where('target_id', '=', camera.id)
      .executeTakeFirstOrThrow();
    expect(audit.jurisdiction_path).toBe(raw.jurisdiction_path);
    expect(audit.details ?? '').not.toContain(secret);
  });

  it.each([
    ['latitude 91', { latitude: 91 }, 400, 'latitude'],
    ['heading 400', { heading: 400 }, 400, 'heading'],
    ['field of view 0', { fov: 0 }, 400, 'fov'],
    ['field of view 361', { fov: 361 }, 400, 'fov'],
    ['an empty name', { name: '' }, 400, 'name'],
    ['a blank name', { name: '   ' }, 400, 'name'],
    ['an unknown jurisdiction code', { jurisdictionCode: '99999' }, 400, 'jurisdictionCode'],
    [
      'an unknown jurisdiction id',
      { jurisdictionCode: undefined, jurisdictionId: 'u-nowhere' },
      400,
      'jurisdictionId',
    ],
    ['a file: stream URL', { mainStreamUrl: 'file:///etc/passwd' }, 400, 'mainStreamUrl'],
    [
      'a concat: stream URL',
      { subStreamUrl: 'concat:/etc/passwd|/etc/hosts' },
      400,
      'subStreamUrl',
    ],
    ['a stream URL without host', { mainStreamUrl: 'rtsp:///stream' }, 400, 'mainStreamUrl'],
    ['a duplicate code', { code: 'TX1-CRUD' }, 409, 'code'],
    ['an unknown field', { colour: 'red' }, 400, 'colour'],
  ])(
    'rejects %s with a 4xx naming the field and changes nothing',
    async (_, patch, status, field) => {
      const before = await count();
      const response = await call('admin', 'POST', '/api/cameras', cameraInput(patch));
      expect(response.statusCode).toBe(status);
      expect(response.json<ApiErrorBody>().error.field).toBe(field);
      expect(await count()).toBe(before);
    },
  );

  it('updates a camera, keeps the stream sealed, and rejects a bad edit without changing anything', async () => {
    const { id } = (
      await call('admin', 'POST', '/api/cameras', cameraInput({ code: 'TX1-EDIT' }))
    ).json<Camera>();
    const updated = await call('xuanDinhPolice', 'PATCH', `/api/cameras/${id}`, {
      name: 'Cổng chợ Xuân Đỉnh',
      heading: 180,
      subStreamUrl: streamUrl.replace('101', '102'),
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      name: 'Cổng chợ Xuân Đỉnh',
      heading: 180,
      hasSubStream: true,
    });
    expect((await streamUrlsFor(h().ctx, id)).subStreamUrl).toBe(streamUrl.replace('101', '102'));

    for (const [patch, status, field] of [
      [{ heading: 400 }, 400, 'heading'],
      [{ mainStreamUrl: 'file:///etc/shadow' }, 400, 'mainStreamUrl'],
      [{ code: 'TX1-CRUD' }, 409, 'code'],
      [{ jurisdictionCode: '99999' }, 400, 'jurisdictionCode'],
    ] as const) {
      const response = await call('admin', 'PATCH', `/api/cameras/${id}`, patch);
      expect(response.statusCode).toBe(status);
      expect(response.json<ApiErrorBody>().error.field).toBe(field);
    }
    const after = (await call('admin', 'GET', `/api/cameras/${id}`)).json<Camera>();
    expect(after).toMatchObject({
      code: 'TX1-EDIT',
      heading: 180,
      jurisdictionId: unitIds.tanXuan1,
      hasMainStream: false,
    });
  });

  it('decommissions a camera and keeps its record', async () => {
    const { id } = (await call('admin', 'POST', '/api/cameras', cameraInput())).json<Camera>();
    expect(
      (await call('tanXuanLeader', 'POST', `/api/cameras/${id}/decommission`, {})).statusCode,
    ).toBe(400);
    const response = await call('tanXuanLeader', 'POST', `/api/cameras/${id}/decommission`, {
      reason: 'cột điện bị dời',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<Camera>().status).toBe('decommissioned');
    expect(response.json<Camera>().decommissionedAt).toEqual(expect.any(String));
    expect(
      (await call('tanXuanLeader', 'POST', `/api/cameras/${id}/decommission`, { reason: 'again' }))
        .statusCode,
    ).toBe(409);
    const listed = (
      await call('admin', 'GET', '/api/cameras?status=decommissioned')
    ).json<CameraListBody>();
    expect(listed.items.map((c) => c.id)).toContain(id);
    const event = await h()
      .ctx.db.kysely.selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'camera.decommission')
      .where('target_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(event.reason).toBe('cột điện bị dời');
  });

  it('answers 404 for a camera that does not exist', async () => {
    expect((await call('admin', 'GET', '/api/cameras/no-such-camera')).statusCode).toBe(404);
    expect(
      (await call('admin', 'PATCH', '/api/cameras/no-such-camera', { heading: 1 })).statusCode,
    ).toBe(404);
  });

  it('never sends a stream URL or its password in any response', () => {
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) expect(body).not.toContain(secret);
  });
});
