import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCameras } from '../../src/cameras/camera.service';
import { existingLiveService } from '../../src/live/live.service';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { createHarness, describeEachDatabase, type Harness } from '../helpers/harness';
import { openSource, type RtspSource } from '../helpers/rtsp-sources';
import { openLive, type LiveClient, type LiveOpen } from './live-client';
import { waitFor } from './recording.suite';

// Streams the recorder does not hold: one on-demand ffmpeg per camera stream, shared by all its
// viewers and stopped after the last leaves; the per-user socket cap; shutdown.

let source: RtspSource;
beforeAll(async () => {
  source = await openSource('simulator');
});
afterAll(async () => {
  await source?.close();
});

/** A server with one owner and one camera with a sub stream, not recorded, on a real port. */
async function world(h: Harness) {
  await seedTestUnits(h.ctx);
  const ownerId = await h.createUser({
    username: 'sub.owner',
    role: 'camera_owner',
    jurisdictionId: unitIds.tanXuan1,
  });
  const cookie = await h.login('sub.owner');
  const [cameraId] = (await createCameras(h.ctx, null, [
    {
      code: 'SUB-1',
      name: 'Camera cổng sau',
      ownerKind: 'household',
      ownerName: 'Trần Thị Chủ',
      ownerUserId: ownerId,
      jurisdictionId: unitIds.tanXuan1,
      latitude: 21.0752,
      longitude: 105.7871,
      heading: 10,
      fov: 90,
      rangeM: 25,
      consentTier: 'live_always',
      mainStreamUrl: source.url(),
      subStreamUrl: source.url().replace(/\/cam-001$/, '/cam-001/sub'),
    },
  ])) as [string];
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  const live = existingLiveService(h.ctx)!;
  live.options.lingerMs = 300;
  return {
    cameraId,
    ownerId,
    live,
    open: (path: string): Promise<LiveOpen> => openLive(baseUrl, path, cookie),
  };
}

const playing = () => source.simulator!.stats().playing;

describeEachDatabase('on-demand live streams', (harness) => {
  let w: Awaited<ReturnType<typeof world>>;
  const clients: LiveClient[] = [];
  beforeAll(async () => {
    w = await world(harness());
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
  });

  const watch = async (path: string) => {
    const opened = await w.open(path);
    if (!opened.ok) throw new Error(`${path}: ${opened.status} ${JSON.stringify(opened.body)}`);
    clients.push(opened.client);
    return opened.client;
  };

  it('serves every sub-stream viewer from one ffmpeg, stopped after the last one leaves', async () => {
    const connectionsBefore = source.connections();
    const viewers = await Promise.all(
      [1, 2, 3].map(() => watch(`/api/cameras/${w.cameraId}/live?stream=sub`)),
    );
    for (const viewer of viewers) await viewer.binariesAtLeast(2);
    for (const viewer of viewers) {
      expect(viewer.texts.find((t) => t.type === 'init')).toMatchObject({
        stream: 'sub',
        width: 640,
        height: 360,
      });
    }
    expect(w.live.stats()).toEqual([
      expect.objectContaining({ key: `${w.cameraId}:sub`, viewers: 3, ffmpegStarts: 1 }),
    ]);
    expect(source.connections() - connectionsBefore).toBe(1);
    expect(playing()).toBe(1);

    // A late joiner starts at once from the cached keyframe, without a second connection.
    const late = await watch(`/api/cameras/${w.cameraId}/live?stream=sub`);
    await late.binariesAtLeast(2, 1_500);
    expect(source.connections() - connectionsBefore).toBe(1);

    await Promise.all([...viewers, late].map((viewer) => viewer.close()));
    await waitFor('the channel to close', () => w.live.stats().length === 0, 5_000);
    await waitFor('ffmpeg to leave the camera', () => playing() === 0, 10_000);
  });

  it('refuses a user’s sockets beyond the cap with 429 and keeps serving the others', async () => {
    const cap = w.live.options.maxSocketsPerUser;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => w.open(`/api/cameras/${w.cameraId}/live?stream=sub`)),
    );
    const opened = answers.filter((a): a is Extract<LiveOpen, { ok: true }> => a.ok);
    const refused = answers.filter((a): a is Extract<LiveOpen, { ok: false }> => !a.ok);
    clients.push(...opened.map((a) => a.client));
    expect(opened).toHaveLength(cap);
    expect(refused).toHaveLength(100 - cap);
    expect(refused[0]).toMatchObject({
      status: 429,
      body: { error: { code: 'too_many_requests' } },
    });
    // Every admitted viewer is served, by one ffmpeg.
    await Promise.all(opened.map((a) => a.client.binariesAtLeast(2)));
    expect(w.live.stats()[0]).toMatchObject({ viewers: cap, ffmpegStarts: 1 });
    expect(playing()).toBe(1);

    await Promise.all(opened.map((a) => a.client.close()));
    await waitFor(
      'the slots to be freed',
      () => w.live.socketsOf(w.ownerId) === 0 && w.live.stats().length === 0,
      5_000,
    );
    const again = await watch(`/api/cameras/${w.cameraId}/live?stream=sub`);
    await again.binariesAtLeast(2);
    await again.close();
  }, 60_000);

  it('falls back to the main stream for a camera with no sub stream URL', async () => {
    await harness()
      .ctx.db.kysely.updateTable('cameras')
      .set({ sub_stream_enc: null })
      .where('id', '=', w.cameraId)
      .execute();
    const viewer = await watch(`/api/cameras/${w.cameraId}/live?stream=sub`);
    await viewer.binariesAtLeast(2);
    expect(viewer.texts.find((t) => t.type === 'init')).toMatchObject({
      stream: 'main',
      width: 1280,
      height: 720,
    });
    await viewer.close();
  });
});

describe('live view at shutdown', () => {
  it('closes open live sockets with 1001 and stops their ffmpeg when the server closes', async () => {
    const h = await createHarness('sqlite');
    let closed = false;
    try {
      const w = await world(h);
      const opened = await w.open(`/api/cameras/${w.cameraId}/live?stream=sub`);
      if (!opened.ok) throw new Error(`refused: ${opened.status}`);
      await opened.client.binariesAtLeast(2);
      await h.close();
      closed = true;
      expect((await opened.client.closed).code).toBe(1001);
      await waitFor('ffmpeg to leave the camera', () => playing() === 0, 10_000);
    } finally {
      if (!closed) await h.close();
    }
  });
});
