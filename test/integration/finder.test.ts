import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createCameras } from '../../src/cameras/camera.service';
import type { CameraInput } from '../../src/cameras/camera.types';
import type { FinderResultJson, FoundJson } from '../../src/incidents/incident.schemas';
import type { AppContext } from '../../src/platform/context';
import { giveTestUnitsBoundaries, insertTestIncident } from '../helpers/incident-fixtures';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase, type Harness } from '../helpers/harness';

// The camera finder through the HTTP API, with cameras registered around a point and recorded
// segments indexed for some of them: the integration test of the finder's SQL (candidates and
// coverage) on both databases, and of who sees which cameras.

const point = { latitude: 21.0752, longitude: 105.7871 };
const minute = 60_000;
const metresPerDegree = 111_194.93;

/** A camera `metres` from the point, the point lying at compass `bearing` from the camera. */
function placed(bearing: number, metres: number) {
  const rad = (bearing * Math.PI) / 180;
  const east = metres * Math.sin(rad);
  const north = metres * Math.cos(rad);
  const cos = Math.cos((point.latitude * Math.PI) / 180);
  return {
    latitude: point.latitude - north / metresPerDegree,
    longitude: point.longitude - east / (metresPerDegree * cos),
  };
}

function camera(code: string, bearing: number, metres: number, extra: Partial<CameraInput>) {
  return {
    code,
    name: `Camera ${code}`,
    ownerKind: 'household',
    jurisdictionId: unitIds.tanXuan1,
    ...placed(bearing, metres),
    heading: bearing,
    fov: 90,
    rangeM: 80,
    status: 'online',
    consentTier: 'on_request',
    ...extra,
  } satisfies CameraInput;
}

const recorder = { recordingEnabled: true, mainStreamUrl: 'rtsp://cam:secret@127.0.0.1:9/main' };

/** Indexes a recorded range as one-minute segments (no files: the finder reads the index). */
async function indexFootage(ctx: AppContext, cameraId: string, fromMs: number, toMs: number) {
  for (let start = fromMs; start < toMs; start += minute) {
    await ctx.db.kysely
      .insertInto('segments')
      .values({
        id: randomUUID(),
        camera_id: cameraId,
        stream: 'main',
        start_ms: start,
        end_ms: Math.min(start + minute, toMs),
        bytes: 1000,
        path: `segments/${cameraId}/${start}.mp4`,
        codec: 'h264',
        width: 1280,
        height: 720,
        has_audio: 0,
        state: 'ok',
        created_at: new Date().toISOString(),
      })
      .execute();
  }
}

