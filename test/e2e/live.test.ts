import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { openLive } from '../integration/live-client';
import { browserSuite, DEMO_PASSWORD, login, type E2eServer } from './browser';

// Live view in Chromium against the demo's simulated cameras, recorded as under `npm start`:
// the camera page's <video> decodes frames near the live edge, the view is audited with its
// reason, and a police account of another ward is refused before any video is sent.

const suite = browserSuite(undefined, { recording: true });

async function cameraId(server: E2eServer, code: string): Promise<string> {
  const row = await server.ctx.db.kysely
    .selectFrom('cameras')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A session cookie for a demo account, through the API. */
async function sessionCookie(server: E2eServer, username: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('matthan_session='));
  return cookie!.split(';')[0]!;
}

interface VideoFacts {
  frames: number;
  width: number;
  lag: number;
}

/** What the live <video> reports now; run as a string, since the page's DOM types are not loaded. */
function videoFacts(page: Page): Promise<VideoFacts> {
  return page.evaluate(`(() => {
    const video = document.querySelector('[data-testid=live-video]');
    const ranges = video.buffered;
    const end = ranges.length > 0 ? ranges.end(ranges.length - 1) : 0;
    return {
      frames: video.getVideoPlaybackQuality().totalVideoFrames,
      width: video.videoWidth,
      lag: end - video.currentTime,
    };
  })()`);
}

it('plays the camera page’s live video near the live edge and audits the view with its reason', async () => {
  const { page } = suite.watched;
  const id = await cameraId(suite.server, 'TX1-01');
  await login(page, 'police.xuandinh');
  await page.goto(`/cameras/${id}`);

  // Someone else's camera: nothing plays until asked for; the reason is asked once for the session.
  await page.getByTestId('live-start').click();
  const reason = 'Kiểm tra an ninh ngõ 27';
  await page.locator('#view-reason-text').fill(reason);
  await page.locator('.view-reason-dialog button[type=submit]').click();
  await page.locator('[data-testid=live-player][data-state=playing]').waitFor({ timeout: 30_000 });

  const first = await videoFacts(page);
  expect(first.width).toBeGreaterThan(0);
  await page.waitForFunction(
    `document.querySelector('[data-testid=live-video]').getVideoPlaybackQuality().totalVideoFrames > ${first.frames + 25}`,
    undefined,
    { timeout: 15_000 },
  );
  // Stays within two seconds of the newest frame over several seconds of playing.
  for (let sample = 0; sample < 6; sample++) {
    const facts = await videoFacts(page);
    expect(facts.lag, `sample ${sample}`).toBeLessThan(2);
    expect(facts.width).toBe(1280);
    await page.waitForTimeout(500);
  }

  const admin = await sessionCookie(suite.server, 'admin');
  const log = await fetch(`${suite.server.baseUrl}/api/cameras/${id}/access-log`, {
    headers: { cookie: admin },
  });
  const events = (await log.json()) as {
    items: { action: string; reason: string | null; actorUsername: string }[];
  };
  expect(events.items).toContainEqual(
    expect.objectContaining({
      action: 'camera.live_view',
      reason,
      actorUsername: 'police.xuandinh',
    }),
  );
});

it('refuses another ward’s police the live stream with 403 before any video', async () => {
  const id = await cameraId(suite.server, 'TX1-01');
  const cookie = await sessionCookie(suite.server, 'police.thachtri');
  const opened = await openLive(
    suite.server.baseUrl,
    `/api/cameras/${id}/live?reason=${encodeURIComponent('thử truy cập')}`,
    cookie,
  );
  expect(opened).toMatchObject({ ok: false, status: 403 });
});

it('lets an owner watch their own alarm-only camera without a reason and raise an alarm', async () => {
  const { page } = suite.watched;
  const id = await cameraId(suite.server, 'TX1-OWN-2');
  await login(page, 'owner.demo');
  await page.goto(`/cameras/${id}`);
  // Not recorded: one on-demand connection serves the owner's own view; no reason is asked.
  await page.locator('[data-testid=live-player][data-state=playing]').waitFor({ timeout: 30_000 });
  expect(await page.locator('.view-reason-dialog').count()).toBe(0);
  const alarm = page.getByTestId('live-alarm');
  expect(await alarm.getAttribute('data-active')).toBe('false');
  await page.getByTestId('raise-alarm').click();
  await page.locator('[data-testid=live-alarm][data-active=true]').waitFor();

  const police = await sessionCookie(suite.server, 'police.xuandinh');
  const access = await fetch(`${suite.server.baseUrl}/api/cameras/${id}/live/access`, {
    headers: { cookie: police },
  });
  expect(await access.json()).toMatchObject({ allowed: true, reasonRequired: true });
});
