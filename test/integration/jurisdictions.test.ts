import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/harness';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'jurisdictions', name));

interface Unit {
  id: string;
  code: string;
  name: string;
  level: string;
  validFrom: string;
  validTo: string | null;
  successorId: string | null;
}

describeEachDatabase('jurisdictions', (h) => {
  let admin: string;
  let police: string;
  const get = async <T>(url: string, cookie = police) => {
    const response = await h().app.inject({ method: 'GET', url, headers: { cookie } });
    return { status: response.statusCode, body: response.json<T>() };
  };
  const importCsv = (payload: Buffer, cookie = admin) =>
    h().app.inject({
      method: 'POST',
      url: '/api/jurisdictions/import',
      headers: { cookie, 'content-type': 'text/csv; charset=utf-8' },
      payload,
    });
  const unitCount = async () =>
    (await h().ctx.db.kysely.selectFrom('jurisdictions').select('id').execute()).length;

  beforeAll(async () => {
    await h().createUser({ username: 'root', role: 'admin' });
    admin = await h().login('root');
    const response = await importCsv(fixture('reform-semicolon-bom.csv'));
    expect(response.json()).toEqual({ imported: 6, created: 6, updated: 0 });
    const xuanDinh = await get<{ unit: Unit }>('/api/jurisdictions/resolve?code=00611', admin);
    await h().createUser({
      username: 'police.xd',
      role: 'ward_police',
      jurisdictionId: xuanDinh.body.unit.id,
    });
    police = await h().login('police.xd');
  });

  it('imports a semicolon CSV with a byte order mark, linking parents and successors', async () => {
    const { body } = await get<{ items: Unit[] }>(
      '/api/jurisdictions?includeHistoric=true&q=00611',
    );
    const [old, renewed] = body.items
      .filter((u) => u.code === '00611')
      .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    expect(old).toMatchObject({
      name: 'Xuân Đỉnh',
      level: 'commune',
      validTo: '2025-06-30',
      successorId: renewed?.id,
    });
    expect(renewed).toMatchObject({ validFrom: '2025-07-01', validTo: null, successorId: null });
  });

  it.each([
    ['plain', 'xuan dinh'],
    ['composed', 'Xuân Đỉnh'.normalize('NFC')],
    ['decomposed', 'Xuân Đỉnh'.normalize('NFD')],
    ['upper case with the kind', 'PHƯỜNG XUÂN ĐỈNH'],
  ])('finds the ward by a %s search', async (_form, q) => {
    const { status, body } = await get<{ items: Unit[] }>(
      `/api/jurisdictions?q=${encodeURIComponent(q)}`,
    );
    expect(status).toBe(200);
    // Only today's ward by default; the historic one needs includeHistoric.
    expect(body.items.map((u) => [u.code, u.validFrom])).toEqual([['00611', '2025-07-01']]);
  });

  it('treats % and _ in a search as plain characters', async () => {
    for (const q of ['%', '_', '0061_']) {
      const { body } = await get<{ items: Unit[] }>(
        `/api/jurisdictions?q=${encodeURIComponent(q)}`,
      );
      expect(body.items).toEqual([]);
    }
  });

  it('lists historic units only when asked', async () => {
    const current = await get<{ items: Unit[] }>('/api/jurisdictions?level=district');
    expect(current.body.items).toEqual([]);
    const all = await get<{ items: Unit[] }>(
      '/api/jurisdictions?level=district&includeHistoric=true',
    );
    expect(all.body.items.map((u) => u.name)).toEqual(['Bắc Từ Liêm']);
  });

  it("lists a unit's children by parentId", async () => {
    const ward = (await get<{ unit: Unit }>('/api/jurisdictions/resolve?code=00611')).body.unit;
    const { body } = await get<{ items: Unit[] }>(`/api/jurisdictions?parentId=${ward.id}`);
    expect(body.items.map((u) => u.name)).toEqual(['Tân Xuân 1']);
  });

  it('resolves an old code at a 2024 date to the unit of the time and to today’s unit', async () => {
    const merged = await get<{ unit: Unit; current: Unit }>(
      '/api/jurisdictions/resolve?code=00608&at=2024-05-01',
    );
    expect(merged.status).toBe(200);
    expect(merged.body.unit).toMatchObject({ name: 'Xuân Tảo', validTo: '2025-06-30' });
    expect(merged.body.current).toMatchObject({
      code: '00611',
      name: 'Xuân Đỉnh',
      validFrom: '2025-07-01',
    });

    const reused = await get<{ unit: Unit; current: Unit }>(
      '/api/jurisdictions/resolve?code=00611&at=2024-05-01',
    );
    expect(reused.body.unit.validFrom).toBe('2013-12-27');
    expect(reused.body.current.validFrom).toBe('2025-07-01');

    const district = await get<{ unit: Unit; current: Unit }>(
      '/api/jurisdictions/resolve?code=021&at=2024-05-01',
    );
    expect(district.body.current).toMatchObject({ code: '01', name: 'Hà Nội' });
  });

  it('answers 404 for a code no unit had on that date, and 400 for a bad date', async () => {
    expect((await get('/api/jurisdictions/resolve?code=00608')).status).toBe(404);
    expect((await get('/api/jurisdictions/resolve?code=99999&at=2024-01-01')).status).toBe(404);
    const bad = await get<{ error: { field: string } }>(
      '/api/jurisdictions/resolve?code=00611&at=2024-13-01',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('at');
  });

  it('shows one unit with its ancestors, children and the unit it became', async () => {
    const group = (await get<{ unit: Unit }>('/api/jurisdictions/resolve?code=00611-TX1')).body
      .unit;
    const { body } = await get<Unit & { ancestors: Unit[]; children: Unit[]; current: Unit }>(
      `/api/jurisdictions/${group.id}`,
    );
    expect(body.ancestors.map((u) => u.name)).toEqual(['Hà Nội', 'Xuân Đỉnh']);
    expect(body.children).toEqual([]);
    expect(body.current.id).toBe(group.id);

    const district = (
      await get<{ unit: Unit }>('/api/jurisdictions/resolve?code=021&at=2020-01-01')
    ).body.unit;
    const detail = await get<{ children: Unit[]; current: Unit }>(
      `/api/jurisdictions/${district.id}`,
    );
    expect(detail.body.children.map((u) => u.name)).toEqual(['Xuân Đỉnh', 'Xuân Tảo']);
    expect(detail.body.current.name).toBe('Hà Nội');
    expect((await get('/api/jurisdictions/no-such-unit')).status).toBe(404);
  });

  it('imports nothing when any row is bad, and lists every bad row with line, column and reason', async () => {
    const before = await unitCount();
    const response = await importCsv(fixture('bad-rows.csv'));
    expect(response.statusCode).toBe(422);
    const { error } = response.json<{
      error: {
        code: string;
        message: string;
        details: { rows: { line: number; column: string | null; reason: string }[] };
      };
    }>();
    expect(error.code).toBe('invalid_rows');
    expect(error.message).toMatch(/7 rows are invalid; nothing was imported/);
    expect(error.details.rows.map((r) => [r.line, r.column])).toEqual([
      [5, 'level'],
      [6, 'parent_code'],
      [7, 'parent_code'],
      [8, 'successor_code'],
      [9, 'valid_from'],
      [10, 'code'],
      [11, 'latitude'],
    ]);
    expect(error.details.rows[5]?.reason).toBe(
      'duplicate of line 4: same code 18505 and valid_from 2020-01-01',
    );
    expect(await unitCount()).toBe(before);
  });

  it('refuses a file in a legacy encoding, naming the line', async () => {
    const response = await importCsv(fixture('legacy-windows-1258.csv'));
    expect(response.statusCode).toBe(422);
    const rows = response.json<{
      error: { details: { rows: { line: number; reason: string }[] } };
    }>().error.details.rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.line).toBe(2);
    expect(rows[0]?.reason).toMatch(/not valid UTF-8.*save it as UTF-8/);
  });

  it('lets only an admin import', async () => {
    const before = await unitCount();
    expect((await importCsv(fixture('reform-semicolon-bom.csv'), police)).statusCode).toBe(403);
    const anonymous = await h().app.inject({
      method: 'POST',
      url: '/api/jurisdictions/import',
      headers: { 'content-type': 'text/csv' },
      payload: 'code\n',
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await unitCount()).toBe(before);
  });

  it('imports a JSON array with outlines and serves them as GeoJSON for the map', async () => {
    const ring = [
      [105.85, 18.39],
      [105.87, 18.39],
      [105.87, 18.41],
      [105.85, 18.41],
      [105.85, 18.39],
    ];
    const response = await h().app.inject({
      method: 'POST',
      url: '/api/jurisdictions/import',
      headers: { cookie: admin },
      payload: [
        {
          code: '42',
          name: 'Hà Tĩnh',
          level: 'province',
          kind: 'tỉnh',
          validFrom: '1991-10-01',
          latitude: 18.34,
          longitude: 105.9,
        },
        {
          code: '18505',
          name: 'Thạch Trị',
          level: 'commune',
          kind: 'xã',
          parentCode: '42',
          validFrom: '2020-01-01',
          latitude: 18.4,
          longitude: 105.86,
          boundary: { type: 'Polygon', coordinates: [ring] },
        },
      ],
    });
    expect(response.json()).toEqual({ imported: 2, created: 2, updated: 0 });

    const inView = await get<{
      type: string;
      features: { geometry: unknown; properties: { name: string } }[];
    }>('/api/jurisdictions/outlines?bbox=105.8,18.3,105.9,18.45');
    expect(inView.status).toBe(200);
    expect(inView.body.type).toBe('FeatureCollection');
    expect(inView.body.features.map((f) => f.properties.name)).toEqual(['Thạch Trị']);
    expect(inView.body.features[0]?.geometry).toEqual({ type: 'Polygon', coordinates: [ring] });

    const elsewhere = await get<{ features: unknown[] }>(
      '/api/jurisdictions/outlines?bbox=105.7,21.0,105.9,21.1',
    );
    expect(elsewhere.body.features).toEqual([]);
    const bad = await get<{ error: { field: string } }>('/api/jurisdictions/outlines?bbox=1,2,3');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('bbox');
  });

  it('updates a stored unit when a row repeats its code and valid_from', async () => {
    const response = await h().app.inject({
      method: 'POST',
      url: '/api/jurisdictions/import',
      headers: { cookie: admin },
      payload: [
        {
          code: '18505',
          name: 'Thạch Trị',
          level: 'commune',
          kind: 'xã',
          parentCode: '42',
          validFrom: '2020-01-01',
          validTo: '2025-06-30',
          successorCode: '42',
        },
      ],
    });
    expect(response.json()).toEqual({ imported: 1, created: 0, updated: 1 });
    const { body } = await get<{ unit: Unit; current: Unit }>(
      '/api/jurisdictions/resolve?code=18505&at=2024-01-01',
    );
    expect(body.unit.validTo).toBe('2025-06-30');
    expect(body.current.name).toBe('Hà Tĩnh');
  });

  it('records every import in the audit log', async () => {
    const events = await h()
      .ctx.db.kysely.selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'jurisdiction.import')
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events[0]?.actor_username).toBe('root');
  });

  it('refuses other content types and requires sign-in to read', async () => {
    const xml = await h().app.inject({
      method: 'POST',
      url: '/api/jurisdictions/import',
      headers: { cookie: admin, 'content-type': 'application/xml' },
      payload: '<units/>',
    });
    expect(xml.statusCode).toBe(415);
    expect((await h().app.inject({ method: 'GET', url: '/api/jurisdictions' })).statusCode).toBe(
      401,
    );
  });
});

describeEachDatabase(
  'jurisdiction import limits',
  (h) => {
    it('refuses a file larger than the configured limit', async () => {
      await h().createUser({ username: 'root', role: 'admin' });
      const cookie = await h().login('root');
      const big = Buffer.from(
        'code,name,level,kind,valid_from\n' +
          '01,Hà Nội,province,thành phố,2008-08-01\n'.repeat(200),
      );
      const response = await h().app.inject({
        method: 'POST',
        url: '/api/jurisdictions/import',
        headers: { cookie, 'content-type': 'text/csv' },
        payload: big,
      });
      expect(response.statusCode).toBe(413);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('too_large');
    });
  },
  { importMaxBytes: 2048 },
);

describe('jurisdiction fixtures', () => {
  it('keep the legacy-encoding sample undecodable as UTF-8', () => {
    expect(() =>
      new TextDecoder('utf-8', { fatal: true }).decode(fixture('legacy-windows-1258.csv')),
    ).toThrow();
  });
});