describeEachDatabase('camera finder', (harness) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  // A twenty-minute window that ended ten minutes ago, on whole minutes.
  const fromMs = Math.floor((Date.now() - 30 * minute) / minute) * minute;
  const toMs = fromMs + 20 * minute;
  const window = { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };

  beforeAll(async () => {
    h = harness();
    await seedTestUnits(h.ctx);
    await giveTestUnitsBoundaries(h.ctx);
    const specs = [
      // Recorded throughout but for minutes 5–8 of the window, 40 m south, looking north.
      camera('F-GAP', 0, 40, recorder),
      camera('F-FULL', 90, 25, { ...recorder, consentTier: 'live_always' }),
      camera('F-REQUEST', 180, 60, {}),
      camera('F-REGISTRY', 270, 70, { consentTier: 'registry_only' }),
      // 30 m west of the point but looking west, away from it.
      camera('F-AWAY', 90, 30, { heading: 270, consentTier: 'registry_only' }),
      camera('F-DOWN', 45, 50, { status: 'offline' }),
      camera('F-PLANNED', 135, 20, { status: 'planned' }),
      camera('F-FAR', 0, 600, {}),
      // Within the radius but registered to the neighbouring ward.
      camera('F-NEIGHBOUR', 225, 45, { jurisdictionId: unitIds.coNhue }),
    ];
    const created = await createCameras(h.ctx, null, specs);
    specs.forEach((spec, i) => (ids[spec.code] = created[i]!));
    await indexFootage(h.ctx, ids['F-GAP']!, fromMs - 2 * minute, fromMs + 5 * minute);
    await indexFootage(h.ctx, ids['F-GAP']!, fromMs + 8 * minute, toMs + 2 * minute);
    await indexFootage(h.ctx, ids['F-FULL']!, fromMs - minute, toMs + minute);
    for (const [username, role, unit] of [
      ['f.police', 'ward_police', unitIds.xuanDinh],
      ['f.away', 'ward_police', unitIds.thachTri],
      ['f.official', 'ward_official', unitIds.xuanDinh],
      ['f.admin', 'admin', null],
    ] as const) {
      await h.createUser({ username, role, jurisdictionId: unit });
      cookies[username] = await h.login(username);
    }
  });

  const get = (who: string, url: string) =>
    h.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
  const finderUrl = (extra = '') =>
    `/api/finder?latitude=${point.latitude}&longitude=${point.longitude}&from=${window.from}&to=${window.to}${extra}`;
  const codes = (found: FoundJson[]) => found.map((item) => item.camera.code);
  const byCode = (result: FinderResultJson, code: string) =>
    Object.values(result.groups)
      .flat()
      .find((item) => item.camera.code === code);

  it('groups the cameras around a point by how their footage can be had', async () => {
    const response = await get('f.police', finderUrl());
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<FinderResultJson>();
    expect(result.query).toEqual({ ...point, radiusM: 200, ...window });
    expect(codes(result.groups.recorded)).toEqual(['F-FULL', 'F-GAP']);
    expect(codes(result.groups.on_request)).toEqual(['F-REQUEST']);
    expect(codes(result.groups.registry_only)).toEqual(['F-REGISTRY', 'F-AWAY']);
    expect(codes(result.groups.offline)).toEqual(['F-DOWN']);
    expect([result.seeing, result.nearby]).toEqual([5, 1]);
  });

  it('shows full and partial coverage of the window, with the gap', async () => {
    const result = (await get('f.police', finderUrl())).json<FinderResultJson>();
    expect(byCode(result, 'F-FULL')).toMatchObject({
      coverage: 'full',
      recorded: [window],
      gaps: [],
      recordedSeconds: 1200,
    });
    expect(byCode(result, 'F-GAP')).toMatchObject({
      availability: 'recorded',
      coverage: 'partial',
      recorded: [
        { from: window.from, to: new Date(fromMs + 5 * minute).toISOString() },
        { from: new Date(fromMs + 8 * minute).toISOString(), to: window.to },
      ],
      gaps: [
        {
          from: new Date(fromMs + 5 * minute).toISOString(),
          to: new Date(fromMs + 8 * minute).toISOString(),
        },
      ],
      recordedSeconds: 17 * 60,
    });
    expect(byCode(result, 'F-REQUEST')).toMatchObject({ coverage: 'none', recorded: [], gaps: [] });
  });

  it('lists a camera facing away as within the radius but not seeing the point', async () => {
    const result = (await get('f.police', finderUrl())).json<FinderResultJson>();
    const away = byCode(result, 'F-AWAY')!;
    expect(away).toMatchObject({ sees: false, withinRadius: true });
    expect(away.distanceM).toBeCloseTo(30, 0);
    expect(away.offAxis).toBeCloseTo(180, 0);
    const gap = byCode(result, 'F-GAP')!;
    expect(gap).toMatchObject({ sees: true, withinRadius: true, bearing: 0 });
    expect(gap.camera).toMatchObject({ name: 'Camera F-GAP', recording: true, heading: 0 });
    expect(byCode(result, 'F-PLANNED')).toBeUndefined();
    expect(byCode(result, 'F-FAR')).toBeUndefined();
  });

  it('lists only cameras in the officer’s jurisdiction; an admin sees the neighbour’s too', async () => {
    const ward = (await get('f.police', finderUrl())).json<FinderResultJson>();
    expect(byCode(ward, 'F-NEIGHBOUR')).toBeUndefined();
    const admin = (await get('f.admin', finderUrl())).json<FinderResultJson>();
    expect(byCode(admin, 'F-NEIGHBOUR')).toMatchObject({ availability: 'on_request' });
    expect(admin.seeing).toBe(ward.seeing + 1);
  });

  it('widens with the radius: a camera 600 m away appears at 1 km', async () => {
    const result = (await get('f.police', finderUrl('&radiusM=1000'))).json<FinderResultJson>();
    expect(byCode(result, 'F-FAR')).toMatchObject({ withinRadius: true, sees: false });
  });

  it('answers for a case’s point and window, scoped like the case', async () => {
    const incident = await insertTestIncident(h.ctx, {
      ...point,
      from_ms: fromMs,
      to_ms: toMs,
    });
    const response = await get('f.police', `/api/incidents/${incident.id}/finder`);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<FinderResultJson>();
    expect(result.query).toEqual({ ...point, radiusM: 200, ...window });
    expect(codes(result.groups.recorded)).toEqual(['F-FULL', 'F-GAP']);
    expect((await get('f.away', `/api/incidents/${incident.id}/finder`)).statusCode).toBe(403);
    const bad = await get('f.police', `/api/incidents/${incident.id}/finder?radiusM=5000`);
    expect(bad.json<{ error: { field: string } }>().error.field).toBe('radiusM');
  });

  it('refuses a point at sea, a long window, another ward’s place and a role without cases', async () => {
    const field = async (url: string) => {
      const response = await get('f.police', url);
      expect(response.statusCode, response.body).toBe(400);
      return response.json<{ error: { field: string } }>().error.field;
    };
    expect(
      await field(`/api/finder?latitude=20&longitude=107.5&from=${window.from}&to=${window.to}`),
    ).toBe('point');
    const threeDays = new Date(toMs - 3 * 24 * 60 * minute).toISOString();
    expect(
      await field(
        `/api/finder?latitude=${point.latitude}&longitude=${point.longitude}&from=${threeDays}&to=${window.to}`,
      ),
    ).toBe('to');
    const haTinh = `/api/finder?latitude=18.405&longitude=105.86&from=${window.from}&to=${window.to}`;
    expect((await get('f.police', haTinh)).statusCode).toBe(403);
    expect((await get('f.away', haTinh)).statusCode).toBe(200);
    expect((await get('f.official', finderUrl())).statusCode).toBe(403);
  });
});
