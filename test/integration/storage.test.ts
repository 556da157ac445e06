import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runRetention } from '../../src/recording/retention';
import type { StorageFigures } from '../../src/recording/storage.service';
import { describeEachDatabase } from '../helpers/harness';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { days, makeTinyClip, mediaCameras, minutes, placeSegment } from './retention-fixtures';

const clipDir = mkdtempSync(join(tmpdir(), 'matthan-clip-'));
let clip: { file: string; bytes: number };
beforeAll(async () => {
  clip = await makeTinyClip(clipDir);
});
afterAll(() => rmSync(clipDir, { recursive: true, force: true }));

describeEachDatabase('storage figures', (harness) => {
  let home: string;
  let away: string;
  const cookies: Record<string, string> = {};
  const now = Date.now();
  const oldest = now - days(2);

  beforeAll(async () => {
    const h = harness();
    await seedTestUnits(h.ctx);
    [home, away] = (await mediaCameras(h.ctx, [
      { code: 'STO-HOME', retentionDays: 7 },
      { code: 'STO-AWAY', unitId: unitIds.thachTri, retentionDays: 1 },
    ])) as [string, string];
    for (const [username, role, unit] of [
      ['sto.admin', 'admin', null],
      ['sto.police', 'ward_police', unitIds.xuanDinh],
      ['sto.owner', 'camera_owner', unitIds.tanXuan1],
    ] as const) {
      await h.createUser({ username, role, jurisdictionId: unit });
      cookies[username] = await h.login(username);
    }
    await placeSegment(h.ctx, clip, home, oldest);
    await placeSegment(h.ctx, clip, home, now - minutes(10));
    await placeSegment(h.ctx, clip, home, now - minutes(5));
    await placeSegment(h.ctx, clip, away, now - minutes(10));
    const hold = await h.app.inject({
      method: 'POST',
      url: '/api/holds',
      headers: { cookie: cookies['sto.admin']! },
      payload: {
        cameraId: home,
        from: new Date(now - minutes(6)).toISOString(),
        to: new Date(now - minutes(4)).toISOString(),
        reason: 'giữ hình ảnh',
      },
    });
    expect(hold.statusCode, hold.body).toBe(201);
  });

  const figures = async (username: string) => {
    const response = await harness().app.inject({
      method: 'GET',
      url: '/api/storage',
      headers: { cookie: cookies[username]! },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<StorageFigures>();
  };

  it('gives an admin the footage, holds, quota and disk of the whole server', async () => {
    const h = harness();
    h.ctx.config.storageQuotaBytes = 1_000_000_000;
    const all = await figures('sto.admin');
    expect(all).toMatchObject({
      scope: 'all',
      mediaDir: h.ctx.config.mediaDir,
      totalBytes: 4 * clip.bytes,
      segmentCount: 4,
      heldBytes: clip.bytes,
      quotaBytes: 1_000_000_000,
      quotaUsedBytes: 4 * clip.bytes,
      oldestSegmentAt: new Date(oldest).toISOString(),
      warnings: [],
    });
    expect(all.disk?.freeBytes).toBeGreaterThan(0);
    expect(all.disk!.totalBytes).toBeGreaterThanOrEqual(all.disk!.freeBytes);
    expect(all.perCamera).toEqual([
      {
        cameraId: away,
        code: 'STO-AWAY',
        bytes: clip.bytes,
        segments: 1,
        oldestAt: new Date(now - minutes(10)).toISOString(),
        retentionDays: 1,
      },
      {
        cameraId: home,
        code: 'STO-HOME',
        bytes: 3 * clip.bytes,
        segments: 3,
        oldestAt: new Date(oldest).toISOString(),
        retentionDays: 7,
      },
    ]);
  });

  it('gives ward police the figures of their ward only, with the server’s quota use', async () => {
    const ward = await figures('sto.police');
    expect(ward).toMatchObject({
      scope: 'jurisdiction',
      totalBytes: 3 * clip.bytes,
      segmentCount: 3,
      heldBytes: clip.bytes,
      quotaUsedBytes: 4 * clip.bytes,
    });
    expect(ward.perCamera.map((c) => c.code)).toEqual(['STO-HOME']);
  });

  it('refuses camera owners', async () => {
    const response = await harness().app.inject({
      method: 'GET',
      url: '/api/storage',
      headers: { cookie: cookies['sto.owner']! },
    });
    expect(response.statusCode).toBe(403);
  });

  it('reports the last retention run and warns when held footage exceeds the quota', async () => {
    const h = harness();
    h.ctx.config.storageQuotaBytes = clip.bytes - 1;
    h.ctx.config.minFreeBytes = 0;
    await runRetention(h.ctx, 'manual', {
      diskSpace: () => Promise.resolve({ freeBytes: 1e12, totalBytes: 2e12 }),
    });
    const after = await figures('sto.admin');
    expect(after.lastRetention).toMatchObject({
      deletedSegments: 3,
      deletedBytes: 3 * clip.bytes,
      reason: 'quota',
      trigger: 'manual',
    });
    expect(after.totalBytes).toBe(clip.bytes);
    expect(after.heldBytes).toBe(clip.bytes);
    expect(after.warnings).toEqual(['held footage alone exceeds the storage quota: it is kept']);
  });
});
