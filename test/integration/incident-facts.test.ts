import { beforeAll, expect, it } from 'vitest';
import { createCameras } from '../../src/cameras/camera.service';
import type { CameraInput } from '../../src/cameras/camera.types';
import type { FinderResultJson, Incident } from '../../src/incidents/incident.schemas';
import { giveTestUnitsBoundaries } from '../helpers/incident-fixtures';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase, type Harness } from '../helpers/harness';

// The facts analytics counts, kept by the incidents code through the HTTP API on both
// databases: a case stores the finder's `seeing` count when filed and when its window moves,
// and a case solved or unsolved keeps that resolution once it is closed.

const point = { latitude: 21.0752, longitude: 105.7871 };
const metresPerDegree = 111_194.93;
const minute = 60_000;
const hour = 60 * minute;

/** A camera `north` metres south of the point, looking north at it (heading 0) unless told. */
function camera(code: string, north: number, extra: Partial<CameraInput> = {}): CameraInput {
  return {
    code,
    name: `Camera ${code}`,
    ownerKind: 'household',
    jurisdictionId: unitIds.tanXuan1,
    latitude: point.latitude - north / metresPerDegree,
    longitude: point.longitude,
    heading: 0,
    fov: 90,
    rangeM: 60,
    consentTier: 'on_request',
    ...extra,
  };
}

describeEachDatabase('incident facts', (harness) => {
  let h: Harness;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    h = harness();
    await seedTestUnits(h.ctx);
    await giveTestUnitsBoundaries(h.ctx);
    await createCameras(h.ctx, null, [
      camera('FACT-SEE-1', 30),
      camera('FACT-SEE-2', 45, { ownerKind: 'business' }),
      // Near but looking away, out of range, and not on the street yet: not candidates.
      camera('FACT-AWAY', 20, { heading: 180 }),
      camera('FACT-SHORT', 50, { rangeM: 20 }),
      camera('FACT-PLANNED', 25, { status: 'planned' }),
    ]);
    for (const [username, role, unit] of [
      ['fact.police', 'ward_police', unitIds.xuanDinh],
      ['fact.admin', 'admin', null],
    ] as const) {
      await h.createUser({ username, role, jurisdictionId: unit });
      cookies[username] = await h.login(username);
    }
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    h.app.inject({ method, url, payload, headers: { cookie: cookies['fact.police']! } });

  const file = async (hoursAgo = 3) => {
    const response = await call('POST', '/api/incidents', {
      type: 'theft',
      description: 'Mất trộm xe máy trước cửa nhà',
      ...point,
      from: new Date(Date.now() - hoursAgo * hour).toISOString(),
      to: new Date(Date.now() - (hoursAgo - 1) * hour).toISOString(),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Incident>();
  };

  const facts = (id: string) =>
    h.ctx.db.kysely
      .selectFrom('incidents')
      .select(['status', 'resolution', 'footage_helped', 'candidate_cameras', 'closed_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  const seeing = async (id: string) => {
    const response = await h.app.inject({
      method: 'GET',
      url: `/api/incidents/${id}/finder`,
      headers: { cookie: cookies['fact.admin']! },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<FinderResultJson>().seeing;
  };

  const move = async (id: string, body: object) => {
    const response = await call('POST', `/api/incidents/${id}/status`, body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Incident>();
  };

  it('stores the finder’s seeing count as the candidate cameras when a case is filed', async () => {
    const incident = await file();
    expect(await seeing(incident.id)).toBe(2);
    expect(Number((await facts(incident.id)).candidate_cameras)).toBe(2);
  });

  it('keeps the count through other edits and recounts when the window moves', async () => {
    const incident = await file(5);
    await createCameras(h.ctx, null, [camera('FACT-SEE-LATE', 35, { ownerKind: 'school' })]);
    const edited = await call('PATCH', `/api/incidents/${incident.id}`, {
      description: 'Mất trộm xe máy Honda Wave trước cửa nhà',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(Number((await facts(incident.id)).candidate_cameras)).toBe(2);

    const moved = await call('PATCH', `/api/incidents/${incident.id}`, {
      from: new Date(Date.now() - 6 * hour).toISOString(),
      to: new Date(Date.now() - 5 * hour).toISOString(),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await seeing(incident.id)).toBe(3);
    expect(Number((await facts(incident.id)).candidate_cameras)).toBe(3);
  });

  it('keeps resolution solved, and that footage helped, when a solved case is closed', async () => {
    const incident = await file();
    await move(incident.id, { status: 'investigating' });
    expect(await facts(incident.id)).toMatchObject({ status: 'investigating', resolution: null });
    await move(incident.id, { status: 'solved', footageHelped: true, helpedBy: ['vehicle'] });
    expect(await facts(incident.id)).toMatchObject({ status: 'solved', resolution: 'solved' });
    const closed = await move(incident.id, { status: 'closed' });
    expect(closed.outcome).toMatchObject({ footageHelped: true, helpedBy: ['vehicle'] });
    const row = await facts(incident.id);
    expect(row).toMatchObject({ status: 'closed', resolution: 'solved' });
    expect(Number(row.footage_helped)).toBe(1);
    expect(row.closed_at).not.toBeNull();
  });

  it('keeps resolution unsolved when an unsolved case is closed', async () => {
    const incident = await file();
    await move(incident.id, { status: 'unsolved', footageHelped: false, helpedBy: ['none'] });
    expect(await facts(incident.id)).toMatchObject({ status: 'unsolved', resolution: 'unsolved' });
    await move(incident.id, { status: 'closed' });
    const row = await facts(incident.id);
    expect(row).toMatchObject({ status: 'closed', resolution: 'unsolved' });
    expect(Number(row.footage_helped)).toBe(0);
  });

  it('leaves a case closed without an outcome with no resolution', async () => {
    const incident = await file();
    await move(incident.id, { status: 'closed' });
    expect(await facts(incident.id)).toMatchObject({ status: 'closed', resolution: null });
  });
});
