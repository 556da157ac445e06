// Takes docs/screenshot.png: the map page of phường Xuân Đỉnh at 1280×800, signed in as its ward
// police, from a throw-away demo server. Run after `npm run build:web`:
//   node --import tsx scripts/screenshot.ts
// Map tiles come from MATTHAN_TILE_URL (default OpenStreetMap); with no network the map shows
// its plain background, as it would for a user offline.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/seed';
import { createContext } from '../src/platform/bootstrap';
import { loadConfig } from '../src/platform/config';
import { buildApp } from '../src/platform/http/app';

const output = join(import.meta.dirname, '..', 'docs', 'screenshot.png');
const dataDir = mkdtempSync(join(tmpdir(), 'matthan-screenshot-'));
const ctx = await createContext(
  loadConfig({ dataDir, demo: true, logLevel: 'warn', secretKey: '1'.repeat(64) }),
);
const app = await buildApp(ctx);
const browser = await chromium.launch({
  executablePath: process.env.MATTHAN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
});
try {
  await seedDemo(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const page = await browser.newPage({
    viewport: { width: 1280, height: 800 },
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  await page.goto('/');
  await page.locator('#login-username').fill('police.xuandinh');
  await page.locator('#login-password').fill(DEMO_PASSWORD);
  await page.locator('.login-card form button[type=submit]').click();
  await page.waitForURL('**/map');
  await page.locator('[data-testid=camera-map][data-loaded=true]').waitFor();
  await page.locator('path.unit-outline').first().waitFor({ state: 'attached' });
  // Either some tiles arrive or the map gives up on them and says so.
  await page
    .locator('.leaflet-tile-loaded, [data-testid=tiles-unavailable]')
    .first()
    .waitFor({ timeout: 30_000 });
  await page.screenshot({ path: output });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  await app.close();
  await ctx.db.close();
  rmSync(dataDir, { recursive: true, force: true });
}
