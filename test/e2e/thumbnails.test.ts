import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, DEMO_PASSWORD, login, type E2eServer } from './browser';

// Camera pictures in the lists, in Chromium against the demo's simulated cameras recorded as
// under `npm start`. A short window keeps most rows below the fold, so the pictures must load
// only as rows come on screen; any refused or missing picture would fail the test through the
// console error Chromium logs for it.

const suite = browserSuite({ viewport: { width: 1280, height: 480 } }, { recording: true });
const reason = 'Rà soát camera tổ dân phố Tân Xuân 1';

interface DemoCamera {
  id: string;
  code: string;
}

/** Demo cameras whose code starts with `prefix`, all or only those recorded. */
async function cameras(
  server: E2eServer,
  prefix: string,
  only: 'all' | 'recorded' = 'all',
): Promise<DemoCamera[]> {
  let query = server.ctx.db.kysely
    .selectFrom('cameras')
    .select(['id', 'code'])
    .where('code', 'like', `${prefix}%`);
  if (only === 'recorded') query = query.where('recording_enabled', '=', 1);
  return query.orderBy('code').execute();
}

/** Tân Xuân 1's street cameras (the owner's household cameras share the prefix). */
const street = (list: DemoCamera[]) => list.filter((camera) => !camera.code.startsWith('TX1-OWN'));

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

/**
 * Waits, outside the browser, until each camera is online and has a picture: the page asks only
 * for pictures of online cameras, and one not recorded yet would answer 404.
 */
async function waitForPictures(
  server: E2eServer,
  username: string,
  list: DemoCamera[],
  withReason: boolean,
): Promise<void> {
  const cookie = await sessionCookie(server, username);
  const deadline = Date.now() + 90_000;
  for (const camera of list) {
    for (;;) {
      const response = await fetch(`${server.baseUrl}/api/recording/status`, {
        headers: { cookie },
      });
      // Not ok is "not yet" here: the status has been seen to fail briefly while recorders start.
      const status = response.ok
        ? ((await response.json()) as { items: { cameraId: string; state: string }[] })
        : { items: [] };
      const online = status.items.some((i) => i.cameraId === camera.id && i.state === 'online');
      const query = withReason ? `?reason=${encodeURIComponent(reason)}` : '';
      const picture = online
        ? await fetch(`${server.baseUrl}/api/cameras/${camera.id}/snapshot.jpg${query}`, {
            headers: { cookie },
          })
        : null;
      if (picture?.status === 200) break;
      if (Date.now() > deadline) throw new Error(`${camera.code} has no picture`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** Picture requests the page makes, by camera id. */
function watchSnapshots(page: Page): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  page.on('request', (request) => {
    const match = /\/api\/cameras\/([^/]+)\/snapshot\.jpg/.exec(request.url());
    if (!match) return;
    const id = decodeURIComponent(match[1]!);
    seen.set(id, [...(seen.get(id) ?? []), request.url()]);
  });
  return seen;
}

const row = (code: string) => `[data-camera-code="${code}"]`;
const thumbnail = (code: string) => `${row(code)} [data-testid=camera-thumbnail]`;

async function waitForPicture(page: Page, code: string): Promise<void> {
  await page.locator(thumbnail(code)).scrollIntoViewIfNeeded();
  await page.locator(`${thumbnail(code)}[data-thumbnail=shown] img`).waitFor({ timeout: 20_000 });
  await page.waitForFunction(
    `document.querySelector('${thumbnail(code)} img')?.naturalWidth > 0`,
    undefined,
    { timeout: 10_000 },
  );
}

describe('camera thumbnails', () => {
  it('shows police real pictures of the online recording cameras once a reason is given, placeholders for the rest', async () => {
    const { page } = suite.watched;
    const all = street(await cameras(suite.server, 'TX1-'));
    const live = street(await cameras(suite.server, 'TX1-', 'recorded'));
    expect(live.length).toBeGreaterThan(2);
    await waitForPictures(suite.server, 'police.xuandinh', live, true);
    const unit = await suite.server.ctx.db.kysely
      .selectFrom('jurisdictions')
      .select('id')
      .where('code', '=', '00611-TX1')
      .executeTakeFirstOrThrow();

    const snapshots = watchSnapshots(page);
    await login(page, 'police.xuandinh');
    await page.goto(`/cameras?jurisdictionId=${unit.id}&ownerKind=residential_group`);
    for (const camera of live)
      await page.locator(`${thumbnail(camera.code)}[data-thumbnail=needsReason]`).waitFor();
    // Nothing is fetched for someone else's camera before the reason is given.
    expect(snapshots.size).toBe(0);

    await page.getByTestId('thumbnail-reason').click();
    await page.locator('#view-reason-text').fill(reason);
    await page.locator('.view-reason-dialog button[type=submit]').click();
    await page.getByTestId('thumbnail-reason').waitFor({ state: 'detached' });

    // Rows below the fold wait until they are scrolled to.
    const [first] = live;
    const last = live.at(-1)!;
    await waitForPicture(page, first!.code);
    const lastBox = await page.locator(thumbnail(last.code)).boundingBox();
    expect(lastBox!.y).toBeGreaterThan(480 + 200);
    expect(snapshots.has(last.id)).toBe(false);

    for (const camera of live) await waitForPicture(page, camera.code);
    const liveIds = new Set(live.map((camera) => camera.id));
    for (const camera of all.filter((one) => !liveIds.has(one.id))) {
      await page.locator(thumbnail(camera.code)).scrollIntoViewIfNeeded();
      await expect(
        page.locator(thumbnail(camera.code)).getAttribute('data-thumbnail'),
      ).resolves.toBe('state');
      expect(await page.locator(`${thumbnail(camera.code)} img`).count()).toBe(0);
    }
    // Only the allowed, online cameras were asked for, each with the reason.
    expect([...snapshots.keys()].every((id) => liveIds.has(id))).toBe(true);
    for (const urls of snapshots.values())
      for (const url of urls) expect(new URL(url).searchParams.get('reason')).toBe(reason);
    expect(await page.locator('#view-reason-text').count()).toBe(0);
  });

  it('shows an owner the picture of their recorded camera without asking for a reason', async () => {
    const { page } = suite.watched;
    const own = await cameras(suite.server, 'TX1-OWN-');
    const ownRecorded = await cameras(suite.server, 'TX1-OWN-', 'recorded');
    expect(ownRecorded).toHaveLength(1);
    await waitForPictures(suite.server, 'owner.demo', ownRecorded, false);

    const snapshots = watchSnapshots(page);
    await login(page, 'owner.demo');
    await page.goto('/mine');
    await waitForPicture(page, ownRecorded[0]!.code);
    for (const camera of own.filter((one) => one.id !== ownRecorded[0]!.id)) {
      await page.locator(`${thumbnail(camera.code)}[data-thumbnail=state]`).waitFor();
    }
    expect(await page.locator('#view-reason-text').count()).toBe(0);
    expect(await page.getByTestId('thumbnail-reason').count()).toBe(0);
    expect([...snapshots.keys()]).toEqual([ownRecorded[0]!.id]);
    for (const url of snapshots.get(ownRecorded[0]!.id)!)
      expect(new URL(url).searchParams.has('reason')).toBe(false);
  });
});
