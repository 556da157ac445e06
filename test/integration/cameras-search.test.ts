import { beforeAll, expect, it } from 'vitest';
import {
  createWorld,
  cameraInput,
  type ApiErrorBody,
  type CameraListBody,
  type MapBody,
  type World,
  apiCaller,
  countCameras,
} from '../fixtures/cameras/world';
import { unitIds } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/harness';

const secret = 'S3cret-pw';
const streamUrl = `rtsp://admin:${secret}@192.168.1.64:554/Streaming/Channels/101`;

describeEachDatabase('camera search, map and filters', (h) => {
  let world: World;
  /** Every response body of this suite, to prove no stream credential ever leaves the server. */
  const bodies: string[] = [];

  beforeAll(async () => {
    world = await createWorld(h());
    // A camera of a residential group inside Xuân Đỉnh, with a stream whose password must never show.
    await call(
      'admin',
      'POST',
      '/api/cameras',
      cameraInput({ code: 'TX1-BASE', mainStreamUrl: streamUrl }),
    );
  });

  const call = apiCaller(h, () => world, bodies);
  const count = () => countCameras(h());

  it('finds the same cameras by composed, decomposed and unaccented text', async () => {
    await call(
      'admin',
      'POST',
      '/api/cameras',
      cameraInput({ code: 'XD-SEARCH', name: 'Ngã tư Phạm Văn Đồng', jurisdictionCode: '00611' }),
    );
    await call(
      'admin',
      'POST',
      '/api/cameras',
      cameraInput({ code: 'CN-SEARCH', name: 'Ngã tư Phạm Văn Đồng', jurisdictionCode: '00613' }),
    );
    const search = async (q: string) =>
      (
        (
          await call('admin', 'GET', `/api/cameras?q=${encodeURIComponent(q)}&limit=500`)
        ).json<CameraListBody>().items as { code: string }[]
      )
        .map((c) => c.code)
        .sort();
    const composed = await search('Xuân Đỉnh'.normalize('NFC'));
    expect(composed).toContain('XD-SEARCH');
    expect(composed).toContain('TX1-BASE'); // registered to Tân Xuân 1, inside Xuân Đỉnh
    expect(composed).not.toContain('CN-SEARCH');
    expect(await search('Xuân Đỉnh'.normalize('NFD'))).toEqual(composed);
    expect(await search('xuan dinh')).toEqual(composed);
    expect(await search('XUAN  DINH')).toEqual(composed);
    expect(await search('pham van dong')).toEqual(['CN-SEARCH', 'XD-SEARCH']);
    expect(await search('100%_')).toEqual([]);
  });

  it('answers the map and the list for a bounding box, and only inside it', async () => {
    const spots = [
      ['BB-IN-1', 21.0701, 105.7801],
      ['BB-IN-2', 21.0799, 105.7899],
      ['BB-OUT-LAT', 21.0811, 105.785],
      ['BB-OUT-LNG', 21.075, 105.7911],
    ] as const;
    for (const [code, latitude, longitude] of spots) {
      await call(
        'admin',
        'POST',
        '/api/cameras',
        cameraInput({ code, latitude, longitude, jurisdictionCode: '00611' }),
      );
    }
    const bbox = '105.78,21.07,105.79,21.08';
    const map = await call('xuanDinhPolice', 'GET', `/api/cameras/map?bbox=${bbox}&q=bb`);
    expect(map.statusCode).toBe(200);
    expect(map.json<MapBody>().truncated).toBe(false);
    expect(
      map
        .json<MapBody>()
        .items.map((c) => c.code)
        .sort(),
    ).toEqual(['BB-IN-1', 'BB-IN-2']);
    expect(Object.keys(map.json<MapBody>().items[0] ?? {}).sort()).toEqual(
      [
        'code',
        'consentTier',
        'fov',
        'heading',
        'id',
        'latitude',
        'longitude',
        'name',
        'ownerKind',
        'rangeM',
        'status',
      ].sort(),
    );
    const list = (
      await call('admin', 'GET', `/api/cameras?bbox=${bbox}&q=bb`)
    ).json<CameraListBody>();
    expect(list.total).toBe(2);
    for (const bad of ['1,2,3', '105.79,21.07,105.78,21.08', 'x,y,z,w']) {
      const response = await call('admin', 'GET', `/api/cameras/map?bbox=${bad}`);
      expect(response.statusCode).toBe(400);
      expect(response.json<ApiErrorBody>().error.field).toBe('bbox');
    }
  });

  it('filters by owner kind, status, effective consent tier and jurisdiction subtree', async () => {
    const past = '2020-01-01T00:00:00.000Z';
    await call(
      'admin',
      'POST',
      '/api/cameras',
      cameraInput({
        code: 'F-SCHOOL',
        ownerKind: 'school',
        status: 'online',
        consentTier: 'live_always',
      }),
    );
    await call(
      'admin',
      'POST',
      '/api/cameras',
      cameraInput({
        code: 'F-LAPSED',
        ownerKind: 'business',
        consentTier: 'live_always',
        consentExpiresAt: past,
      }),
    );
    await call(
      'admin',
      'POST',
      '/api/cameras',
      cameraInput({ code: 'F-CN', jurisdictionCode: '00613', status: 'offline' }),
    );
    const codes = async (query: string) =>
      (
        (await call('admin', 'GET', `/api/cameras?limit=500&${query}`)).json<CameraListBody>()
          .items as { code: string }[]
      ).map((c) => c.code);
    expect(await codes('ownerKind=school')).toEqual(['F-SCHOOL']);
    expect(await codes('status=online')).toEqual(['F-SCHOOL']);
    expect(await codes('consentTier=live_always')).toEqual(['F-SCHOOL']);
    expect(await codes('consentTier=registry_only')).toContain('F-LAPSED');
    const lapsed = (await codes('q=f-lapsed')).length;
    expect(lapsed).toBe(1);
    const lapsedCamera = (
      await call('admin', 'GET', '/api/cameras?q=f-lapsed')
    ).json<CameraListBody>().items[0];
    expect(lapsedCamera).toMatchObject({
      consentTier: 'registry_only',
      consentTierGranted: 'live_always',
    });
    const onMap = (await call('admin', 'GET', '/api/cameras/map?q=f-lapsed')).json<MapBody>().items;
    expect(onMap.map((c) => [c.code, c.consentTier])).toEqual([['F-LAPSED', 'registry_only']]);
    const xuanDinh = await codes(`jurisdictionId=${unitIds.xuanDinh}`);
    expect(xuanDinh).toEqual(expect.arrayContaining(['F-SCHOOL', 'TX1-BASE', 'XD-SEARCH']));
    expect(xuanDinh).not.toContain('F-CN');
    expect(await codes(`jurisdictionId=${unitIds.coNhue}&status=offline`)).toEqual(['F-CN']);
    expect((await call('admin', 'GET', '/api/cameras?status=broken')).statusCode).toBe(400);
    expect((await call('admin', 'GET', '/api/cameras?jurisdictionId=u-nowhere')).statusCode).toBe(
      404,
    );
  });

  it('pages a list and reports the total', async () => {
    const first = (
      await call('admin', 'GET', '/api/cameras?limit=2&offset=0')
    ).json<CameraListBody>();
    const second = (
      await call('admin', 'GET', '/api/cameras?limit=2&offset=2')
    ).json<CameraListBody>();
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(await count());
    expect((second.items[0]?.code ?? '') > (first.items[1]?.code ?? '')).toBe(true);
    expect((await call('admin', 'GET', '/api/cameras?limit=0')).statusCode).toBe(400);
  });

  it('never sends a stream URL or its password in any response', () => {
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) expect(body).not.toContain(secret);
  });
});
