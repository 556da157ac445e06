import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase, type Harness } from '../helpers/harness';
import {
  createFootageCamera,
  makeSegmentFiles,
  placeSegments,
  probeDuration,
  videoPackets,
  withBodyFile,
  type SegmentFiles,
} from './playback-fixtures';

// Downloads over real segments on both databases: the MP4 covers the range asked for within
// one GOP (by ffprobe), Range requests return exactly the right bytes, bad Range headers are
// 416, the export is made once and reused, and each viewer's export is audited once.

const t0 = Date.parse('2025-03-01T03:00:00Z');
const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
const reason = 'Trích xuất cho hồ sơ vụ việc';
const gopSeconds = 2;

let footage: SegmentFiles;
beforeAll(async () => {
  footage = await makeSegmentFiles(6, 10);
}, 60_000);
afterAll(async () => {
  await footage?.dispose();
});

describeEachDatabase('download', (harness) => {
  const cookies: Record<string, string> = {};
  let camera = '';
  let h: Harness;
  const download = (
    from: number,
    to: number,
    who = 'police',
    headers: Record<string, string> = {},
  ) =>
    h.app.inject({
      method: 'GET',
      url: `/api/cameras/${camera}/download.mp4?from=${at(from)}&to=${at(to)}&reason=${encodeURIComponent(reason)}`,
      headers: { cookie: cookies[who]!, ...headers },
    });

  beforeAll(async () => {
    h = harness();
    await seedTestUnits(h.ctx);
    const owner = await h.createUser({
      username: 'dl.owner',
      role: 'camera_owner',
      jurisdictionId: unitIds.tanXuan1,
    });
    cookies.owner = await h.login('dl.owner');
    await h.createUser({
      username: 'dl.police',
      role: 'ward_police',
      jurisdictionId: unitIds.xuanDinh,
    });
    cookies.police = await h.login('dl.police');
    await h.createUser({
      username: 'dl.away',
      role: 'ward_police',
      jurisdictionId: unitIds.coNhue,
    });
    cookies.away = await h.login('dl.away');
    camera = await createFootageCamera(h, 'DL-1', owner);
    await placeSegments(h, camera, footage.files, t0, { seconds: 10 });
  });

  it('cuts the range asked for across files, within one GOP, as a named attachment', async () => {
    const response = await download(4.3, 25.7);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toBe('video/mp4');
    expect(response.headers['accept-ranges']).toBe('bytes');
    // 03:00:04 UTC is 10:00:04 in Hà Nội.
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="DL-1_20250301-100004.mp4"',
    );
    expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
    const { duration, packets } = await withBodyFile(response.rawPayload, async (file) => ({
      duration: await probeDuration(file),
      packets: await videoPackets(file),
    }));
    const asked = 25.7 - 4.3;
    expect(duration).toBeGreaterThanOrEqual(asked - 0.1);
    expect(duration).toBeLessThanOrEqual(asked + gopSeconds);
    // +faststart: the index comes before the media.
    const moov = response.rawPayload.indexOf('moov');
    expect(moov).toBeGreaterThan(0);
    expect(moov).toBeLessThan(response.rawPayload.indexOf('mdat'));
    expect(packets[0]!.keyframe).toBe(true);
  });

  it('returns exactly the bytes of each single range, and the whole file for several', async () => {
    const whole = (await download(0, 30)).rawPayload;
    const size = whole.length;
    for (const [header, start, end] of [
      ['bytes=0-99', 0, 99],
      ['bytes=1000-1999', 1000, 1999],
      [`bytes=${size - 10}-`, size - 10, size - 1],
      ['bytes=-500', size - 500, size - 1],
      [`bytes=100-${size + 5000}`, 100, size - 1],
    ] as const) {
      const response = await download(0, 30, 'police', { range: header });
      expect(response.statusCode, header).toBe(206);
      expect(response.headers['content-range']).toBe(`bytes ${start}-${end}/${size}`);
      expect(Number(response.headers['content-length'])).toBe(end - start + 1);
      expect(response.rawPayload.equals(whole.subarray(start, end + 1)), header).toBe(true);
    }
    const several = await download(0, 30, 'police', { range: 'bytes=0-1,5-9' });
    expect(several.statusCode).toBe(200);
    expect(several.rawPayload.equals(whole)).toBe(true);
  });

  it('answers HEAD with the size and Range support, without a body', async () => {
    const size = (await download(0, 30)).rawPayload.length;
    const head = await h.app.inject({
      method: 'HEAD',
      url: `/api/cameras/${camera}/download.mp4?from=${at(0)}&to=${at(30)}&reason=${encodeURIComponent(reason)}`,
      headers: { cookie: cookies.police! },
    });
    expect(head.statusCode).toBe(200);
    expect(head.headers['accept-ranges']).toBe('bytes');
    expect(Number(head.headers['content-length'])).toBe(size);
    expect(head.rawPayload.length).toBe(0);
  });

  it('answers 416 with a message for a malformed or unsatisfiable Range', async () => {
    for (const header of ['bytes=abc', 'pages=1-2', 'bytes=9-1']) {
      const response = await download(0, 30, 'police', { range: header });
      expect(response.statusCode, header).toBe(416);
      expect(response.json()).toMatchObject({ error: { code: 'range_not_satisfiable' } });
    }
    const size = (await download(0, 30)).rawPayload.length;
    const past = await download(0, 30, 'police', { range: `bytes=${size}-` });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${size}`);
    expect(past.json()).toEqual({
      error: {
        code: 'range_not_satisfiable',
        message: `the range starts past the end of ${size} bytes`,
        field: 'range',
      },
    });
  });

  it('makes an export once for simultaneous requests and reuses it', async () => {
    const exports = async () => (await readdir(join(h.dataDir, 'exports'))).sort();
    const before = await exports();
    const [first, second] = await Promise.all([download(10, 40), download(10, 40, 'owner')]);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(first.rawPayload.equals(second.rawPayload)).toBe(true);
    const again = await download(10, 40);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    // One new file for the range, and no leftovers of partial runs.
    const added = (await exports()).filter((name) => !before.includes(name));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^[0-9a-f]{32}\.mp4$/);
  });

  it('audits each viewer’s export once with the reason, however many Range requests', async () => {
    const count = async () =>
      (
        await h.ctx.db.kysely
          .selectFrom('audit_events')
          .selectAll()
          .where('action', '=', 'footage.download')
          .where('target_id', '=', camera)
          .execute()
      ).filter((event) => event.details?.includes(at(20)));
    expect(await count()).toHaveLength(0);
    for (const range of ['bytes=0-99', 'bytes=100-199', 'bytes=200-']) {
      expect((await download(20, 50, 'police', { range })).statusCode).toBe(206);
    }
    const events = await count();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ reason, actor_username: 'dl.police' });
    // The owner downloading their own footage is not an access to audit.
    expect((await download(20, 50, 'owner')).statusCode).toBe(200);
    expect(await count()).toHaveLength(1);
  });

  it('refuses a day and a bit, an end before the start, no footage, another ward and no reason', async () => {
    const long = await download(0, 86_401);
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ error: { field: 'to' } });
    const backwards = await download(30, 10);
    expect(backwards.json()).toMatchObject({
      error: { field: 'to', message: 'to must be after from' },
    });
    const empty = await download(600, 700);
    expect(empty.statusCode).toBe(404);
    expect(empty.json()).toMatchObject({ error: { code: 'no_footage' } });
    const away = await download(0, 10, 'away');
    expect(away.statusCode).toBe(403);
    const noReason = await h.app.inject({
      method: 'GET',
      url: `/api/cameras/${camera}/download.mp4?from=${at(0)}&to=${at(10)}`,
      headers: { cookie: cookies.police! },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ error: { field: 'reason' } });
  });
});
