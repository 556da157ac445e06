import { readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, expect, it } from 'vitest';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase, type Harness } from '../helpers/harness';
import { createFootageCamera, makeSegmentFiles, placeSegments } from './playback-fixtures';

// The timeline of a month of ten-second segments (a quarter of a million index rows) answers
// fast, and a playback stream's ffmpeg ends when its client goes away.

const dayMs = 86_400_000;
const t0 = Date.parse('2025-01-01T00:00:00Z');
const perDay = 8_640;
const days = 30;

/** Index rows only (no files): a month of segments, with one missing each day at 12:00. */
async function indexMonth(h: Harness, cameraId: string): Promise<void> {
  const rows = [];
  for (let day = 0; day < days; day++) {
    for (let i = 0; i < perDay; i++) {
      if (i === perDay / 2) continue;
      const start = t0 + day * dayMs + i * 10_000;
      rows.push({
        id: `m-${day}-${i}`,
        camera_id: cameraId,
        stream: 'main',
        start_ms: start,
        end_ms: start + 10_000,
        bytes: 2_500_000,
        path: `segments/${cameraId}/${day}/${i}.mp4`,
        codec: 'h264',
        width: 1280,
        height: 720,
        has_audio: 0,
        state: 'ok' as const,
        created_at: '2025-01-01T00:00:00Z',
      });
    }
  }
  for (let i = 0; i < rows.length; i += 2_000) {
    await h.ctx.db.kysely
      .insertInto('segments')
      .values(rows.slice(i, i + 2_000))
      .execute();
  }
}

/** ffmpeg children of this process, by their /proc entries. */
async function ffmpegChildren(): Promise<number> {
  let count = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const match = /^\d+ \((.*)\) \S+ (\d+)/.exec(stat);
    if (match?.[1] === 'ffmpeg' && Number(match[2]) === process.pid) count++;
  }
  return count;
}

describeEachDatabase('timeline at scale', (harness) => {
  let h: Harness;
  let cookie = '';
  let month = '';

  beforeAll(async () => {
    h = harness();
    await seedTestUnits(h.ctx);
    const owner = await h.createUser({
      username: 'scale.owner',
      role: 'camera_owner',
      jurisdictionId: unitIds.tanXuan1,
    });
    cookie = await h.login('scale.owner');
    month = await createFootageCamera(h, 'SCALE-1', owner);
    await indexMonth(h, month);
  }, 120_000);

  it('answers 30 days of 8,640 segments a day in ranges and gaps, fast', async () => {
    const url = `/api/cameras/${month}/timeline?from=${new Date(t0).toISOString()}&to=${new Date(t0 + days * dayMs).toISOString()}`;
    await h.app.inject({ method: 'GET', url, headers: { cookie } }); // warm the caches
    const started = performance.now();
    const response = await h.app.inject({ method: 'GET', url, headers: { cookie } });
    const elapsed = performance.now() - started;
    expect(response.statusCode, response.body).toBe(200);
    const timeline = response.json<{
      ranges: { start: string; end: string }[];
      gaps: { start: string; end: string; reason: string | null }[];
      recordedSeconds: number;
    }>();
    expect(timeline.ranges).toHaveLength(days + 1);
    expect(timeline.gaps).toHaveLength(days);
    expect(timeline.gaps[0]).toEqual({
      start: '2025-01-01T12:00:00.000Z',
      end: '2025-01-01T12:00:10.000Z',
      reason: null,
    });
    expect(timeline.recordedSeconds).toBe(days * (perDay - 1) * 10);
    expect(elapsed).toBeLessThan(1_500);
  });

  it('stops ffmpeg when the client of a playback stream goes away', async () => {
    const footage = await makeSegmentFiles(1, 10);
    try {
      const camera = await createFootageCamera(h, 'SCALE-2', (await ownerId(h))!);
      // An hour of footage from one file, linked 360 times: far more than the client reads.
      const start = Date.parse('2025-02-01T00:00:00Z');
      await placeSegments(h, camera, Array(360).fill(footage.files[0]), start, {
        seconds: 10,
        link: true,
      });
      await h.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = h.app.server.address() as AddressInfo;
      const path = `/api/cameras/${camera}/playback.mp4?from=${new Date(start).toISOString()}&to=${new Date(start + 3_600_000).toISOString()}`;
      await new Promise<void>((resolve, reject) => {
        const client = request({ port, path, headers: { cookie } }, (response) => {
          expect(response.statusCode).toBe(200);
          response.once('data', () => {
            client.destroy();
            resolve();
          });
        });
        client.on('error', (error) => {
          if (!client.destroyed) reject(error);
        });
        client.end();
      });
      const deadline = Date.now() + 10_000;
      while ((await ffmpegChildren()) > 0) {
        if (Date.now() > deadline) throw new Error('ffmpeg still runs after its client left');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await footage.dispose();
    }
  });
});

async function ownerId(h: Harness): Promise<string | undefined> {
  const row = await h.ctx.db.kysely
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'scale.owner')
    .executeTakeFirst();
  return row?.id;
}
