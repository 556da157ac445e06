import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { E2eServer } from './browser';
import { browserSuite, login } from './browser';

// The recording screens in Chromium: the health page, the camera page's recording section, and
// badges that follow `camera.health` events pushed over the events socket. The server runs with
// recording off (no ffmpeg), so recorders report `disabled`/`offline` until an event says more.

const states = ['online', 'connecting', 'offline', 'auth_failed', 'error', 'disabled'];

interface DemoCamera {
  id: string;
  code: string;
  jurisdictionPath: string;
  ownerUserId: string | null;
}

const cameraColumns = ['id', 'code', 'jurisdiction_path', 'owner_user_id'] as const;

function demoCamera(row: {
  id: string;
  code: string;
  jurisdiction_path: string;
  owner_user_id: string | null;
}): DemoCamera {
  return {
    id: row.id,
    code: row.code,
    jurisdictionPath: row.jurisdiction_path,
    ownerUserId: row.owner_user_id,
  };
}

/** The demo's cameras with recording switched on, in Tân Xuân 1 (police.xuandinh's ward). */
async function recordingCameras(server: E2eServer): Promise<DemoCamera[]> {
  const rows = await server.ctx.db.kysely
    .selectFrom('cameras')
    .select(cameraColumns)
    .where('recording_enabled', '=', 1)
    .where('code', 'like', 'TX1-%')
    .orderBy('code')
    .execute();
  return rows.map(demoCamera);
}

async function cameraByCode(server: E2eServer, code: string): Promise<DemoCamera> {
  const row = await server.ctx.db.kysely
    .selectFrom('cameras')
    .select(cameraColumns)
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return demoCamera(row);
}

function publishHealth(server: E2eServer, camera: DemoCamera, data: Record<string, unknown>) {
  server.ctx.events.publish({
    type: 'camera.health',
    jurisdictionPath: camera.jurisdictionPath,
    ownerUserId: camera.ownerUserId,
    data: { cameraId: camera.id, ...data },
  });
}

/**
 * Publishes an event until the page shows its effect: events sent before the page's socket has
 * opened are not replayed, and the camera list has no indicator of the socket's state to wait on.
 */
