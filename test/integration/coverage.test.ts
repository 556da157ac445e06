import { beforeAll, describe, expect, it } from 'vitest';
import { createCameras } from '../../src/cameras/camera.service';
import { coverageIndexFor, unitCoverage } from '../../src/coverage/coverage.service';
import { importRoads } from '../../src/coverage/roads.service';
import { describeEachDatabase } from '../helpers/harness';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { giveTestUnitsBoundaries, insertTestIncident } from '../helpers/incident-fixtures';
import { cameraInput, planningUsers, signIn, wardNetwork } from './coverage-fixtures';

interface Totals {
  lengthM: number;
  coveredM: number;
  pct: number | null;
}
interface Summary extends Totals {
  unit: { id: string; name: string; level: string };
  mode: string;
  cameras: number;
  streets: (Totals & { name: string; kind: string })[];
  children: (Totals & { unitId: string; name: string; level: string })[];
}
interface MapBody {
  features: {
    geometry: { coordinates: number[][] };
    properties: { covered: boolean; name: string; wayId: string; lengthM: number };
  }[];
}
interface Gaps {
  items: {
    wayId: string;
    name: string;
    lengthM: number;
    incidentsNearby: number;
    mid: [number, number];
    points: [number, number][];
  }[];
}

// Hand-worked lengths of the fixture network (a degree of latitude is 111,195 m; of longitude
// at 21.07° N, 103,806 m): the road 889.6 m, the lane 259.5 m, the service way 207.6 m.
const roadM = 889.6;
const laneM = 259.5;
const serviceM = 207.6;
const totalM = roadM + laneM + serviceM;

