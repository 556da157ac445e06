import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/harness';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { giveTestUnitsBoundaries, unitPath } from '../helpers/incident-fixtures';
import {
  collection,
  lane,
  line,
  mainRoad,
  planningUsers,
  serviceWay,
  signIn,
  wardNetwork,
} from './coverage-fixtures';

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}
interface RoadCollection {
  type: string;
  features: {
    geometry: { type: string; coordinates: number[][] };
    properties: { wayId: string; name: string; kind: string; lengthM: number };
  }[];
}

describeEachDatabase('road network import', (h) => {
  let cookies: Record<string, string>;

  const importInto = (unitId: string, body: unknown, who = 'policeXd', query = '') =>
    h().app.inject({
      method: 'POST',
      url: `/api/units/${unitId}/roads${query}`,
      payload: body as object,
      headers: { cookie: cookies[who]! },
    });
  const roads = (unitId: string, who = 'policeXd') =>
    h().app.inject({
      method: 'GET',
      url: `/api/roads?unitId=${unitId}`,
      headers: { cookie: cookies[who]! },
    });
  const segmentCount = async () =>
    Number(
      (
        await h()
          .ctx.db.kysely.selectFrom('road_segments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    await seedTestUnits(h().ctx);
    await giveTestUnitsBoundaries(h().ctx);
    cookies = await signIn(h(), planningUsers);
  });

  it('imports a ward’s network cut into segments, each in the deepest unit holding it', async () => {
    const response = await importInto(
      unitIds.xuanDinh,
      wardNetwork(),
      'policeXd',
      '?fileName=xd.geojson',
    );
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json<{
      features: number;
      segments: number;
      lengthM: number;
      replaced: number;
    }>();
    expect(result).toMatchObject({ features: 3, segments: 7, replaced: 0 });
    expect(result.lengthM).toBeGreaterThan(1300);
    expect(result.lengthM).toBeLessThan(1400);

    const rows = await h()
      .ctx.db.kysely.selectFrom('road_segments')
      .select(['way_id', 'seq', 'jurisdiction_path', 'unit_id'])
      .orderBy('way_id')
      .orderBy('seq')
      .execute();
    const ward = await unitPath(h().ctx, unitIds.xuanDinh);
    const group = await unitPath(h().ctx, unitIds.tanXuan1);
    expect(rows.map((r) => [r.way_id, r.seq, r.jurisdiction_path])).toEqual([
      ['way/1', 0, ward],
      ['way/1', 1, ward],
      ['way/1', 2, ward],
      ['way/1', 3, ward],
      ['way/2', 0, group],
      ['way/2', 1, group],
      ['way/3', 0, ward],
    ]);
    expect(new Set(rows.map((r) => r.unit_id))).toEqual(new Set([unitIds.xuanDinh]));
    const imported = await h()
      .ctx.db.kysely.selectFrom('road_imports')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(imported).toMatchObject({ file_name: 'xd.geojson', features: 3, segments: 7 });
    const audit = await h()
      .ctx.db.kysely.selectFrom('audit_events')
      .select(['action', 'target_id', 'actor_username'])
      .where('action', '=', 'roads.import')
      .execute();
    expect(audit).toEqual([
      { action: 'roads.import', target_id: unitIds.xuanDinh, actor_username: 'coverage.policexd' },
    ]);
  });

  it('gives a unit’s streets, its subtree’s included, as one line per way', async () => {
    const ward = await roads(unitIds.xuanDinh);
    expect(ward.statusCode, ward.body).toBe(200);
    const body = ward.json<RoadCollection>();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f) => [f.properties.wayId, f.geometry.coordinates.length])).toEqual([
      ['way/1', 5],
      ['way/2', 3],
      ['way/3', 2],
    ]);
    expect(body.features[2]!.properties).toMatchObject({ name: '', kind: 'service' });
    expect(body.features[0]!.geometry.coordinates[0]).toEqual([105.7905, 21.07]);
    const group = (await roads(unitIds.tanXuan1, 'leaderTx1')).json<RoadCollection>();
    expect(group.features.map((f) => f.properties.name)).toEqual(['Ngõ 12 Tân Xuân']);
    const other = (await roads(unitIds.coNhue, 'admin')).json<RoadCollection>();
    expect(other.features).toEqual([]);
  });

  it('replaces the previous network when a unit imports again', async () => {
    const response = await importInto(unitIds.xuanDinh, collection(mainRoad), 'admin');
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ features: 1, segments: 4, replaced: 7 });
    expect((await roads(unitIds.xuanDinh)).json<RoadCollection>().features).toHaveLength(1);
    const again = await importInto(unitIds.xuanDinh, wardNetwork());
    expect(again.json()).toMatchObject({ segments: 7, replaced: 4 });
  });

  it('accepts a .geojson upload sent as application/geo+json', async () => {
    const response = await h().app.inject({
      method: 'POST',
      url: `/api/units/${unitIds.tanXuan1}/roads?fileName=tx1.geojson`,
      payload: JSON.stringify(collection(lane)),
      headers: { cookie: cookies.leaderTx1!, 'content-type': 'application/geo+json' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ features: 1, segments: 2, replaced: 0 });
    // Tân Xuân 1's own import sits beside the ward's: the ward's lane is still the ward's.
    const removed = await h()
      .ctx.db.kysely.deleteFrom('road_segments')
      .where('unit_id', '=', unitIds.tanXuan1)
      .executeTakeFirst();
    expect(Number(removed.numDeletedRows)).toBe(2);
  });

  describe('refuses bad files and keeps the network it had', () => {
    const cases: [string, unknown, string, RegExp][] = [
      ['a file that is not a FeatureCollection', { type: 'Feature' }, 'type', /FeatureCollection/],
      ['an empty file', collection(), 'features', /no features/],
      [
        'geometry that is not LineStrings',
        collection(mainRoad, {
          type: 'Feature',
          properties: { name: 'Chợ' },
          geometry: { type: 'Point', coordinates: [105.79, 21.07] },
        }),
        'features[1].geometry.type',
        /must be LineString or MultiLineString/,
      ],
      [
        'coordinates outside Vietnam',
        collection(
          line('way/7', [
            [100.5, 13.75],
            [100.51, 13.75],
          ]),
        ),
        'features[0].geometry.coordinates',
        /outside Vietnam/,
      ],
      [
        'a self-intersecting mess',
        collection(
          mainRoad,
          lane,
          line('way/8', [
            [105.792, 21.07],
            [105.794, 21.072],
            [105.794, 21.07],
            [105.792, 21.072],
          ]),
        ),
        'features[2].geometry',
        /crosses itself/,
      ],
      [
        'a way with repeated points only',
        collection(
          line(
            'way/9',
            [
              [105.79, 21.07],
              [105.79, 21.07],
            ],
            { name: 'Ngõ cụt' },
          ),
        ),
        'features[0].geometry',
        /way\/9 “Ngõ cụt”\) has fewer than two distinct points/,
      ],
      [
        'a way running into the neighbouring ward',
        collection(
          mainRoad,
          line('way/10', [
            [105.786, 21.07],
            [105.778, 21.066],
          ]),
        ),
        'features[1].geometry',
        /runs outside Xuân Đỉnh/,
      ],
    ];
    for (const [what, body, field, message] of cases) {
      it(`refuses ${what}, naming ${field}`, async () => {
        const before = (await roads(unitIds.xuanDinh)).body;
        const count = await segmentCount();
        const response = await importInto(unitIds.xuanDinh, body);
        expect(response.statusCode, response.body).toBe(400);
        const { error } = response.json<ErrorBody>();
        expect(error.field).toBe(field);
        expect(error.message).toMatch(message);
        expect(await segmentCount()).toBe(count);
        expect((await roads(unitIds.xuanDinh)).body).toBe(before);
      });
    }

    it('refuses a .geojson upload that is not JSON', async () => {
      const response = await h().app.inject({
        method: 'POST',
        url: `/api/units/${unitIds.xuanDinh}/roads`,
        payload: '{"type": "FeatureCollection", ',
        headers: { cookie: cookies.policeXd!, 'content-type': 'application/geo+json' },
      });
      expect(response.statusCode).toBe(400);
    });

    it('refuses a unit that does not exist with 404', async () => {
      const response = await importInto('u-nowhere', wardNetwork(), 'admin');
      expect(response.statusCode).toBe(404);
    });
  });

  describe('scope', () => {
    it('keeps the ward police of Cổ Nhuế out of Xuân Đỉnh’s network', async () => {
      const before = await segmentCount();
      const write = await importInto(unitIds.xuanDinh, collection(serviceWay), 'policeCn');
      expect(write.statusCode).toBe(403);
      expect((await roads(unitIds.xuanDinh, 'policeCn')).statusCode).toBe(403);
      expect(await segmentCount()).toBe(before);
    });

    it('lets a group leader import for the group but not for the ward above it', async () => {
      expect((await importInto(unitIds.xuanDinh, collection(lane), 'leaderTx1')).statusCode).toBe(
        403,
      );
      expect((await roads(unitIds.xuanDinh, 'leaderTx1')).statusCode).toBe(403);
    });

    it('lets auditors read but not import, and keeps camera owners out', async () => {
      expect((await roads(unitIds.xuanDinh, 'auditor')).statusCode).toBe(200);
      expect((await importInto(unitIds.xuanDinh, wardNetwork(), 'auditor')).statusCode).toBe(403);
      expect((await roads(unitIds.tanXuan1, 'owner')).statusCode).toBe(403);
    });

    it('uses the caller’s own unit when none is named, and asks an admin to name one', async () => {
      const own = await h().app.inject({
        method: 'GET',
        url: '/api/roads',
        headers: { cookie: cookies.policeXd! },
      });
      expect(own.json<RoadCollection>().features).toHaveLength(3);
      const admin = await h().app.inject({
        method: 'GET',
        url: '/api/roads',
        headers: { cookie: cookies.admin! },
      });
      expect(admin.statusCode).toBe(400);
      expect(admin.json<ErrorBody>().error.field).toBe('unitId');
    });
  });
});