async function publishUntilShown(
  page: Page,
  selector: string,
  publish: () => void,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    publish();
    try {
      await page.locator(selector).waitFor({ timeout: 500 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/** A mark on the window that a reload would wipe. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate('window.__recordingTestMark = true');
}
async function stillSamePage(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('window.__recordingTestMark === true');
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const healthBadge = (rowSelector: string, state: string) =>
  `${rowSelector} [data-health-state="${state}"]`;

describe('recording screens', () => {
  const suite = browserSuite();

  it('lists the demo recording cameras on the health page, each with a state, and the storage figures', async () => {
    const { page } = suite.watched;
    const expected = await recordingCameras(suite.server);
    expect(expected.length).toBeGreaterThan(0);

    await login(page, 'police.xuandinh');
    await page.locator('#main-nav a[href="/health"]').click();
    await page.waitForURL('**/health');
    await expect(page.locator('h1').textContent()).resolves.toBe('Tình trạng camera và lưu trữ');
    await page.getByTestId('health-table').waitFor();

    for (const camera of expected) {
      const badge = page.locator(`tr[data-camera-id="${camera.id}"] [data-health-state]`);
      await badge.waitFor();
      expect(states).toContain(await badge.getAttribute('data-health-state'));
    }
    const total = Number(await page.getByTestId('health-count-all').textContent());
    expect(total).toBeGreaterThanOrEqual(expected.length);
    await page.getByTestId('storage-used').waitFor();
    await expect(page.getByTestId('storage-last-retention').textContent()).resolves.not.toBe('');
  });

  it('shows the recording section on a camera page, and records who stopped recording and why', async () => {
    const { page } = suite.watched;
    const [camera] = await recordingCameras(suite.server);
    if (!camera) throw new Error('the demo has no recording camera in Tân Xuân 1');

    await login(page, 'police.xuandinh');
    await page.goto(`/cameras/${camera.id}`);
    const section = page.getByTestId('recording-section');
    await section.waitFor();
    expect(states).toContain(
      await section.locator('[data-health-state]').first().getAttribute('data-health-state'),
    );
    await page.getByTestId('segments-today').waitFor();
    await expect(page.getByTestId('recording-on').textContent()).resolves.toBe('Đang bật');

    await page.getByTestId('recording-toggle').click();
    await page.locator('#recording-reason').fill('Camera chuyển vị trí, tạm dừng ghi');
    await section.locator('form button[type=submit]').click();
    await page
      .locator('[data-testid=recording-on]', { hasText: 'Đang tắt' })
      .waitFor({ timeout: 10_000 });

    const stored = await suite.server.ctx.db.kysely
      .selectFrom('cameras')
      .select('recording_enabled')
      .where('id', '=', camera.id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.recording_enabled)).toBe(0);
    const audited = await suite.server.ctx.db.kysely
      .selectFrom('audit_events')
      .select(['actor_username'])
      .where('target_id', '=', camera.id)
      .where('reason', '=', 'Camera chuyển vị trí, tạm dừng ghi')
      .execute();
    expect(audited).toEqual([{ actor_username: 'police.xuandinh' }]);
  });

  it('shows an owner the recording section of their own camera without the holds', async () => {
    const { page } = suite.watched;
    const camera = await cameraByCode(suite.server, 'TX1-OWN-1');
    await login(page, 'owner.demo');
    await page.goto(`/cameras/${camera.id}`);
    await page.getByTestId('recording-section').waitFor();
    await page.getByTestId('segments-today').waitFor();
    await page.getByTestId('recording-toggle').waitFor();
    expect(await page.getByTestId('hold-list').count()).toBe(0);
  });

  it('changes the badge in the camera list and on the health page when a camera.health event arrives, without a reload', async () => {
    const { page } = suite.watched;
    const cameras = await recordingCameras(suite.server);
    const camera = cameras.at(-1);
    if (!camera) throw new Error('the demo has no recording camera in Tân Xuân 1');
    const row = `tr[data-camera-code="${camera.code}"]`;

    await login(page, 'police.xuandinh');
    await page.goto(`/cameras?q=${encodeURIComponent(camera.code)}`);
    await page.locator(`${row} [data-testid=health-cell] [data-health-state]`).waitFor();
    await markPage(page);

    await publishUntilShown(page, healthBadge(row, 'online'), () =>
      publishHealth(suite.server, camera, { state: 'online', bitrateKbps: 2048, fps: 25 }),
    );
    await expect(page.locator(healthBadge(row, 'online')).textContent()).resolves.toBe(
      'Trực tuyến',
    );
    // The socket is open now: one event is enough.
    publishHealth(suite.server, camera, { state: 'offline', lastError: 'connection refused' });
    await page.locator(healthBadge(row, 'offline')).waitFor({ timeout: 10_000 });
    await expect(page.locator(healthBadge(row, 'offline')).textContent()).resolves.toBe(
      'Mất tín hiệu',
    );
    expect(await stillSamePage(page)).toBe(true);

    await page.locator('#main-nav a[href="/health"]').click();
    const healthRow = `tr[data-camera-id="${camera.id}"]`;
    await page.locator(`${healthRow} [data-health-state]`).waitFor();
    await page.locator('[data-testid=live-indicator][data-status=open]').waitFor();
    publishHealth(suite.server, camera, { state: 'auth_failed', lastError: '401 Unauthorized' });
    await page.locator(healthBadge(healthRow, 'auth_failed')).waitFor({ timeout: 10_000 });
    await expect(page.locator(healthRow).textContent()).resolves.toContain('401 Unauthorized');
    expect(await stillSamePage(page)).toBe(true);
  });

  it('reconnects the events socket after the server drops it, badges follow events again, and logout closes it', async () => {
    const { page } = suite.watched;
    const cameras = await recordingCameras(suite.server);
    const camera = cameras.at(-1);
    if (!camera) throw new Error('the demo has no recording camera in Tân Xuân 1');
    const row = `tr[data-camera-id="${camera.id}"]`;

    await login(page, 'police.xuandinh');
    await page.goto('/health');
    await page.locator(`${row} [data-health-state]`).waitFor();
    await page.locator('[data-testid=live-indicator][data-status=open]').waitFor();
    await markPage(page);

    // As a proxy or a restarting node would: the connection ends without a closing handshake.
    for (const client of suite.server.app.websocketServer.clients) client.terminate();
    await page.locator('[data-testid=live-indicator][data-status=closed]').waitFor();
    // The first retry comes after about a second.
    await page.locator('[data-testid=live-indicator][data-status=open]').waitFor({
      timeout: 5_000,
    });
    publishHealth(suite.server, camera, { state: 'error', lastError: 'the stream has no video' });
    await page.locator(healthBadge(row, 'error')).waitFor({ timeout: 10_000 });
    expect(await stillSamePage(page)).toBe(true);

    // Logging out closes the socket: the server is left with no listener for this browser.
    await page.locator('.shell-user button.secondary').click();
    await page.locator('#login-username').waitFor();
    await waitUntil(() => suite.server.app.websocketServer.clients.size === 0, 5_000);
  });
});

describe('recording screens on a 390-pixel phone', () => {
  const suite = browserSuite({ viewport: { width: 390, height: 844 }, hasTouch: true });

  it('fits the health page and the recording section without sideways scrolling', async () => {
    const { page } = suite.watched;
    const [camera] = await recordingCameras(suite.server);
    if (!camera) throw new Error('the demo has no recording camera in Tân Xuân 1');
    const overflow = () =>
      page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

    await login(page, 'police.xuandinh');
    await page.goto('/health');
    await page.getByTestId('health-table').waitFor();
    await page.getByTestId('storage-used').waitFor();
    expect(await overflow()).toBe(0);

    await page.goto(`/cameras/${camera.id}`);
    await page.getByTestId('segments-today').waitFor();
    expect(await overflow()).toBe(0);
  });
});
