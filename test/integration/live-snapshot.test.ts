import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCameras } from '../../src/cameras/camera.service';
import type { CameraInput } from '../../src/cameras/camera.types';
import { existingLiveService } from '../../src/live/live.service';
import { RecorderService } from '../../src/recording/recorder';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase, type Harness } from '../helpers/harness';
import { openSource, type RtspSource } from '../helpers/rtsp-sources';
import { openLive, probeBytes } from './live-client';
import { collectingLogger, waitFor } from './recording.suite';

// Snapshots: from the newest recorded segment when nobody watches, from the live keyframe when
// someone does; cached for five seconds; audited for others' cameras once per ten minutes.

let source: RtspSource;
beforeAll(async () => {
  source = await openSource('simulator');
});
afterAll(async () => {
  await source?.close();
});

const camera = (code: string, extra: Partial<CameraInput>): CameraInput => ({
  code,
  name: `Camera ${code}`,
  ownerKind: 'household',
  ownerName: 'Lê Văn Chủ',
  jurisdictionId: unitIds.tanXuan1,
  latitude: 21.0752,
  longitude: 105.7871,
  heading: 180,
  fov: 90,
  rangeM: 30,
  consentTier: 'live_always',
  mainStreamUrl: source.url(),
  ...extra,
});

describeEachDatabase('snapshots', (harness) => {
  let h: Harness;
  let baseUrl: string;
  let recorded: string;
  let unrecorded: string;
  const cookies: Record<string, string> = {};
  const get = (url: string, who: string) =>
    h.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });

  beforeAll(async () => {
    h = harness();
    await seedTestUnits(h.ctx);
    const ownerId = await h.createUser({
      username: 'snap.owner',
      role: 'camera_owner',
      jurisdictionId: unitIds.tanXuan1,
    });
    await h.createUser({
      username: 'snap.police',
      role: 'ward_police',
      jurisdictionId: unitIds.xuanDinh,
    });
    await h.createUser({
      username: 'snap.away',
      role: 'ward_police',
      jurisdictionId: unitIds.coNhue,
    });
    for (const who of ['snap.owner', 'snap.police', 'snap.away']) cookies[who] = await h.login(who);
    [recorded, unrecorded] = (await createCameras(h.ctx, null, [
      camera('SNAP-REC', { ownerUserId: ownerId, recordingEnabled: true }),
      camera('SNAP-LIVE', { ownerUserId: ownerId }),
    ])) as [string, string];
    const recorder = new RecorderService(h.ctx, { segmentSeconds: 2, pollMs: 60_000 });
    h.ctx.recorder = recorder;
    await recorder.start(collectingLogger([]));
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    existingLiveService(h.ctx)!.options.lingerMs = 300;
  });

  it('serves a JPEG of the newest segment when nobody watches, cached for five seconds', async () => {
    await waitFor(
      'a recorded segment',
      async () =>
        (await h.ctx.db.kysely
          .selectFrom('segments')
          .select('id')
          .where('camera_id', '=', recorded)
          .executeTakeFirst()) !== undefined,
      20_000,
    );
    const first = await get(`/api/cameras/${recorded}/snapshot.jpg`, 'snap.owner');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['content-type']).toBe('image/jpeg');
    expect(first.headers['cache-control']).toBe('private, max-age=5');
    const probed = await probeBytes(
      first.rawPayload,
      'snapshot.jpg',
      'stream=codec_name,width,height',
    );
    expect(probed).toEqual({ codec_name: 'mjpeg', width: '640', height: '360' });

    const again = await get(`/api/cameras/${recorded}/snapshot.jpg`, 'snap.owner');
    expect(again.headers['x-snapshot-at']).toBe(first.headers['x-snapshot-at']);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
  });

  it('has no picture of an unrecorded camera nobody watches, and one from the live keyframe', async () => {
    const none = await get(`/api/cameras/${unrecorded}/snapshot.jpg`, 'snap.owner');
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({
      error: { message: 'there is no picture of this camera yet' },
    });

    const opened = await openLive(
      baseUrl,
      `/api/cameras/${unrecorded}/live`,
      cookies['snap.owner']!,
    );
    if (!opened.ok) throw new Error(`refused: ${opened.status}`);
    try {
      await opened.client.binariesAtLeast(2);
      // The 404 above is not cached: the picture is there as soon as a keyframe is.
      const live = await get(`/api/cameras/${unrecorded}/snapshot.jpg`, 'snap.owner');
      expect(live.statusCode, live.body).toBe(200);
      const probed = await probeBytes(live.rawPayload, 'live.jpg', 'stream=codec_name,width');
      expect(probed).toEqual({ codec_name: 'mjpeg', width: '640' });
      expect(Date.now() - Date.parse(String(live.headers['x-snapshot-at']))).toBeLessThan(5_000);
    } finally {
      await opened.client.close();
    }
  });

  it('asks others for a reason and audits their snapshots once per ten minutes', async () => {
    const url = `/api/cameras/${recorded}/snapshot.jpg`;
    expect((await get(url, 'snap.away')).statusCode).toBe(403);
    const noReason = await get(url, 'snap.police');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ error: { field: 'reason' } });
    const reason = encodeURIComponent('Tra cứu hình ảnh cổng');
    for (let i = 0; i < 3; i++) {
      expect((await get(`${url}?reason=${reason}`, 'snap.police')).statusCode).toBe(200);
    }
    const events = await h.ctx.db.kysely
      .selectFrom('audit_events')
      .select(['reason', 'actor_username'])
      .where('action', '=', 'camera.snapshot_view')
      .where('target_id', '=', recorded)
      .execute();
    expect(events).toEqual([{ reason: 'Tra cứu hình ảnh cổng', actor_username: 'snap.police' }]);
  });
});
