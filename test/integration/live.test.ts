import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCameras } from '../../src/cameras/camera.service';
import type { CameraInput } from '../../src/cameras/camera.types';
import { existingLiveService } from '../../src/live/live.service';
import { childBoxes, parseTracks, readMoof, streamInfo } from '../../src/recording/fmp4';
import { RecorderService } from '../../src/recording/recorder';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase, type Harness } from '../helpers/harness';
import { openSource, type RtspSource } from '../helpers/rtsp-sources';
import { openLive, probeBytes, type LiveClient } from './live-client';
import { collectingLogger, waitFor } from './recording.suite';

// Live view against the recorder fed by a simulated camera: what a viewer receives, and who
// may watch (consent, jurisdiction, reasons, alarms), on both databases.

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
  ownerName: 'Nguyễn Văn Chủ',
  jurisdictionId: unitIds.tanXuan1,
  latitude: 21.0752,
  longitude: 105.7871,
  heading: 90,
  fov: 90,
  rangeM: 30,
  mainStreamUrl: source.url(),
  ...extra,
});

describeEachDatabase('live view', (harness) => {
  let h: Harness;
  let baseUrl: string;
  const cookies: Record<string, string> = {};
  let recorded: string;
  let onAlarm: string;
  const open = (path: string, who: string) => openLive(baseUrl, path, cookies[who]!);
  const clients: LiveClient[] = [];
  const watch = async (path: string, who: string): Promise<LiveClient> => {
    const opened = await open(path, who);
    if (!opened.ok)
      throw new Error(`${who} ${path}: ${opened.status} ${JSON.stringify(opened.body)}`);
    clients.push(opened.client);
    return opened.client;
  };

  beforeAll(async () => {
    h = harness();
    await seedTestUnits(h.ctx);
    const ownerId = await h.createUser({
      username: 'live.owner',
      role: 'camera_owner',
      jurisdictionId: unitIds.tanXuan1,
    });
    await h.createUser({
      username: 'live.police',
      role: 'ward_police',
      jurisdictionId: unitIds.xuanDinh,
    });
    await h.createUser({
      username: 'live.away',
      role: 'ward_police',
      jurisdictionId: unitIds.coNhue,
    });
    for (const who of ['live.owner', 'live.police', 'live.away']) cookies[who] = await h.login(who);
    [recorded, onAlarm] = (await createCameras(h.ctx, null, [
      camera('LIVE-REC', {
        ownerUserId: ownerId,
        consentTier: 'live_always',
        recordingEnabled: true,
      }),
      camera('LIVE-ALARM', { ownerUserId: ownerId, consentTier: 'live_on_alarm' }),
    ])) as [string, string];
    const recorder = new RecorderService(h.ctx, { segmentSeconds: 2, pollMs: 60_000 });
    h.ctx.recorder = recorder;
    await recorder.start(collectingLogger([]));
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    existingLiveService(h.ctx)!.options.lingerMs = 300;
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
  });

  it('streams the init, then a keyframe fragment that ffprobe and the fMP4 reader accept', async () => {
    const viewer = await watch(`/api/cameras/${recorded}/live`, 'live.owner');
    const [init, fragment] = await viewer.binariesAtLeast(2);
    expect(viewer.sequence[0]).not.toBe('init'); // told it is connecting first, or the init
    const initText = viewer.texts.find((t) => t.type === 'init');
    expect(initText).toMatchObject({ stream: 'main', width: 1280, height: 720 });
    expect(initText?.mime).toMatch(/^video\/mp4; codecs="avc1\.[0-9a-f]{6}(,mp4a\.40\.\d+)?"$/);
    const boxes = childBoxes(init!).map((box) => box.type);
    expect(boxes).toEqual(['ftyp', 'moov']);
    const moov = childBoxes(init!)[1]!;
    const info = streamInfo(parseTracks(init!.subarray(moov.start, moov.end)));
    const moof = childBoxes(fragment!)[0]!;
    expect(moof.type).toBe('moof');
    expect(readMoof(fragment!.subarray(moof.start, moof.end), info.videoTrackId).keyframe).toBe(
      true,
    );
    const probed = await probeBytes(Buffer.concat([init!, fragment!]), 'first.mp4');
    expect(probed).toMatchObject({ codec_name: 'h264', width: '1280', height: '720' });
    expect(Number(probed.nb_read_frames)).toBeGreaterThan(0);
    await viewer.close();
  });

  it('counts live viewers in the camera recording status', async () => {
    const viewer = await watch(`/api/cameras/${recorded}/live`, 'live.owner');
    await viewer.binariesAtLeast(1);
    const status = await h.app.inject({
      method: 'GET',
      url: `/api/cameras/${recorded}/recording`,
      headers: { cookie: cookies['live.owner']! },
    });
    expect(status.json<{ viewers: number }>().viewers).toBeGreaterThanOrEqual(1);
    await viewer.close();
    await waitFor(
      'no viewers',
      async () => {
        const after = await h.app.inject({
          method: 'GET',
          url: `/api/cameras/${recorded}/recording`,
          headers: { cookie: cookies['live.owner']! },
        });
        return after.json<{ viewers: number }>().viewers === 0;
      },
      5_000,
    );
  });

  it('refuses another ward’s police with 403 before the upgrade, and an unknown camera with 404', async () => {
    const away = await open(`/api/cameras/${recorded}/live?reason=kiem%20tra`, 'live.away');
    expect(away).toMatchObject({ ok: false, status: 403, body: { error: { code: 'forbidden' } } });
    const missing = await open('/api/cameras/no-such-camera/live', 'live.police');
    expect(missing).toMatchObject({ ok: false, status: 404 });
  });

  it('asks the police for a reason (400 naming reason) and audits the view with it', async () => {
    const none = await open(`/api/cameras/${recorded}/live`, 'live.police');
    expect(none).toMatchObject({ ok: false, status: 400, body: { error: { field: 'reason' } } });
    const short = await open(`/api/cameras/${recorded}/live?reason=%20a%20`, 'live.police');
    expect(short).toMatchObject({ ok: false, status: 400, body: { error: { field: 'reason' } } });

    const reason = 'Xác minh vụ trộm xe máy';
    const viewer = await watch(
      `/api/cameras/${recorded}/live?reason=${encodeURIComponent(reason)}`,
      'live.police',
    );
    await viewer.binariesAtLeast(2);
    const log = await h.app.inject({
      method: 'GET',
      url: `/api/cameras/${recorded}/access-log`,
      headers: { cookie: cookies['live.owner']! },
    });
    const events = log.json<{
      items: { action: string; reason: string | null; actorUsername: string }[];
    }>();
    expect(events.items).toContainEqual(
      expect.objectContaining({ action: 'camera.live_view', reason, actorUsername: 'live.police' }),
    );
    await viewer.close();
  });

  it('opens a live_on_alarm camera to the police only while an alarm grants it', async () => {
    const path = `/api/cameras/${onAlarm}/live?reason=${encodeURIComponent('Báo động tại cổng')}`;
    const before = await open(path, 'live.police');
    expect(before).toMatchObject({ ok: false, status: 403 });
    if (!before.ok) expect(before.body.error?.message).toMatch(/alarm/);
    const access = await h.app.inject({
      method: 'GET',
      url: `/api/cameras/${onAlarm}/live/access`,
      headers: { cookie: cookies['live.police']! },
    });
    expect(access.json()).toMatchObject({ allowed: false, grantedUntil: null });

    const byPolice = await h.app.inject({
      method: 'POST',
      url: `/api/cameras/${onAlarm}/alarms`,
      payload: { minutes: 5 },
      headers: { cookie: cookies['live.police']! },
    });
    expect(byPolice.statusCode).toBe(403);
    const alarm = await h.app.inject({
      method: 'POST',
      url: `/api/cameras/${onAlarm}/alarms`,
      payload: { minutes: 5, note: 'Có người lạ trước cổng' },
      headers: { cookie: cookies['live.owner']! },
    });
    expect(alarm.statusCode, alarm.body).toBe(201);
    expect(alarm.json()).toMatchObject({ opensLiveView: true, grant: { source: 'alarm' } });

    const granted = await h.app.inject({
      method: 'GET',
      url: `/api/cameras/${onAlarm}/live/access`,
      headers: { cookie: cookies['live.police']! },
    });
    expect(granted.json()).toMatchObject({ allowed: true, reasonRequired: true, message: null });
    expect(Date.parse(granted.json<{ grantedUntil: string }>().grantedUntil)).toBeGreaterThan(
      Date.now(),
    );
    const grants = await h.app.inject({
      method: 'GET',
      url: `/api/cameras/${onAlarm}/live-grants`,
      headers: { cookie: cookies['live.police']! },
    });
    expect(grants.json()).toMatchObject({
      items: [{ source: 'alarm', note: 'Có người lạ trước cổng', createdBy: 'live.owner' }],
    });

    // Not recorded: served by one on-demand ffmpeg on the main stream.
    const viewer = await watch(path, 'live.police');
    await viewer.binariesAtLeast(2);
    expect(viewer.texts.find((t) => t.type === 'init')).toMatchObject({ stream: 'main' });
    const stats = existingLiveService(h.ctx)!.stats();
    expect(stats).toContainEqual(
      expect.objectContaining({ key: `${onAlarm}:main`, source: 'ondemand', viewers: 1 }),
    );
    await viewer.close();
  });

  it('rejects an alarm longer than 240 minutes', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: `/api/cameras/${onAlarm}/alarms`,
      payload: { minutes: 600 },
      headers: { cookie: cookies['live.owner']! },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { field: 'minutes' } });
  });
});
