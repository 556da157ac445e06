import { rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import type { PlaybackWindow } from '../../src/playback/playback.schemas';
import { describeEachDatabase, type Harness } from '../helpers/harness';
import {
  createFootageCamera,
  largestStep,
  makeSegmentFiles,
  placeSegments,
  videoPackets,
  withBodyFile,
  type PlacedSegment,
  type SegmentFiles,
} from './playback-fixtures';

// Timeline and playback over real segments (the simulator's clip cut by ffmpeg's segment
// muxer), on both databases: merged ranges and explained gaps, a fragmented MP4 that runs
// across segment boundaries, honest answers when files are gone, and who may watch.

const t0 = Date.parse('2025-03-01T00:00:00Z');
const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
const reason = 'Xác minh vụ va chạm xe máy';

let footage: SegmentFiles;
beforeAll(async () => {
  footage = await makeSegmentFiles(6, 10);
}, 60_000);
afterAll(async () => {
  await footage?.dispose();
});

describeEachDatabase('timeline and playback', (harness) => {
  const cookies: Record<string, string> = {};
  let camera = '';
  let privateCamera = '';
  let placed: PlacedSegment[] = [];
  let h: Harness;

  const get = (url: string, who: string) =>
    h.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });

  beforeAll(async () => {
    h = harness();
    await seedTestUnits(h.ctx);
    const people = [
      ['owner', 'camera_owner', unitIds.tanXuan1],
      ['police', 'ward_police', unitIds.xuanDinh],
      ['otherPolice', 'ward_police', unitIds.coNhue],
      ['official', 'ward_official', unitIds.tanXuan1],
    ] as const;
    const ids: Record<string, string> = {};
    for (const [name, role, unit] of people) {
      ids[name] = await h.createUser({
        username: `pb.${name.toLowerCase()}`,
        role,
        jurisdictionId: unit,
      });
      cookies[name] = await h.login(`pb.${name.toLowerCase()}`);
    }
    camera = await createFootageCamera(h, 'PB-1', ids.owner!);
    privateCamera = await createFootageCamera(h, 'PB-2', ids.owner!, { consentTier: 'on_request' });
    // 0–60 s recorded, 60–120 s not (the recorder logged 70–100 s), 120–150 s recorded,
    // 150–160 s indexed but its file is gone.
    placed = [
      ...(await placeSegments(h, camera, footage.files, t0, { seconds: 10 })),
      ...(await placeSegments(h, camera, footage.files.slice(0, 3), t0 + 120_000, { seconds: 10 })),
      ...(await placeSegments(h, camera, footage.files.slice(0, 1), t0 + 150_000, {
        seconds: 10,
        state: 'missing',
      })),
    ];
    await placeSegments(h, privateCamera, footage.files.slice(0, 2), t0, { seconds: 10 });
    await h.ctx.db.kysely
      .insertInto('recording_gaps')
      .values({
        id: randomUUID(),
        camera_id: camera,
        start_ms: t0 + 70_000,
        end_ms: t0 + 100_000,
        reason: 'connection_lost',
      })
      .execute();
    await h.ctx.db.kysely
      .insertInto('holds')
      .values({
        id: 'hold-pb-1',
        camera_id: camera,
        from_ms: t0 + 10_000,
        to_ms: t0 + 20_000,
        reason: 'Vụ việc 12/2025',
        created_by: null,
        created_at: new Date().toISOString(),
        released_at: null,
        released_by: null,
      })
      .execute();
  });

  it('merges segments into ranges and explains every gap up to the end of the period', async () => {
    const response = await get(
      `/api/cameras/${camera}/timeline?from=${at(-60)}&to=${at(200)}`,
      'police',
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      from: at(-60),
      to: at(200),
      ranges: [
        { start: at(0), end: at(60) },
        { start: at(120), end: at(150) },
      ],
      gaps: [
        { start: at(-60), end: at(0), reason: null },
        { start: at(60), end: at(70), reason: null },
        { start: at(70), end: at(100), reason: 'connection_lost' },
        { start: at(100), end: at(120), reason: null },
        { start: at(150), end: at(160), reason: 'missing' },
        { start: at(160), end: at(200), reason: null },
      ],
      holds: [{ id: 'hold-pb-1', from: at(10), to: at(20), reason: 'Vụ việc 12/2025' }],
      missing: [{ start: at(150), end: at(160) }],
      recordedSeconds: 90,
      playback: { allowed: true, reasonRequired: true, message: null },
    });
  });

  it('shows the timeline to an official of the unit, who may not play it back', async () => {
    const response = await get(
      `/api/cameras/${camera}/timeline?from=${at(0)}&to=${at(60)}`,
      'official',
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ playback: { allowed: boolean } }>().playback.allowed).toBe(false);
    const play = await get(
      `/api/cameras/${camera}/playback?from=${at(0)}&to=${at(60)}`,
      'official',
    );
    expect(play.statusCode).toBe(403);
  });

  it('refuses an end before the start and a 40-day period, naming to', async () => {
    const backwards = await get(
      `/api/cameras/${camera}/timeline?from=${at(60)}&to=${at(0)}`,
      'police',
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({
      error: { field: 'to', message: 'to must be after from' },
    });
    const long = await get(
      `/api/cameras/${camera}/timeline?from=2025-01-01T00:00:00Z&to=2025-02-10T00:00:00Z`,
      'police',
    );
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({
      error: {
        field: 'to',
        message: 'the period may cover at most 31 days; this one covers 40 days',
      },
    });
    const hour = await get(
      `/api/cameras/${camera}/playback?from=${at(0)}&to=${at(3601)}`,
      'police',
    );
    expect(hour.statusCode).toBe(400);
    expect(hour.json()).toMatchObject({ error: { field: 'to' } });
  });

  it('describes a playback window: pieces on the wall clock, media times, codecs and the stream', async () => {
    const response = await get(
      `/api/cameras/${camera}/playback?from=${at(5)}&to=${at(140)}`,
      'police',
    );
    expect(response.statusCode, response.body).toBe(200);
    const window = response.json<PlaybackWindow>();
    // Whole files: the first starts before the window; the one starting at its end is left out.
    expect(window.pieces).toEqual([
      { start: at(0), end: at(60), mediaStart: 0 },
      { start: at(120), end: at(140), mediaStart: 60 },
    ]);
    expect(window.mediaSeconds).toBe(80);
    expect(window.mime).toMatch(/^video\/mp4; codecs="avc1\.[0-9a-f]{6},mp4a\.40\.2"$/);
    expect(window.gaps).toEqual([
      { start: at(60), end: at(70), reason: null },
      { start: at(70), end: at(100), reason: 'connection_lost' },
      { start: at(100), end: at(120), reason: null },
    ]);
    expect(window.url).toBe(
      `/api/cameras/${camera}/playback.mp4?from=${encodeURIComponent(at(5))}&to=${encodeURIComponent(at(140))}`,
    );
  });

  it('streams a fragmented MP4 that runs across segment boundaries without a jump', async () => {
    const response = await get(
      `/api/cameras/${camera}/playback.mp4?from=${at(0)}&to=${at(60)}&reason=${encodeURIComponent(reason)}`,
      'police',
    );
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toBe('video/mp4');
    const body = response.rawPayload;
    expect(body.subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(body.includes(Buffer.from('moof'))).toBe(true);
    const packets = await withBodyFile(body, videoPackets);
    // Six ten-second files at 25 fps, one run of frames 40 ms apart.
    expect(packets).toHaveLength(6 * 250);
    expect(packets[0]!.pts).toBe(0);
    expect(largestStep(packets)).toBeLessThanOrEqual(0.041);
    expect(packets.at(-1)!.pts).toBeCloseTo(59.96, 2);
  });

  it('asks a police viewer for a reason and audits it once per playback session', async () => {
    const url = `/api/cameras/${camera}/playback.mp4?from=${at(0)}&to=${at(20)}`;
    const missing = await get(url, 'police');
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: { field: 'reason' } });
    const short = await get(`${url}&reason=ab`, 'police');
    expect(short.json()).toMatchObject({ error: { field: 'reason' } });

    // A new reason starts a new session (the earlier tests watched with another one).
    const sessionReason = 'Tìm xe máy bị mất trộm';
    const before = await playbackEvents(h, camera);
    for (const window of [url, `/api/cameras/${camera}/playback.mp4?from=${at(20)}&to=${at(60)}`]) {
      const response = await get(`${window}&reason=${encodeURIComponent(sessionReason)}`, 'police');
      expect(response.statusCode).toBe(200);
    }
    const after = await playbackEvents(h, camera);
    expect(after - before).toBe(1);
    const log = await get(`/api/cameras/${camera}/access-log`, 'owner');
    const event = log
      .json<{ items: { action: string; reason: string | null; actorUsername: string }[] }>()
      .items.find((item) => item.action === 'footage.playback');
    expect(event).toMatchObject({ reason: sessionReason, actorUsername: 'pb.police' });
  });

  it('lets the owner play their own camera without a reason and without an audit event', async () => {
    const before = await playbackEvents(h, camera);
    const response = await get(
      `/api/cameras/${camera}/playback.mp4?from=${at(0)}&to=${at(10)}`,
      'owner',
    );
    expect(response.statusCode).toBe(200);
    expect(await playbackEvents(h, camera)).toBe(before);
  });

  it('refuses police of another ward and police where the owner shares no footage', async () => {
    const away = await get(
      `/api/cameras/${camera}/playback?from=${at(0)}&to=${at(10)}`,
      'otherPolice',
    );
    expect(away.statusCode).toBe(403);
    const timeline = await get(`/api/cameras/${camera}/timeline`, 'otherPolice');
    expect(timeline.statusCode).toBe(403);
    const media = await get(
      `/api/cameras/${camera}/playback.mp4?from=${at(0)}&to=${at(10)}&reason=${encodeURIComponent(reason)}`,
      'otherPolice',
    );
    expect(media.statusCode).toBe(403);
    const consent = await get(
      `/api/cameras/${privateCamera}/playback?from=${at(0)}&to=${at(10)}`,
      'police',
    );
    expect(consent.statusCode).toBe(403);
    expect(consent.json()).toMatchObject({
      error: { message: "footage of this camera needs the owner's approval of a footage request" },
    });
  });

  it('answers 404 with a clear message when the window holds no footage', async () => {
    for (const url of [
      `/api/cameras/${camera}/playback?from=${at(70)}&to=${at(110)}`,
      `/api/cameras/${camera}/playback.mp4?from=${at(70)}&to=${at(110)}&reason=${encodeURIComponent(reason)}`,
    ]) {
      const response = await get(url, 'police');
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toEqual({
        error: {
          code: 'no_footage',
          message: `no footage of this camera between ${at(70)} and ${at(110)}`,
        },
      });
    }
  });

  it('skips a segment deleted by hand and lists it, still playing the rest', async () => {
    await rm(placed[2]!.path); // 20–30 s
    const response = await get(
      `/api/cameras/${camera}/playback?from=${at(0)}&to=${at(60)}`,
      'police',
    );
    expect(response.statusCode, response.body).toBe(200);
    const window = response.json<PlaybackWindow>();
    expect(window.pieces).toEqual([
      { start: at(0), end: at(20), mediaStart: 0 },
      { start: at(30), end: at(60), mediaStart: 20 },
    ]);
    expect(window.missing).toEqual([{ start: at(20), end: at(30) }]);
    expect(window.gaps).toEqual([{ start: at(20), end: at(30), reason: 'missing' }]);
    const media = await get(
      `/api/cameras/${camera}/playback.mp4?from=${at(0)}&to=${at(60)}&reason=${encodeURIComponent(reason)}`,
      'police',
    );
    expect(media.statusCode).toBe(200);
    const packets = await withBodyFile(media.rawPayload, videoPackets);
    expect(packets).toHaveLength(5 * 250);
  });
});

async function playbackEvents(h: Harness, cameraId: string): Promise<number> {
  const rows = await h.ctx.db.kysely
    .selectFrom('audit_events')
    .select('seq')
    .where('action', '=', 'footage.playback')
    .where('target_id', '=', cameraId)
    .execute();
  return rows.length;
}
