import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCameras } from '../../src/cameras/camera.service';
import type { CameraInput } from '../../src/cameras/camera.types';
import type { Incident } from '../../src/incidents/incident.schemas';
import type { Hold } from '../../src/recording/holds.service';
import { runRetention } from '../../src/recording/retention';
import type { DiskSpace } from '../../src/recording/storage.disk';
import { giveTestUnitsBoundaries } from '../helpers/incident-fixtures';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase, type Harness } from '../helpers/harness';
import {
  days,
  fileExists,
  makeTinyClip,
  placeSegment,
  type PlacedSegment,
} from './retention-fixtures';

// Preservation holds of a case on both databases: one action holds every recorded candidate's
// footage of the window, retention then keeps it (real files, real retention run), and an
// audited release lets retention delete it again.

const point = { latitude: 21.0752, longitude: 105.7871 };
const metresPerDegree = 111_194.93;
const minute = 60_000;

const clipDir = mkdtempSync(join(tmpdir(), 'matthan-clip-'));
let clip: { file: string; bytes: number };
beforeAll(async () => {
  clip = await makeTinyClip(clipDir);
});
afterAll(() => rmSync(clipDir, { recursive: true, force: true }));

const plentyOfDisk = (): Promise<DiskSpace> =>
  Promise.resolve({ freeBytes: 1e12, totalBytes: 2e12 });

function camera(code: string, north: number, extra: Partial<CameraInput> = {}) {
  return {
    code,
    name: `Camera ${code}`,
    ownerKind: 'ward',
    jurisdictionId: unitIds.tanXuan1,
    latitude: point.latitude - north / metresPerDegree,
    longitude: point.longitude,
    heading: 0,
    fov: 90,
    rangeM: 80,
    retentionDays: 1,
    consentTier: 'live_always',
    ...extra,
  } satisfies CameraInput;
}

