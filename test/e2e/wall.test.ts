import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { E2eServer } from './browser';
import { browserSuite, login } from './browser';

// The video wall in Chromium against the simulated cameras, with recording on: a ward police
// officer fills four tiles from the list, all four play, the wall is saved, and a reload brings
// it back; a camera whose owner does not share live view shows why instead of a black tile.

interface DemoCamera {
  id: string;
  code: string;
}

/** The demo's recorded street cameras in Tân Xuân 1 (police.xuandinh's ward), by code. */
async function recordingStreetCameras(server: E2eServer): Promise<DemoCamera[]> {
  return server.ctx.db.kysely
    .selectFrom('cameras')
    .select(['id', 'code'])
    .where('recording_enabled', '=', 1)
    .where('code', 'like', 'TX1-%')
    .where('consent_tier', '=', 'live_always')
    .orderBy('code')
    .execute();
}

async function cameraByCode(server: E2eServer, code: string): Promise<DemoCamera> {
  return server.ctx.db.kysely
    .selectFrom('cameras')
    .select(['id', 'code'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
}

const tile = (index: number) => `[data-testid=wall-tile][data-index="${index}"]`;

/** Selects a tile and fills it by searching the list for the camera's code. */
async function fillTile(page: Page, index: number, camera: DemoCamera): Promise<void> {
  await page.locator(`${tile(index)} .wall-tile-select`).click();
  await page.locator('#wall-camera-search').fill(camera.code);
  await page
    .locator(`[data-testid=wall-camera-results] button[data-camera-id="${camera.id}"]`)
    .click();
  await page.locator(`${tile(index)}[data-camera-id="${camera.id}"]`).waitFor();
}

/** Answers the view-reason dialog if it is open (it is asked once per browser session). */
async function giveReasonWhenAsked(page: Page, reason: string): Promise<void> {
  const dialog = page.locator('dialog.view-reason-dialog[open]');
  await dialog.waitFor({ timeout: 20_000 });
  await dialog.locator('textarea').fill(reason);
  await dialog.locator('button[type=submit]').click();
  await dialog.waitFor({ state: 'detached' });
}

interface VideoSample {
  width: number;
  frames: number;
}

// Strings, not functions: they run in the page, whose DOM types this project does not load.
const sampleVideos = `Array.from(document.querySelectorAll('[data-testid=wall-tile] video')).map((video) => ({
  width: video.videoWidth,
  frames: video.getVideoPlaybackQuality().totalVideoFrames,
}))`;

/** Waits until `count` tile videos show pictures and each has decoded more frames since. */
async function waitForPlayingVideos(page: Page, count: number, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let first: VideoSample[] | null = null;
  for (;;) {
    const samples = await page.evaluate<VideoSample[]>(sampleVideos);
    const showing = samples.length === count && samples.every((s) => s.width > 0 && s.frames > 0);
    if (showing && !first) first = samples;
    else if (showing && first && samples.every((s, i) => s.frames > (first?.[i]?.frames ?? 0)))
      return;
    if (Date.now() > deadline)
      throw new Error(`videos not playing within ${timeoutMs} ms: ${JSON.stringify(samples)}`);
    await page.waitForTimeout(250);
  }
}

describe('video wall', () => {
  const suite = browserSuite(undefined, { recording: true });

  it('plays a 4-tile wall of recording cameras, saves it and restores it after a reload', async () => {
    const { page } = suite.watched;
    const cameras = (await recordingStreetCameras(suite.server)).slice(0, 4);
    expect(cameras).toHaveLength(4);

    await login(page, 'police.xuandinh');
    await page.locator('#main-nav a[href="/wall"]').click();
    await page.waitForURL('**/wall');
    await page.locator('button[data-wall-size="4"]').click();
    await expect(page.locator('[data-testid=wall-tile]').count()).resolves.toBe(4);

    await fillTile(page, 0, cameras[0]!);
    // The first live tile asks why; the other tiles reuse the answer for this session.
    await giveReasonWhenAsked(page, 'Kiểm tra an ninh khu vực Tân Xuân 1');
    for (const [index, camera] of cameras.entries()) {
      if (index > 0) await fillTile(page, index, camera);
    }
    await waitForPlayingVideos(page, 4);
    expect(await page.locator('dialog.view-reason-dialog[open]').count()).toBe(0);

    await page.getByTestId('wall-save-as').click();
    await page.locator('#wall-layout-name').fill('Bốn ngõ Tân Xuân');
    await page.locator('.wall-name-form button[type=submit]').click();
    await page.locator('#wall-layout option:checked', { hasText: 'Bốn ngõ Tân Xuân' }).waitFor({
      state: 'attached',
    });

    await page.reload();
    for (const [index, camera] of cameras.entries())
      await page.locator(`${tile(index)}[data-camera-id="${camera.id}"]`).waitFor();
    await expect(page.locator('#wall-layout option:checked').textContent()).resolves.toBe(
      'Bốn ngõ Tân Xuân',
    );
    await waitForPlayingVideos(page, 4);

    const audited = await suite.server.ctx.db.kysely
      .selectFrom('audit_events')
      .select('target_id')
      .where('actor_username', '=', 'police.xuandinh')
      .where('reason', '=', 'Kiểm tra an ninh khu vực Tân Xuân 1')
      .execute();
    const viewed = new Set(audited.map((event) => event.target_id));
    for (const camera of cameras) expect(viewed.has(camera.id), camera.code).toBe(true);
  });

  it('asks for the reason once per session and again after logging out and in', async () => {
    const { page } = suite.watched;
    const [first, second] = await recordingStreetCameras(suite.server);
    if (!first || !second) throw new Error('the demo has fewer than two recorded street cameras');

    await login(page, 'police.xuandinh');
    await page.goto('/wall');
    await page.locator('button[data-wall-size="4"]').click();
    await fillTile(page, 0, first);
    await giveReasonWhenAsked(page, 'Tuần tra buổi tối');
    await expect(page.evaluate("sessionStorage.getItem('matthan.viewReason')")).resolves.toBe(
      'Tuần tra buổi tối',
    );

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.locator('#login-username').waitFor();
    await expect(page.evaluate("sessionStorage.getItem('matthan.viewReason')")).resolves.toBeNull();

    await login(page, 'police.xuandinh');
    await page.goto('/wall');
    await page.locator('button[data-wall-size="4"]').click();
    await fillTile(page, 1, second);
    await giveReasonWhenAsked(page, 'Ca trực mới');
  });

  it('shows why a tile has no video when the owner does not share live view', async () => {
    const { page } = suite.watched;
    const private_ = await cameraByCode(suite.server, 'TX1-OWN-1');

    await login(page, 'police.xuandinh');
    await page.goto('/wall');
    await page.locator('button[data-wall-size="1"]').click();
    await fillTile(page, 0, private_);
    const status = page.locator(`${tile(0)}[data-status=denied] [data-testid=wall-tile-status]`);
    await status.waitFor();
    await expect(status.textContent()).resolves.toContain('Không được xem trực tiếp camera này.');
    expect(await page.locator(`${tile(0)} video`).count()).toBe(0);
  });
});

describe('video wall on a 390-pixel phone', () => {
  const suite = browserSuite({ viewport: { width: 390, height: 844 }, hasTouch: true });

  it('lays 9 tiles out in two columns and opens a camera on a double tap', async () => {
    const { page } = suite.watched;
    const camera = await cameraByCode(suite.server, 'TX1-OWN-1');
    await login(page, 'police.xuandinh');
    await page.goto('/wall');
    await page.locator('button[data-wall-size="9"]').click();
    const columns = await page.evaluate<number>(
      "getComputedStyle(document.querySelector('[data-testid=wall-grid]')).gridTemplateColumns.split(' ').length",
    );
    expect(columns).toBe(2);

    await fillTile(page, 0, camera);
    const body = page.locator(`${tile(0)} [data-testid=wall-tile-status]`);
    await body.tap();
    await body.tap();
    await page.waitForURL(`**/cameras/${camera.id}`);
    await page.getByTestId('camera-name').waitFor();
  });
});
