import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { acquireFile } from '../../src/evidence/acquire';
import type { IncidentTable } from '../../src/platform/db/schema';
import { unitIds } from '../helpers/fixtures';
import {
  giveTestUnitsBoundaries,
  insertTestIncident,
  unitPath,
} from '../helpers/incident-fixtures';
import { denied, type Call, type Check, type World } from './access-world';

// Access-matrix cases for incidents, the finder, holds of a case and evidence items: a case and
// an item at home (Tân Xuân 1, inside every tester's area) and away (Thạch Trị).

export interface CaseWorld {
  home: IncidentTable;
  away: IncidentTable;
  homeItem: string;
  awayItem: string;
  homeRequest: string;
  awayRequest: string;
  homePackage: string;
  awayPackage: string;
}

const caseWorlds = new WeakMap<World, Promise<CaseWorld>>();

async function acquireTestItem(world: World, incident: IncidentTable, cameraId: string) {
  const folder = mkdtempSync(join(tmpdir(), 'matthan-access-'));
  const tempPath = join(folder, 'clip.mp4');
  const bytes = Buffer.from(`not really video for ${incident.case_number}`);
  writeFileSync(tempPath, bytes);
  const item = await acquireFile(world.h.ctx, null, {
    incidentId: incident.id,
    requestId: null,
    kind: 'upload',
    derivedFrom: null,
    cameraId,
    tempPath,
    fileName: 'clip.mp4',
    mime: 'video/mp4',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    media: null,
    requestedFromMs: incident.from_ms,
    requestedToMs: incident.to_ms,
    deliveredFromMs: null,
    deliveredToMs: null,
    clockOffset: null,
  });
  return item.id;
}

