import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, login, waitForMapCameras } from './browser';

const phone = { viewport: { width: 390, height: 844 }, hasTouch: true };

/** How far the page is wider than the screen, in pixels (0 when nothing scrolls sideways). */
function horizontalOverflow(page: Page): Promise<number> {
  // A string, not a function: it runs in the page, whose DOM types this project does not load.
  return page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
}

describe('on a 390-pixel phone screen', () => {
  const suite = browserSuite(phone);

  it('has no horizontal overflow on any page, and the navigation folds into a menu', async () => {
    const { page } = suite.watched;
    await page.goto('/');
    await page.locator('#login-username').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);

    await login(page, 'police.xuandinh');
    await page.waitForURL('**/map');
    expect(await waitForMapCameras(page)).toBeGreaterThan(0);
    expect(await horizontalOverflow(page)).toBe(0);

    const nav = page.locator('#main-nav');
    expect(await nav.isVisible()).toBe(false);
    await page.locator('.menu-toggle').click();
    await nav.waitFor({ state: 'visible' });
    await nav.locator('a[href="/cameras"]').click();
    await page.waitForURL('**/cameras');
    await nav.waitFor({ state: 'hidden' });
    await page.locator('[data-testid=camera-table] tbody tr').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);

    await page.locator('[data-testid=camera-table] tbody tr a').first().click();
    await page.getByTestId('camera-name').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);

    for (const path of ['/cameras/new', '/import']) {
      await page.goto(path);
      await page.locator('h1').waitFor();
      expect(await horizontalOverflow(page), path).toBe(0);
    }
  });

  it('lets an owner register a camera and change its consent tier with an expiry', async () => {
    const { page } = suite.watched;
    await login(page, 'owner.demo');
    await page.waitForURL('**/mine');
    await page.locator('.page-header a[href="/cameras/new"]').click();
    await page.locator('#camera-code').fill('E2E-OWNER-1');
    await page.locator('#camera-name').fill('Cổng nhà số 21');
    const picker = page.getByTestId('map-picker');
    await picker.scrollIntoViewIfNeeded();
    await picker.tap({ position: { x: 150, y: 150 } });
    await page.locator('path.picker-wedge').waitFor();
    await page.locator('#camera-heading').fill('200');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.locator('.camera-form button[type=submit]').click();
    await page.waitForURL(/\/cameras\/(?!new)[^/]+$/);

    await page.locator('.menu-toggle').click();
    await page.locator('#main-nav a[href="/mine"]').click();
    const card = page.locator('article[data-camera-code="E2E-OWNER-1"]');
    await card.waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await card.locator('select').selectOption('live_on_alarm');
    await card.locator('input[type=datetime-local]').fill('2030-01-01T08:00');
    await card.locator('button[type=submit]').click();
    await card.getByRole('status').waitFor();

    const stored = await suite.server.ctx.db.kysely
      .selectFrom('cameras')
      .select(['consent_tier', 'consent_expires_at', 'owner_kind'])
      .where('code', '=', 'E2E-OWNER-1')
      .executeTakeFirstOrThrow();
    // 08:00 in Hà Nội is 01:00 UTC.
    expect(stored).toEqual({
      consent_tier: 'live_on_alarm',
      consent_expires_at: '2030-01-01T01:00:00.000Z',
      owner_kind: 'household',
    });
  });
});
