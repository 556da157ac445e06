import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { exportColumns, type CameraFeatureCollection } from '../../src/cameras/camera-export';
import { streamUrlsFor } from '../../src/cameras/camera.service';
import {
  createWorld,
  cameraInput,
  type ApiErrorBody,
  type CameraListBody,
  type Person,
  type World,
  countCameras,
} from '../fixtures/cameras/world';
import { describeEachDatabase } from '../helpers/harness';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'cameras', name));

describeEachDatabase('camera CSV import and exports', (h) => {
  let world: World;

  beforeAll(async () => {
    world = await createWorld(h());
  });

  const importCsv = (person: Person, body: Buffer | string, query = '') =>
    h().app.inject({
      method: 'POST',
      url: `/api/cameras/import${query}`,
      payload: body,
      headers: { cookie: world.cookies[person], 'content-type': 'text/csv' },
    });
  const get = (person: Person, url: string) =>
    h().app.inject({ method: 'GET', url, headers: { cookie: world.cookies[person] } });
  const count = () => countCameras(h());

  it('checks a file without importing it on a dry run', async () => {
    const response = await importCsv(
      'xuanDinhPolice',
      fixture('good-semicolon-bom.csv'),
      '?dryRun=true',
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ imported: 4, dryRun: true });
    expect(await count()).toBe(0);
  });

  it('imports a UTF-8 file with a BOM, semicolons and decimal commas', async () => {
    const response = await importCsv('xuanDinhPolice', fixture('good-semicolon-bom.csv'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ imported: 4, dryRun: false });
    const [camera] = (await get('admin', '/api/cameras?q=IMP-TX1-01')).json<CameraListBody>().items;
    if (!camera) throw new Error('the imported camera is missing');
    expect(camera).toMatchObject({
      name: 'Đầu ngõ 1 Tân Xuân',
      jurisdictionName: 'Tân Xuân 1',
      latitude: 21.0751,
      status: 'online',
      consentTier: 'on_request',
      recordingEnabled: true,
      signagePosted: true,
      installedOn: '2021-06-15',
      fundingSource: 'xã hội hóa',
      costVnd: 6500000,
      hasMainStream: true,
    });
    expect((await streamUrlsFor(h().ctx, camera.id)).mainStreamUrl).toBe(
      'rtsp://admin:Imp0rt-pw@192.168.10.11:554/ch1',
    );
    const event = await h()
      .ctx.db.kysely.selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'camera.import')
      .executeTakeFirstOrThrow();
    expect(event.actor_id).toBe(world.ids.xuanDinhPolice);
    expect(JSON.parse(event.details ?? '{}')).toMatchObject({ count: 4 });
  });

  it('imports nothing when any row is bad, and lists every bad row with line, column and reason', async () => {
    const before = await count();
    await h().app.inject({
      method: 'POST',
      url: '/api/cameras',
      payload: cameraInput({ code: 'BAD-07', jurisdictionCode: '00611' }),
      headers: { cookie: world.cookies.admin },
    });
    const response = await importCsv('admin', fixture('bad-rows.csv'));
    expect(response.statusCode).toBe(422);
    const error = response.json<ApiErrorBody>().error;
    expect(error.code).toBe('invalid_rows');
    const rows = error.details?.rows ?? [];
    expect(rows.map((r) => [r.line, r.column])).toEqual([
      [3, 'latitude'],
      [4, 'jurisdiction_code'],
      [5, 'heading'],
      [5, 'main_stream_url'],
      [6, 'code'],
      [7, 'name'],
      [7, 'fov'],
      [8, 'code'],
    ]);
    expect(rows.find((r) => r.line === 3)!.reason).toBe('must be between -90 and 90');
    expect(rows.find((r) => r.line === 6)!.reason).toContain('line 2');
    expect(rows.find((r) => r.line === 8)!.reason).toContain('already used');
    expect(error.message).toContain('nothing was imported');
    expect(await count()).toBe(before + 1);
  });

  it("lists rows outside a ward police account's jurisdiction as bad rows", async () => {
    const csv =
      'code,name,owner_kind,jurisdiction_code,latitude,longitude,heading,fov,range_m\nSC-1,A,ward,00613,21.06,105.77,1,90,30\nSC-2,B,ward,00611,21.07,105.79,1,90,30\n';
    const response = await importCsv('xuanDinhPolice', csv);
    expect(response.statusCode).toBe(422);
    expect(response.json<ApiErrorBody>().error.details?.rows).toEqual([
      { line: 2, column: 'jurisdiction_code', reason: 'is outside your jurisdiction' },
    ]);
    expect((await get('admin', '/api/cameras?q=SC-2')).json<CameraListBody>().total).toBe(0);
  });

  it('rejects a legacy-encoded file with a 400 naming UTF-8 and the line', async () => {
    const before = await count();
    const response = await importCsv('admin', fixture('windows-1258.csv'));
    expect(response.statusCode).toBe(400);
    expect(response.json<ApiErrorBody>().error.field).toBe('file');
    expect(response.json<ApiErrorBody>().error.message).toMatch(/not UTF-8.*line 2/);
    const utf16 = await importCsv(
      'admin',
      Buffer.from(fixture('bad-rows.csv').toString('utf8'), 'utf16le'),
    );
    expect(utf16.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('rejects a 50 MB CSV with 413 naming the limit, and imports nothing', async () => {
    const before = await count();
    const header =
      'code,name,owner_kind,jurisdiction_code,latitude,longitude,heading,fov,range_m\n';
    const line = 'BIG-0000001,Camera,ward,00611,21.074,105.79,10,90,30\n';
    const big = Buffer.from(header + line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
    expect(big.length).toBeGreaterThan(50 * 1024 * 1024);
    const response = await importCsv('admin', big);
    expect(response.statusCode).toBe(413);
    expect(response.json<ApiErrorBody>().error.message).toContain(
      String(h().ctx.config.importMaxBytes),
    );
    expect(response.json<ApiErrorBody>().error.message).toContain('10 MB');
    expect(await count()).toBe(before);
  });

  it('refuses an import body that is not text/csv, and import by camera owners', async () => {
    const json = await h().app.inject({
      method: 'POST',
      url: '/api/cameras/import',
      payload: [{ code: 'X' }],
      headers: { cookie: world.cookies.admin },
    });
    expect(json.statusCode).toBe(415);
    expect((await importCsv('owner', fixture('good-semicolon-bom.csv'))).statusCode).toBe(403);
  });

  it('requires a reason to export, naming the field', async () => {
    for (const url of [
      '/api/cameras/export.csv',
      '/api/cameras/export.geojson',
      '/api/cameras/export.csv?reason=%20',
    ]) {
      const response = await get('admin', url);
      expect(response.statusCode).toBe(400);
      expect(response.json<ApiErrorBody>().error.field).toBe('reason');
    }
  });

  it('exports CSV in the import columns, within scope, without stream URLs or hidden contacts', async () => {
    await h().app.inject({
      method: 'POST',
      url: '/api/cameras',
      payload: cameraInput({
        code: 'EXP-CN',
        jurisdictionCode: '00613',
        mainStreamUrl: 'rtsp://u:Exp0rt-pw@10.1.1.1/x',
      }),
      headers: { cookie: world.cookies.admin },
    });
    const response = await get(
      'xuanDinhPolice',
      '/api/cameras/export.csv?reason=b%C3%A1o%20c%C3%A1o%20qu%C3%BD&status=online',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('attachment');
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(exportColumns.join(','));
    expect(lines[0]).not.toContain('stream');
    const codes = lines
      .slice(1)
      .map((l) => l.split(',')[0])
      .sort();
    expect(codes).toEqual(['IMP-TX1-01', 'IMP-TX1-02', 'IMP-XD-04']);
    expect(response.body).not.toContain('Imp0rt-pw');
    expect(response.body).not.toContain('rtsp');
    expect(response.body).not.toContain('0987654321'); // the household owner's phone
    expect(response.body).toContain('Tổ dân phố Tân Xuân 1');
    const event = await h()
      .ctx.db.kysely.selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'camera.export')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ reason: 'báo cáo quý', actor_id: world.ids.xuanDinhPolice });
  });

  it('exports GeoJSON points with the same filters and scope', async () => {
    const response = await get('coNhuePolice', '/api/cameras/export.geojson?reason=map%20layer');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/geo+json');
    const collection = response.json<CameraFeatureCollection>();
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(1);
    expect(collection.features[0]).toMatchObject({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [105.7871, 21.0752] },
      properties: { code: 'EXP-CN', jurisdictionName: 'Cổ Nhuế 1', hasMainStream: true },
    });
    expect(response.body).not.toContain('Exp0rt-pw');
    const all = (
      await get('admin', '/api/cameras/export.geojson?reason=backup&ownerKind=household')
    ).json<CameraFeatureCollection>();
    expect(all.features.map((f) => f.properties.code)).toEqual(['IMP-XD-04']);
    expect(all.features[0]?.properties.ownerPhone).toBe('0987654321');
  });
});
