import { beforeAll, expect, it } from 'vitest';
import { createCameras } from '../../src/cameras/camera.service';
import type { CameraInput } from '../../src/cameras/camera.types';
import type { Incident } from '../../src/incidents/incident.schemas';
import { giveTestUnitsBoundaries } from '../helpers/incident-fixtures';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase, type Harness } from '../helpers/harness';

// An open case opens live view of the `live_on_alarm` cameras looking at its place, until a day
// after its window or until it is solved, left unsolved or closed: checked through the live
// access route the web app asks before it plays a camera.

const point = { latitude: 21.0752, longitude: 105.7871 };
const hour = 3_600_000;
const metresPerDegree = 111_194.93;

function camera(code: string, north: number, heading: number, extra: Partial<CameraInput> = {}) {
  return {
    code,
    name: `Camera ${code}`,
    ownerKind: 'household',
    jurisdictionId: unitIds.tanXuan1,
    latitude: point.latitude - north / metresPerDegree,
    longitude: point.longitude,
    heading,
    fov: 90,
    rangeM: 60,
    consentTier: 'live_on_alarm',
    mainStreamUrl: 'rtsp://cam:secret@127.0.0.1:9/main',
    ...extra,
  } satisfies CameraInput;
}

interface LiveAccess {
  allowed: boolean;
  grantedUntil: string | null;
}

describeEachDatabase('incident live grants', (harness) => {
  let h: Harness;
  let cookie: string;
  let alarm: string;
  let alarmAway: string;
  let onRequest: string;

  beforeAll(async () => {
    h = harness();
    await seedTestUnits(h.ctx);
    await giveTestUnitsBoundaries(h.ctx);
    // 30 m south of the point: one looks north at it, one south away from it.
    [alarm, alarmAway, onRequest] = (await createCameras(h.ctx, null, [
      camera('G-ALARM', 30, 0),
      camera('G-ALARM-AWAY', 30, 180),
      camera('G-REQUEST', 20, 0, { consentTier: 'on_request' }),
    ])) as [string, string, string];
    await h.createUser({
      username: 'g.police',
      role: 'ward_police',
      jurisdictionId: unitIds.xuanDinh,
    });
    cookie = await h.login('g.police');
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    h.app.inject({ method, url, payload, headers: { cookie } });
  const access = async (cameraId: string) => {
    const response = await call('GET', `/api/cameras/${cameraId}/live/access`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<LiveAccess>();
  };
  const file = async (fromMs: number, toMs: number) => {
    const response = await call('POST', '/api/incidents', {
      type: 'burglary',
      description: 'Đột nhập nhà dân',
      ...point,
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Incident>();
  };

  it('opens live view of the live-on-alarm camera that sees the place while the case is open', async () => {
    expect((await access(alarm)).allowed).toBe(false);
    const toMs = Date.now() - hour;
    const incident = await file(toMs - 2 * hour, toMs);

    expect(await access(alarm)).toMatchObject({
      allowed: true,
      grantedUntil: new Date(toMs + 24 * hour).toISOString(),
    });
    expect((await access(alarmAway)).allowed).toBe(false);
    expect((await access(onRequest)).allowed).toBe(false);

    await call('POST', `/api/incidents/${incident.id}/status`, { status: 'investigating' });
    expect((await access(alarm)).allowed).toBe(true);

    const solved = await call('POST', `/api/incidents/${incident.id}/status`, {
      status: 'solved',
      footageHelped: true,
      helpedBy: ['route'],
    });
    expect(solved.statusCode, solved.body).toBe(200);
    expect(await access(alarm)).toMatchObject({ allowed: false, grantedUntil: null });
  });

  it('follows an edited window, and grants nothing for a window over a day past', async () => {
    const toMs = Date.now() - 2 * hour;
    const incident = await file(toMs - hour, toMs);
    const laterTo = Date.now() - hour;
    const edited = await call('PATCH', `/api/incidents/${incident.id}`, {
      to: new Date(laterTo).toISOString(),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await access(alarm)).grantedUntil).toBe(new Date(laterTo + 24 * hour).toISOString());
    await call('POST', `/api/incidents/${incident.id}/status`, { status: 'closed' });
    expect((await access(alarm)).allowed).toBe(false);

    const oldTo = Date.now() - 30 * hour;
    await file(oldTo - hour, oldTo);
    expect((await access(alarm)).allowed).toBe(false);
  });
});
