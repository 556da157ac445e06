import { expect } from 'vitest';
import { unitIds } from '../helpers/fixtures';
import { giveTestUnitsBoundaries } from '../helpers/incident-fixtures';
import { denied, type Call, type Check, type World } from './access-world';

// Access-matrix cases for planned sites, placement suggestions and targets: a site, a photo and
// a target at home (Tân Xuân 1, inside every tester’s area) and away (Thạch Trị).

export interface PlanningWorld {
  homeSite: string;
  awaySite: string;
  homePhoto: string;
  awayPhoto: string;
  homeTarget: string;
  awayTarget: string;
}

const planningWorlds = new WeakMap<World, Promise<PlanningWorld>>();

/** The smallest PNG: a 1×1 transparent pixel. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** A 40-metre street running east from a point, as an OpenStreetMap export has it. */
const roadAt = (point: { latitude: number; longitude: number }) => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Ngõ kiểm thử', highway: 'residential' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [point.longitude, point.latitude],
          [point.longitude + 0.0004, point.latitude],
        ],
      },
    },
  ],
});

export const homePoint = { latitude: 21.0752, longitude: 105.7871 };
export const awayPoint = { latitude: 18.405, longitude: 105.86 };

const siteBody = (name: string, point: { latitude: number; longitude: number }) => ({
  name,
  ...point,
  heading: 90,
  fov: 90,
  rangeM: 30,
});

