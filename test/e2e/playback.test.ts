import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ffprobeBinary } from '../../src/platform/ffmpeg';
import { browserSuite, login, type E2eServer } from './browser';

// Playback in Chromium against footage the demo records from its simulated cameras: the page
// streams joined segments into Media Source Extensions and keeps playing across a segment
// boundary, runs at 4×, and offers a download that ffprobe reads as an MP4.

const run = promisify(execFile);
const reason = 'Xem lại vụ va chạm ngõ 27';

interface Indexed {
  startMs: number;
  endMs: number;
}

/** The first demo camera of Tân Xuân 1 that records, once it has `count` segments indexed. */
async function recordedCamera(server: E2eServer, count: number) {
  const camera = await server.ctx.db.kysely
    .selectFrom('cameras')
    .select(['id', 'code'])
    .where('recording_enabled', '=', 1)
    .where('consent_tier', '=', 'live_always')
    .where('code', 'like', 'TX1-%')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const deadline = Date.now() + 100_000;
  for (;;) {
    const rows = await server.ctx.db.kysely
      .selectFrom('segments')
      .select(['start_ms', 'end_ms'])
      .where('camera_id', '=', camera.id)
      .where('state', '=', 'ok')
      .orderBy('start_ms')
      .execute();
    if (rows.length >= count) {
      const segments: Indexed[] = rows.map((row) => ({
        startMs: Number(row.start_ms),
        endMs: Number(row.end_ms),
      }));
      return { ...camera, segments };
    }
    if (Date.now() > deadline) throw new Error(`${camera.code} has only ${rows.length} segments`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

interface VideoState {
  currentTime: number;
  frames: number;
  rate: number;
  wallMs: number;
}

const readVideo = `(() => {
  const video = document.querySelector('[data-testid=playback-video]');
  return {
    currentTime: video.currentTime,
    frames: video.getVideoPlaybackQuality().totalVideoFrames,
    rate: video.playbackRate,
    wallMs: Number(video.dataset.wallMs || 0),
  };
})()`;

/** `2025-03-01T10:00:04` in Vietnam time, for a datetime-local field. */
const vietnamInput = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19);

describe('playback', () => {
  const suite = browserSuite(undefined, { recording: true });
  let camera: Awaited<ReturnType<typeof recordedCamera>>;

  beforeAll(async () => {
    camera = await recordedCamera(suite.server, 3);
  }, 120_000);

  it('plays across a segment boundary, runs at 4×, seeks from the timeline and downloads a valid MP4', async () => {
    const { page, context } = suite.watched;
    await login(page, 'police.xuandinh');

    // The camera page's timeline card leads to playback.
    await page.goto(`/cameras/${camera.id}`);
    await page.getByTestId('playback-section').waitFor();
    await page.getByTestId('playback-open').waitFor();

    const [first, second] = camera.segments as [Indexed, Indexed];
    await page.goto(`/cameras/${camera.id}/playback?t=${new Date(first.startMs).toISOString()}`);
    // Someone else's camera: the reason is asked once for the session.
    await page.locator('#view-reason-text').fill(reason);
    await page.locator('.view-reason-dialog button[type=submit]').click();
    await page.locator('[data-testid=playback-timeline][data-loaded=true]').waitFor();

    // The first boundary in media time is the first file's indexed length.
    const boundary = (first.endMs - first.startMs) / 1000;
    await page.waitForFunction(
      `document.querySelector('[data-testid=playback-video]').currentTime > ${boundary + 1.5}`,
      undefined,
      { timeout: 40_000, polling: 250 },
    );
    const before = await page.evaluate<VideoState>(readVideo);
    await page.waitForFunction(
      `document.querySelector('[data-testid=playback-video]').currentTime > ${before.currentTime + 1}`,
      undefined,
      { timeout: 10_000, polling: 100 },
    );
    const after = await page.evaluate<VideoState>(readVideo);
    expect(after.frames).toBeGreaterThan(before.frames);
    // The clock under the video has moved into the second file's time.
    expect(after.wallMs).toBeGreaterThan(second.startMs);
    expect(after.wallMs).toBeLessThan(second.endMs + 30_000);
    await expect(page.getByTestId('playback-clock').textContent()).resolves.toMatch(
      /\d{2}:\d{2}:\d{2}/,
    );

    // 4×: media time runs well ahead of the wall clock.
    await page.getByTestId('playback-rate-4').click();
    const fast = await page.evaluate<VideoState>(readVideo);
    expect(fast.rate).toBe(4);
    const startedAt = Date.now();
    await page.waitForFunction(
      `document.querySelector('[data-testid=playback-video]').currentTime > ${fast.currentTime + 4}`,
      undefined,
      { timeout: 10_000, polling: 100 },
    );
    // Four media seconds in well under four real ones (2× at least, on a busy machine).
    expect(Date.now() - startedAt).toBeLessThan(2_500);

    // A click on the timeline's left edge (before any footage) seeks, and playback resumes at
    // the first footage after that moment: the camera's first segment.
    const timeline = page.getByTestId('playback-timeline');
    const box = await timeline.boundingBox();
    if (!box) throw new Error('the timeline has no box');
    await page.mouse.click(box.x + 3, box.y + box.height / 2);
    await page.waitForFunction(
      `(() => { const v = document.querySelector('[data-testid=playback-video]');
        const wall = Number(v.dataset.wallMs || 0);
        return wall > 0 && wall < ${second.startMs} && v.currentTime > 0.5; })()`,
      undefined,
      { timeout: 20_000, polling: 100 },
    );

    // Download the first two files' span and check it with ffprobe.
    await page.getByTestId('playback-download').click();
    await page.getByTestId('download-from').fill(vietnamInput(first.startMs + 1_000));
    await page.getByTestId('download-to').fill(vietnamInput(second.endMs - 1_000));
    await expect(page.getByTestId('download-reason').inputValue()).resolves.toBe(reason);
    const href = await page.getByTestId('download-link').getAttribute('href');
    expect(href).toContain('/download.mp4?');
    const response = await context.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="${camera.code}_\\d{8}-\\d{6}\\.mp4"$`),
    );
    const body = await response.body();
    const dir = await mkdtemp(join(tmpdir(), 'matthan-e2e-download-'));
    try {
      const file = join(dir, 'clip.mp4');
      await writeFile(file, body);
      const { stdout } = await run(ffprobeBinary(), [
        ...['-v', 'error', '-show_entries', 'format=format_name,duration', '-of', 'json', file],
      ]);
      const format = (JSON.parse(stdout) as { format: { format_name: string; duration: string } })
        .format;
      expect(format.format_name).toContain('mp4');
      const asked = (second.endMs - first.startMs - 2_000) / 1000;
      expect(Number(format.duration)).toBeGreaterThan(asked - 1);
      expect(Number(format.duration)).toBeLessThan(asked + 3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