async function insertRequest(world: World, incident: IncidentTable, cameraId: string) {
  const db = world.h.ctx.db.kysely;
  const camera = await db
    .selectFrom('cameras')
    .select('owner_user_id')
    .where('id', '=', cameraId)
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto('footage_requests')
    .values({
      id,
      incident_id: incident.id,
      camera_id: cameraId,
      owner_user_id: camera.owner_user_id,
      from_ms: incident.from_ms,
      to_ms: incident.to_ms,
      reason: 'access test',
      deadline_at: new Date(Date.now() + 86_400_000).toISOString(),
      status: 'pending',
      decline_reason: null,
      decided_at: null,
      decided_by: null,
      extraction_state: null,
      extraction_error: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

async function buildPackage(world: World, incident: IncidentTable) {
  const built = await world.h.app.inject({
    method: 'POST',
    url: `/api/incidents/${incident.id}/packages`,
    headers: { cookie: world.cookies.admin },
  });
  expect(built.statusCode, built.body).toBe(201);
  return built.json<{ id: string }>().id;
}

export function caseWorld(world: World): Promise<CaseWorld> {
  let ready = caseWorlds.get(world);
  if (!ready) {
    ready = (async () => {
      const ctx = world.h.ctx;
      await giveTestUnitsBoundaries(ctx);
      const home = await insertTestIncident(ctx, { case_number: 'HOME-CASE' });
      const away = await insertTestIncident(ctx, {
        case_number: 'AWAY-CASE',
        unit_id: unitIds.thachTri,
        jurisdiction_path: await unitPath(ctx, unitIds.thachTri),
        latitude: 18.405,
        longitude: 105.86,
      });
      const homeItem = await acquireTestItem(world, home, world.home);
      const awayItem = await acquireTestItem(world, away, world.away);
      return {
        home,
        away,
        homeItem,
        awayItem,
        homeRequest: await insertRequest(world, home, world.home),
        awayRequest: await insertRequest(world, away, world.away),
        homePackage: await buildPackage(world, home),
        awayPackage: await buildPackage(world, away),
      };
    })();
    caseWorlds.set(world, ready);
  }
  return ready;
}

type Target = 'incident' | 'item' | 'request' | 'package';

const targets: Record<Target, { base: string; home: keyof CaseWorld; away: keyof CaseWorld }> = {
  incident: { base: '/api/incidents', home: 'home', away: 'away' },
  item: { base: '/api/evidence', home: 'homeItem', away: 'awayItem' },
  request: { base: '/api/footage-requests', home: 'homeRequest', away: 'awayRequest' },
  package: { base: '/api/evidence-packages', home: 'homePackage', away: 'awayPackage' },
};

function recordId(cases: CaseWorld, key: keyof CaseWorld): string {
  const value = cases[key];
  return typeof value === 'string' ? value : value.id;
}

/**
 * A route on one case or item: away it is refused to all but admin; at home a GET is served
 * with one of `homeOk`.
 */
function onRecord(
  target: Target,
  method: string,
  suffix: string,
  payload?: unknown,
  homeOk = [200],
): Check {
  return async (world, role, call) => {
    const cases = await caseWorld(world);
    const { base } = targets[target];
    const id = (where: 'home' | 'away') => recordId(cases, targets[target][where]);
    const away = await call({ method, url: `${base}/${id('away')}${suffix}`, payload });
    if (role === 'admin') expect(away.statusCode, away.body).not.toBe(403);
    else expect(denied(away.statusCode), `${role} ${method} away → ${away.statusCode}`).toBe(true);
    if (method === 'GET') {
      const home = await call({ method, url: `${base}/${id('home')}${suffix}` });
      expect(homeOk, `${role} ${method} home → ${home.statusCode} ${home.body}`).toContain(
        home.statusCode,
      );
    }
  };
}

const window = { from: '2026-01-01T00:00:00Z', to: '2026-01-01T01:00:00Z' };
const newCase = (latitude: number, longitude: number) => ({
  type: 'theft',
  description: 'access test',
  latitude,
  longitude,
  ...window,
});

function finderAt(latitude: number, longitude: number): Call {
  const query = new URLSearchParams({
    latitude: String(latitude),
    longitude: String(longitude),
    radiusM: '500',
    ...window,
  });
  return { method: 'GET', url: `/api/finder?${query}` };
}

export const investigationCases: Record<string, Check | { unscoped: string }> = {
  'GET /api/incidents': async (world, role, call) => {
    await caseWorld(world);
    const response = await call({ method: 'GET', url: '/api/incidents?limit=200' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body.includes('AWAY-CASE'), `${role} sees the away case`).toBe(
      role === 'admin',
    );
    expect(response.body).toContain('HOME-CASE');
  },
  'POST /api/incidents': async (world, role, call) => {
    await caseWorld(world);
    const away = await call({
      method: 'POST',
      url: '/api/incidents',
      payload: newCase(18.405, 105.86),
    });
    if (role === 'admin') expect(away.statusCode, away.body).toBe(201);
    else expect(denied(away.statusCode), `${role} filed away → ${away.statusCode}`).toBe(true);
    const home = await call({
      method: 'POST',
      url: '/api/incidents',
      payload: newCase(21.0752, 105.7871),
    });
    expect(home.statusCode, home.body).toBe(201);
  },
  'GET /api/incidents/:id': onRecord('incident', 'GET', ''),
  'PATCH /api/incidents/:id': onRecord('incident', 'PATCH', '', { description: 'edited' }),
  'POST /api/incidents/:id/status': onRecord('incident', 'POST', '/status', {
    status: 'investigating',
  }),
  'GET /api/finder': async (world, role, call) => {
    await caseWorld(world);
    const away = await call(finderAt(18.405, 105.86));
    if (role === 'admin') expect(away.statusCode, away.body).toBe(200);
    else expect(denied(away.statusCode), `${role} finder away → ${away.statusCode}`).toBe(true);
    const home = await call(finderAt(21.0752, 105.7871));
    expect(home.statusCode, home.body).toBe(200);
    expect(home.body).not.toContain(world.away);
  },
  'GET /api/incidents/:id/finder': onRecord('incident', 'GET', '/finder'),
  'GET /api/incidents/:id/holds': onRecord('incident', 'GET', '/holds'),
  'POST /api/incidents/:id/holds': onRecord('incident', 'POST', '/holds', {}),
  'POST /api/incidents/:id/holds/release': onRecord('incident', 'POST', '/holds/release', {
    reason: 'access test',
  }),
  'GET /api/incidents/:id/evidence': onRecord('incident', 'GET', '/evidence'),
  'POST /api/incidents/:id/evidence/extract': onRecord('incident', 'POST', '/evidence/extract', {
    cameraId: 'none',
    ...window,
  }),
  'GET /api/evidence/:id': onRecord('item', 'GET', ''),
  'GET /api/evidence/:id/custody': onRecord('item', 'GET', '/custody'),
  'GET /api/evidence/:id/original': onRecord('item', 'GET', '/original?reason=access%20test'),
  // The test item is not a video: at home it is refused for what it is, never for who asks.
  'GET /api/evidence/:id/view': onRecord('item', 'GET', '/view', undefined, [422]),
  'POST /api/evidence/:id/clock-offset': onRecord('item', 'POST', '/clock-offset', {
    offsetMs: 1000,
    note: 'access test',
  }),
  'POST /api/incidents/:id/requests': onRecord('incident', 'POST', '/requests', {
    cameraIds: ['none'],
    reason: 'access test',
    deadline: '2099-01-01T00:00:00Z',
  }),
  'GET /api/incidents/:id/requests': onRecord('incident', 'GET', '/requests'),
  'GET /api/my/requests': async (world, role, call) => {
    await caseWorld(world);
    const response = await call({ method: 'GET', url: '/api/my/requests' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).not.toContain('AWAY-CASE');
    expect(response.body.includes('HOME-CASE'), `${role} sees the home request`).toBe(
      role === 'camera_owner',
    );
  },
  'GET /api/footage-requests/:id': async (world, role, call) => {
    const cases = await caseWorld(world);
    const get = (id: string) => call({ method: 'GET', url: `/api/footage-requests/${id}` });
    const away = await get(cases.awayRequest);
    if (role === 'admin') expect(away.statusCode, away.body).toBe(200);
    else expect(denied(away.statusCode), `${role} request away → ${away.statusCode}`).toBe(true);
    const home = await get(cases.homeRequest);
    // The owner and police of the area see it; officials and auditors do not even learn of it.
    const seen = role !== 'ward_official' && role !== 'auditor';
    expect(home.statusCode, `${role} request home → ${home.body}`).toBe(seen ? 200 : 404);
  },
  'POST /api/footage-requests/:id/approve': ownerAnswer('approve', {}),
  'POST /api/footage-requests/:id/decline': ownerAnswer('decline', { reason: 'access test' }),
  'PUT /api/footage-requests/:id/upload': ownerAnswer('upload?fileName=clip.mp4', undefined),
  'POST /api/footage-requests/:id/cancel': onRecord('request', 'POST', '/cancel', {
    reason: 'access test',
  }),
  'GET /api/notifications': { unscoped: 'only the caller’s own (notifications.test.ts)' },
  'POST /api/notifications/:id/read': {
    unscoped: 'only the caller’s own; another user’s id is 404 (notifications.test.ts)',
  },
  'POST /api/notifications/read-all': { unscoped: 'acts only on the caller’s own' },
  'POST /api/incidents/:id/packages': onRecord('incident', 'POST', '/packages'),
  'GET /api/incidents/:id/packages': onRecord('incident', 'GET', '/packages'),
  'GET /api/evidence-packages/:id/download': onRecord('package', 'GET', '/download'),
  'GET /api/evidence/public-key': { unscoped: 'the public half of the signing key, no records' },
};

/**
 * What only a camera's owner may do to a request (answer it, upload to it): the away request
 * belongs to another owner, so everyone is refused it, admin included.
 */
function ownerAnswer(suffix: string, payload: unknown): Check {
  return async (world, role, call) => {
    const cases = await caseWorld(world);
    const upload = payload === undefined;
    const away = await call({
      method: upload ? 'PUT' : 'POST',
      url: `/api/footage-requests/${cases.awayRequest}/${suffix}`,
      payload: upload ? Buffer.from('not a video') : payload,
      ...(upload ? { headers: { 'content-type': 'application/octet-stream' } } : {}),
    });
    expect(denied(away.statusCode), `${role} ${suffix} away → ${away.statusCode}`).toBe(true);
  };
}