async function asAdmin<T>(world: World, call: Call, status: number): Promise<T> {
  const response = await world.h.app.inject({
    method: call.method as 'POST',
    url: call.url,
    payload: call.payload as string,
    headers: { cookie: world.cookies.admin, ...call.headers },
  });
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

async function placeSite(world: World, name: string, point: typeof homePoint) {
  const site = await asAdmin<{ id: string }>(
    world,
    { method: 'POST', url: '/api/planned-sites', payload: siteBody(name, point) },
    201,
  );
  const photo = await asAdmin<{ id: string }>(
    world,
    {
      method: 'POST',
      url: `/api/planned-sites/${site.id}/photos?fileName=survey.png`,
      payload: png,
      headers: { 'content-type': 'image/png' },
    },
    201,
  );
  return { site: site.id, photo: photo.id };
}

async function setTarget(world: World, unitId: string) {
  const body = { unitId, metric: 'cameras', targetValue: 16, dueOn: '2030-12-31' };
  return (
    await asAdmin<{ id: string }>(
      world,
      { method: 'POST', url: '/api/targets', payload: body },
      201,
    )
  ).id;
}

export function planningWorld(world: World): Promise<PlanningWorld> {
  let ready = planningWorlds.get(world);
  if (!ready) {
    ready = (async () => {
      await giveTestUnitsBoundaries(world.h.ctx);
      const home = await placeSite(world, 'HOME-SITE', homePoint);
      const away = await placeSite(world, 'AWAY-SITE', awayPoint);
      return {
        homeSite: home.site,
        awaySite: away.site,
        homePhoto: home.photo,
        awayPhoto: away.photo,
        homeTarget: await setTarget(world, unitIds.tanXuan1),
        awayTarget: await setTarget(world, unitIds.thachTri),
      };
    })();
    planningWorlds.set(world, ready);
  }
  return ready;
}

/**
 * One call made at home and away: away it is refused to all but admin; at home it is served with
 * one of `homeOk` (checked only when given).
 */
export function homeAndAway(
  prepare: (world: World) => Promise<{ home: Call; away: Call }>,
  homeOk?: number[],
): Check {
  return async (world, role, call) => {
    const calls = await prepare(world);
    const away = await call(calls.away);
    if (role === 'admin') expect(away.statusCode, away.body).toBeLessThan(400);
    else
      expect(denied(away.statusCode), `${role} ${calls.away.url} → ${away.statusCode}`).toBe(true);
    if (homeOk) {
      const home = await call(calls.home);
      expect(homeOk, `${role} ${calls.home.url} → ${home.statusCode} ${home.body}`).toContain(
        home.statusCode,
      );
    }
  };
}

/** The same request on the home and the away site. */
function onSite(method: string, suffix: string, payload?: unknown, homeOk?: number[]): Check {
  return homeAndAway(async (world) => {
    const p = await planningWorld(world);
    const at = (id: string): Call => ({
      method,
      url: `/api/planned-sites/${id}${suffix}`,
      payload,
    });
    return { home: at(p.homeSite), away: at(p.awaySite) };
  }, homeOk);
}

const unitQuery = (url: string, method = 'GET', extra: Record<string, unknown> = {}) =>
  homeAndAway(
    async (world) => {
      await planningWorld(world);
      const at = (unitId: string): Call =>
        method === 'GET'
          ? { method, url: `${url}?unitId=${unitId}` }
          : { method, url, payload: { unitId, ...extra } };
      return { home: at(unitIds.tanXuan1), away: at(unitIds.thachTri) };
    },
    [200, 201],
  );

export const planningCases: Record<string, Check | { unscoped: string }> = {
  'GET /api/planned-sites': async (world, role, call) => {
    await planningWorld(world);
    const response = await call({ method: 'GET', url: '/api/planned-sites' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body.includes('AWAY-SITE'), `${role} lists the away site`).toBe(
      role === 'admin',
    );
    expect(response.body).toContain('HOME-SITE');
    const away = await call({
      method: 'GET',
      url: `/api/planned-sites?unitId=${unitIds.thachTri}`,
    });
    if (role !== 'admin') expect(denied(away.statusCode), `${role} away list`).toBe(true);
  },
  'POST /api/planned-sites': homeAndAway(
    async (world) => {
      await planningWorld(world);
      const at = (point: typeof homePoint): Call => ({
        method: 'POST',
        url: '/api/planned-sites',
        payload: siteBody('matrix', point),
      });
      return { home: at(homePoint), away: at(awayPoint) };
    },
    [201],
  ),
  'GET /api/planned-sites/:id': onSite('GET', '', undefined, [200]),
  'PATCH /api/planned-sites/:id': onSite('PATCH', '', { notes: 'access test' }),
  'POST /api/planned-sites/:id/status': onSite('POST', '/status', { status: 'surveyed' }),
  'POST /api/planned-sites/:id/photos': homeAndAway(
    async (world) => {
      const p = await planningWorld(world);
      const at = (id: string): Call => ({
        method: 'POST',
        url: `/api/planned-sites/${id}/photos?fileName=x.png`,
        payload: png,
        headers: { 'content-type': 'image/png' },
      });
      return { home: at(p.homeSite), away: at(p.awaySite) };
    },
    [201],
  ),
  'GET /api/planned-sites/:id/photos/:photoId': homeAndAway(
    async (world) => {
      const p = await planningWorld(world);
      const at = (site: string, photo: string): Call => ({
        method: 'GET',
        url: `/api/planned-sites/${site}/photos/${photo}`,
      });
      return { home: at(p.homeSite, p.homePhoto), away: at(p.awaySite, p.awayPhoto) };
    },
    [200],
  ),
  'POST /api/coverage/suggestions': unitQuery('/api/coverage/suggestions', 'POST', {
    mode: 'all',
    candidates: 'sampled',
    budgetCameras: 1,
  }),
  'GET /api/targets': unitQuery('/api/targets'),
  'POST /api/units/:id/roads': homeAndAway(
    async (world) => {
      await planningWorld(world);
      const at = (unitId: string, point: typeof homePoint): Call => ({
        method: 'POST',
        url: `/api/units/${unitId}/roads`,
        payload: roadAt(point),
      });
      return { home: at(unitIds.tanXuan1, homePoint), away: at(unitIds.thachTri, awayPoint) };
    },
    [201],
  ),
  'GET /api/roads': unitQuery('/api/roads'),
  'GET /api/coverage': unitQuery('/api/coverage'),
  'GET /api/coverage/map': unitQuery('/api/coverage/map'),
  'GET /api/coverage/gaps': unitQuery('/api/coverage/gaps'),
  'POST /api/targets': unitQuery('/api/targets', 'POST', {
    metric: 'cameras',
    targetValue: 10,
    dueOn: '2031-01-01',
  }),
  'DELETE /api/targets/:id': homeAndAway(
    async (world) => {
      const p = await planningWorld(world);
      // A fresh home target each time, so every role that may delete has one to delete.
      const home = await setTarget(world, unitIds.tanXuan1);
      return {
        home: { method: 'DELETE', url: `/api/targets/${home}` },
        away: { method: 'DELETE', url: `/api/targets/${p.awayTarget}` },
      };
    },
    [200, 204],
  ),
};
