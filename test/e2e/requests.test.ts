import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegBinary } from '../../src/platform/ffmpeg';
import { offsetPoint } from '../../web/src/map/geometry';
import { browserSuite, login, openPage } from './browser';

// The owner's side of a footage request, on a phone: an officer asks for footage of a camera
// owner.demo shares on request; the owner sees it under "my requests" and on the bell, uploads
// a short MP4 from their recorder and gets its SHA-256; the officer finds the same file, with
// the same hash, in the case.

const run = promisify(execFile);
const phone = { viewport: { width: 390, height: 844 }, hasTouch: true };
const hourMs = 3_600_000;

describe('footage requests in the browser', () => {
  const suite = browserSuite(phone);
  let workDir: string;
  let clipPath: string;
  let clipSha256: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'matthan-e2e-upload-'));
    clipPath = join(workDir, 'dau-ghi-cong-truoc.mp4');
    const ffmpeg = ffmpegBinary(suite.server.ctx.config.ffmpegPath);
    await run(ffmpeg, [
      '-hide_banner',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x240:rate=10:duration=2',
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      '-movflags',
      '+faststart',
      '-y',
      clipPath,
    ]);
    clipSha256 = createHash('sha256')
      .update(await readFile(clipPath))
      .digest('hex');
  }, 60_000);
  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('lets an owner answer a request from a phone with an upload the officer then sees in the case', async () => {
    const { server, browser } = suite;
    const camera = await server.ctx.db.kysely
      .selectFrom('cameras')
      .select(['id', 'code', 'latitude', 'longitude', 'heading', 'range_m', 'consent_tier'])
      .where('code', '=', 'TX1-OWN-2')
      .executeTakeFirstOrThrow();
    expect(camera.consent_tier).not.toBe('registry_only');

    // The officer, at a desk: a case in front of the owner's camera, then a request through
    // the finder's checkbox.
    const officer = await openPage(browser, server);
    try {
      await login(officer.page, 'police.xuandinh');
      const [latitude, longitude] = offsetPoint(
        camera.latitude,
        camera.longitude,
        camera.heading,
        camera.range_m / 2,
      );
      const now = Date.now();
      const created = await officer.page.request.post('/api/incidents', {
        data: {
          type: 'burglary',
          description: 'Đột nhập nhà số 15 ngõ 27',
          latitude,
          longitude,
          from: new Date(now - hourMs).toISOString(),
          to: new Date(now - 60_000).toISOString(),
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      const incident = (await created.json()) as { id: string; caseNumber: string };

      await officer.page.goto(`/incidents/${incident.id}`);
      const row = officer.page.locator(
        `[data-testid=finder-panel] [data-testid=finder-group-on_request] [data-camera-code="${camera.code}"]`,
      );
      await row.waitFor({ timeout: 20_000 });
      await row.getByTestId('finder-select').check();
      await officer.page.getByTestId('request-open').click();
      await officer.page.locator('#request-reason').fill('Đề nghị cung cấp hình ảnh cổng nhà');
      await officer.page.getByTestId('request-submit').click();
      await officer.page
        .locator('[data-testid=request-row][data-status=pending]', { hasText: camera.code })
        .waitFor();

      // The owner, on a phone: the bell counts the request and "my requests" shows it.
      const { page } = suite.watched;
      await login(page, 'owner.demo');
      await expect
        .poll(() => page.getByTestId('notification-bell').getAttribute('data-unread'), {
          timeout: 15_000,
        })
        .not.toBe('0');
      await page.getByTestId('notification-bell').click();
      await page.getByTestId('notification-item').first().click();
      await page.waitForURL(/\/my-requests$/);

      const card = page.locator('[data-testid=request-card]', { hasText: incident.caseNumber });
      await card.waitFor();
      await expect(card.getByTestId('request-status').getAttribute('class')).resolves.toContain(
        'pending',
      );
      // Made for the phone: the card fits the screen without a sideways scroll.
      const width = await page.evaluate('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(390);

      await card.getByTestId('upload-file').setInputFiles(clipPath);
      await card.getByTestId('upload-submit').click();
      await expect(
        card.getByTestId('upload-sha256').textContent({ timeout: 30_000 }),
      ).resolves.toBe(clipSha256);

      // Back at the desk: the upload is evidence of the case, with the same fingerprint.
      await officer.page.reload();
      const item = officer.page.locator('[data-testid=evidence-row][data-kind=upload]').first();
      await item.waitFor({ timeout: 20_000 });
      await expect(item.getByTestId('evidence-sha256').getAttribute('data-sha256')).resolves.toBe(
        clipSha256,
      );
      expect(officer.problems).toEqual([]);
    } finally {
      await officer.close();
    }
  }, 180_000);
});