describeEachDatabase('incident holds', (harness) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  const cams: Record<string, string> = {};
  let incident: Incident;
  let fromMs: number;
  let inWindow: PlacedSegment[];
  let before: PlacedSegment;

  beforeAll(async () => {
    h = harness();
    Object.assign(h.ctx.config, { storageQuotaBytes: 0, minFreeBytes: 0 });
    await seedTestUnits(h.ctx);
    await giveTestUnitsBoundaries(h.ctx);
    const specs = [
      camera('H-SEE', 40),
      camera('H-NEAR', 120, { heading: 180 }),
      camera('H-NONE', 60),
      camera('H-NEIGHBOUR', 50, { jurisdictionId: unitIds.coNhue }),
      camera('H-FAR', 900),
    ];
    const ids = await createCameras(h.ctx, null, specs);
    specs.forEach((spec, i) => (cams[spec.code] = ids[i]!));
    for (const [username, role, unit] of [
      ['h.police', 'ward_police', unitIds.xuanDinh],
      ['h.other', 'ward_police', unitIds.coNhue],
    ] as const) {
      await h.createUser({ username, role, jurisdictionId: unit });
      cookies[username] = await h.login(username);
    }
    // A case two days ago: older than the cameras' one-day retention.
    fromMs = Math.floor((Date.now() - days(2)) / minute) * minute;
    const response = await call('h.police', 'POST', '/api/incidents', {
      type: 'robbery',
      description: 'Cướp tài sản',
      ...point,
      from: new Date(fromMs).toISOString(),
      to: new Date(fromMs + 60 * minute).toISOString(),
    });
    expect(response.statusCode, response.body).toBe(201);
    incident = response.json<Incident>();
    inWindow = [
      await placeSegment(h.ctx, clip, cams['H-SEE']!, fromMs + 10 * minute),
      await placeSegment(h.ctx, clip, cams['H-SEE']!, fromMs + 20 * minute),
    ];
    await placeSegment(h.ctx, clip, cams['H-NEAR']!, fromMs + 30 * minute);
    await placeSegment(h.ctx, clip, cams['H-NEIGHBOUR']!, fromMs + 30 * minute);
    before = await placeSegment(h.ctx, clip, cams['H-SEE']!, fromMs - 120 * minute);
  });

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    h.app.inject({ method, url, payload, headers: { cookie: cookies[who]! } });
  const holdsUrl = () => `/api/incidents/${incident.id}/holds`;

  it('holds the window’s footage of every recorded candidate in the officer’s area', async () => {
    const response = await call('h.police', 'POST', holdsUrl(), {});
    expect(response.statusCode, response.body).toBe(201);
    const { items } = response.json<{ items: Hold[] }>();
    expect(items.map((hold) => hold.cameraCode).sort()).toEqual(['H-NEAR', 'H-SEE']);
    for (const hold of items) {
      expect(hold).toMatchObject({
        from: incident.from,
        to: incident.to,
        reason: `Vụ việc ${incident.caseNumber}`,
        active: true,
        createdByUsername: 'h.police',
      });
    }
    const again = await call('h.police', 'POST', holdsUrl(), {});
    expect(again.json<{ items: Hold[] }>().items).toEqual([]);
  });

  it('holds chosen candidates only, naming a camera that is not one', async () => {
    const chosen = await call('h.police', 'POST', holdsUrl(), {
      cameraIds: [cams['H-NONE']],
      reason: 'Giữ thêm camera không ghi',
    });
    expect(chosen.statusCode, chosen.body).toBe(201);
    expect(chosen.json<{ items: Hold[] }>().items).toMatchObject([
      { cameraCode: 'H-NONE', reason: 'Giữ thêm camera không ghi' },
    ]);
    for (const stranger of [cams['H-FAR'], cams['H-NEIGHBOUR'], 'no-such-camera']) {
      const refused = await call('h.police', 'POST', holdsUrl(), { cameraIds: [stranger] });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<{ error: { field: string } }>().error.field).toBe('cameraIds');
    }
    const listed = await call('h.police', 'GET', holdsUrl());
    expect(
      listed
        .json<{ items: Hold[] }>()
        .items.map((hold) => hold.cameraCode)
        .sort(),
    ).toEqual(['H-NEAR', 'H-NONE', 'H-SEE']);
  });

  it('keeps another ward’s police out of the case’s holds', async () => {
    expect((await call('h.other', 'GET', holdsUrl())).statusCode).toBe(403);
    expect((await call('h.other', 'POST', holdsUrl(), {})).statusCode).toBe(403);
    const release = await call('h.other', 'POST', `${holdsUrl()}/release`, { reason: 'không' });
    expect(release.statusCode).toBe(403);
  });

  it('lets retention delete old footage around the case but not the held window', async () => {
    const report = await runRetention(h.ctx, 'manual', { diskSpace: plentyOfDisk });
    expect(report.heldSkippedSegments).toBeGreaterThanOrEqual(3);
    expect(await fileExists(before.file)).toBe(false);
    for (const segment of inWindow) expect(await fileExists(segment.file)).toBe(true);
  });

  it('releases the case’s holds with a reason, audited, and retention deletes the footage', async () => {
    const missing = await call('h.police', 'POST', `${holdsUrl()}/release`, { reason: '' });
    expect(missing.statusCode).toBe(400);
    const response = await call('h.police', 'POST', `${holdsUrl()}/release`, {
      reason: 'Vụ việc đã xử lý xong',
    });
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json<{ items: Hold[] }>();
    expect(items).toHaveLength(3);
    expect(items.every((hold) => !hold.active && hold.releasedByUsername === 'h.police')).toBe(
      true,
    );
    const events = await h.ctx.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'hold.release')
      .where(
        'target_id',
        'in',
        items.map((hold) => hold.id),
      )
      .execute();
    expect(events).toHaveLength(3);
    expect(events.every((event) => event.reason === 'Vụ việc đã xử lý xong')).toBe(true);

    await runRetention(h.ctx, 'manual', { diskSpace: plentyOfDisk });
    for (const segment of inWindow) expect(await fileExists(segment.file)).toBe(false);
    const again = await call('h.police', 'POST', `${holdsUrl()}/release`, { reason: 'lần nữa' });
    expect(again.json<{ items: Hold[] }>().items).toEqual([]);
  });
});