describeEachDatabase('street coverage', (h) => {
  let cookies: Record<string, string>;
  const get = (url: string, who = 'policeXd') =>
    h().app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
  const coverage = async (query: string, who = 'policeXd') => {
    const response = await get(`/api/coverage?${query}`, who);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Summary>();
  };

  beforeAll(async () => {
    await seedTestUnits(h().ctx);
    await giveTestUnitsBoundaries(h().ctx);
    cookies = await signIn(h(), planningUsers);
    await importRoads(h().ctx, null, unitIds.xuanDinh, wardNetwork());
  });

  it('reports streets no camera sees as uncovered', async () => {
    const summary = await coverage(`unitId=${unitIds.xuanDinh}`);
    expect(summary.unit).toEqual({ id: unitIds.xuanDinh, name: 'Xuân Đỉnh', level: 'commune' });
    expect(summary.mode).toBe('all');
    expect(summary.lengthM).toBeCloseTo(totalM, 0);
    expect(summary).toMatchObject({ coveredM: 0, pct: 0, cameras: 0 });
    expect(summary.streets.map((s) => [s.name, s.kind])).toEqual([
      ['Xuân Đỉnh', 'tertiary'],
      ['Ngõ 12 Tân Xuân', 'residential'],
      ['', 'service'],
    ]);
    expect(summary.children).toEqual([
      {
        unitId: unitIds.tanXuan1,
        name: 'Tân Xuân 1',
        level: 'residential_group',
        lengthM: expect.closeTo(laneM, 0) as number,
        coveredM: 0,
        pct: 0,
      },
    ]);
  });

  it('gives no percentage for a unit without roads', async () => {
    const summary = await coverage(`unitId=${unitIds.coNhue}`, 'admin');
    expect(summary).toMatchObject({
      lengthM: 0,
      coveredM: 0,
      pct: null,
      streets: [],
      children: [],
    });
  });

  describe('with cameras', () => {
    beforeAll(async () => {
      await createCameras(h().ctx, null, [
        // Recorded, on the road looking north along it: its first 100 m.
        cameraInput(
          'COV-ROAD',
          { latitude: 21.074, longitude: 105.7905, heading: 0, fov: 90, rangeM: 100 },
          { recordingEnabled: true, mainStreamUrl: 'rtsp://user:pw@127.0.0.1:8554/a' },
        ),
        // Inside the first one's view: adds nothing.
        cameraInput('COV-OVERLAP', {
          latitude: 21.0745,
          longitude: 105.7905,
          heading: 0,
          fov: 90,
          rangeM: 40,
        }),
        // Installed, not recorded, at the lane's west end looking along it: 50 m.
        cameraInput(
          'COV-LANE',
          { latitude: 21.0752, longitude: 105.786, heading: 90, fov: 60, rangeM: 50 },
          { status: 'installed', jurisdictionId: unitIds.tanXuan1 },
        ),
        // At the service way's east end, facing away from it.
        cameraInput(
          'COV-AWAY',
          { latitude: 21.072, longitude: 105.795, heading: 90, fov: 90, rangeM: 80 },
          { status: 'offline' },
        ),
        // Not on the street yet.
        cameraInput(
          'COV-PLANNED',
          { latitude: 21.072, longitude: 105.7905, heading: 0, fov: 90, rangeM: 100 },
          { status: 'planned' },
        ),
      ]);
    });

    it('counts every installed camera once, overlaps not twice, planned ones not at all', async () => {
      const summary = await coverage(`unitId=${unitIds.xuanDinh}&mode=all`);
      expect(summary.coveredM).toBeCloseTo(150, 0);
      expect(summary.pct).toBeCloseTo((150 / totalM) * 100, 1);
      expect(summary.cameras).toBe(4);
      const streets = Object.fromEntries(summary.streets.map((s) => [s.name, s.coveredM]));
      expect(streets['Xuân Đỉnh']).toBeCloseTo(100, 0);
      expect(streets['Ngõ 12 Tân Xuân']).toBeCloseTo(50, 0);
      expect(streets['']).toBe(0);
      expect(summary.children[0]!.coveredM).toBeCloseTo(50, 0);
    });

    it('counts only recorded cameras in recorded mode', async () => {
      const summary = await coverage(`unitId=${unitIds.xuanDinh}&mode=recorded`);
      expect(summary.mode).toBe('recorded');
      expect(summary.coveredM).toBeCloseTo(100, 0);
      expect(summary.cameras).toBe(1);
      expect(summary.children[0]!.coveredM).toBe(0);
      const shared = await unitCoverage(h().ctx, unitIds.xuanDinh, 'recorded');
      expect(shared).toMatchObject({
        unitId: unitIds.xuanDinh,
        name: 'Xuân Đỉnh',
        pct: summary.pct,
      });
    });

    it('rolls a ward up into the district above it', async () => {
      const district = await coverage(`unitId=${unitIds.bacTuLiem}`, 'admin');
      expect(district.coveredM).toBeCloseTo(150, 0);
      expect(district.children.map((c) => c.name)).toEqual(['Xuân Đỉnh']);
      const group = await coverage(`unitId=${unitIds.tanXuan1}`, 'leaderTx1');
      expect(group.lengthM).toBeCloseTo(laneM, 0);
      expect(group.coveredM).toBeCloseTo(50, 0);
    });

    it('draws covered and uncovered stretches that add up to the network', async () => {
      const response = await get(`/api/coverage/map?unitId=${unitIds.xuanDinh}`);
      expect(response.statusCode, response.body).toBe(200);
      const { features } = response.json<MapBody>();
      const covered = features.filter((f) => f.properties.covered);
      const uncovered = features.filter((f) => !f.properties.covered);
      expect(covered.map((f) => f.properties.wayId).sort()).toEqual(['way/1', 'way/2']);
      expect(uncovered.map((f) => f.properties.wayId).sort()).toEqual([
        'way/1',
        'way/1',
        'way/2',
        'way/3',
      ]);
      const sum = features.reduce((n, f) => n + f.properties.lengthM, 0);
      expect(sum).toBeCloseTo(totalM, 0);
      // The road's covered stretch runs north from the camera, longitude first.
      const road = covered.find((f) => f.properties.wayId === 'way/1')!;
      expect(road.geometry.coordinates[0]).toEqual([105.7905, 21.074]);
    });

    it('lists gaps by length, and by incidents of the last year near them', async () => {
      const now = h().ctx.now().getTime();
      const at = (latitude: number, longitude: number, daysAgo = 3) =>
        insertTestIncident(h().ctx, {
          latitude,
          longitude,
          from_ms: now - daysAgo * 86_400_000,
          to_ms: now - daysAgo * 86_400_000 + 600_000,
        });
      await at(21.0725, 105.794); // 55 m from the service way
      await at(21.0716, 105.7948);
      await at(21.0755, 105.7875); // beside the uncovered end of the lane
      await at(21.071, 105.7906, 400); // by the road, but too long ago
      await at(21.0705, 105.7925); // over 160 m from every street

      const byLength = (await get(`/api/coverage/gaps?unitId=${unitIds.xuanDinh}`)).json<Gaps>();
      expect(byLength.items.map((g) => g.wayId)).toEqual(['way/1', 'way/1', 'way/2', 'way/3']);
      expect(byLength.items[0]!.lengthM).toBeCloseTo(444.8, 0);
      expect(byLength.items[2]!.lengthM).toBeCloseTo(laneM - 50, 0);
      expect(byLength.items[3]!.lengthM).toBeCloseTo(serviceM, 0);
      expect(byLength.items.map((g) => g.incidentsNearby)).toEqual([0, 0, 1, 2]);

      const byIncidents = (
        await get(`/api/coverage/gaps?unitId=${unitIds.xuanDinh}&sort=incidents&limit=2`)
      ).json<Gaps>();
      expect(byIncidents.items.map((g) => [g.wayId, g.incidentsNearby])).toEqual([
        ['way/3', 2],
        ['way/2', 1],
      ]);
      const gap = byIncidents.items[0]!;
      expect(gap.points).toEqual([
        [21.072, 105.793],
        [21.072, 105.795],
      ]);
      expect(gap.mid[1]).toBeCloseTo(105.794, 6);

      const long = (
        await get(`/api/coverage/gaps?unitId=${unitIds.xuanDinh}&minLengthM=300&mode=recorded`)
      ).json<Gaps>();
      expect(long.items.map((g) => g.wayId)).toEqual(['way/1', 'way/1']);
    });

    it('recomputes when a camera is added and when the roads are imported again', async () => {
      await createCameras(h().ctx, null, [
        cameraInput('COV-SERVICE', {
          latitude: 21.072,
          longitude: 105.793,
          heading: 90,
          fov: 90,
          rangeM: 100,
        }),
      ]);
      expect((await coverage(`unitId=${unitIds.xuanDinh}`)).coveredM).toBeCloseTo(250, 0);
      // A what-if on the index handed out leaves the stored coverage alone.
      const { index, unit } = await coverageIndexFor(h().ctx, unitIds.xuanDinh, 'all');
      expect(unit).toMatchObject({ id: unitIds.xuanDinh, name: 'Xuân Đỉnh' });
      index.add({
        id: 'what-if',
        latitude: 21.07,
        longitude: 105.7905,
        heading: 0,
        fov: 90,
        rangeM: 200,
      });
      expect(index.totals().coveredM).toBeCloseTo(450, 0);
      expect((await unitCoverage(h().ctx, unitIds.xuanDinh, 'all')).coveredM).toBeCloseTo(250, 0);

      await importRoads(h().ctx, null, unitIds.xuanDinh, {
        type: 'FeatureCollection',
        features: wardNetwork().features.slice(1),
      });
      const after = await coverage(`unitId=${unitIds.xuanDinh}`);
      expect(after.lengthM).toBeCloseTo(laneM + serviceM, 0);
      expect(after.coveredM).toBeCloseTo(150, 0);
    });
  });

  describe('scope', () => {
    const urls = ['/api/coverage', '/api/coverage/map', '/api/coverage/gaps'];

    it('keeps the ward police of Cổ Nhuế out of Xuân Đỉnh’s coverage', async () => {
      for (const url of urls) {
        const response = await get(`${url}?unitId=${unitIds.xuanDinh}`, 'policeCn');
        expect(response.statusCode, url).toBe(403);
      }
    });

    it('lets a group leader read the group but not the ward', async () => {
      for (const url of urls) {
        expect((await get(`${url}?unitId=${unitIds.tanXuan1}`, 'leaderTx1')).statusCode).toBe(200);
        expect((await get(`${url}?unitId=${unitIds.xuanDinh}`, 'leaderTx1')).statusCode).toBe(403);
      }
    });

    it('lets auditors read and keeps camera owners out', async () => {
      for (const url of urls) {
        expect((await get(`${url}?unitId=${unitIds.xuanDinh}`, 'auditor')).statusCode).toBe(200);
        expect((await get(`${url}?unitId=${unitIds.tanXuan1}`, 'owner')).statusCode).toBe(403);
      }
    });

    it('refuses an unknown mode and an unknown unit', async () => {
      expect((await get(`/api/coverage?unitId=${unitIds.xuanDinh}&mode=some`)).statusCode).toBe(
        400,
      );
      expect((await get('/api/coverage?unitId=u-nowhere', 'admin')).statusCode).toBe(404);
      const negative = await get(`/api/coverage/gaps?unitId=${unitIds.xuanDinh}&minLengthM=-1`);
      expect(negative.statusCode).toBe(400);
    });
  });
});
