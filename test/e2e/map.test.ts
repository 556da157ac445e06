import { describe, expect, it } from 'vitest';
import { browserSuite, drawn, login, waitForMapCameras } from './browser';

describe('map page', () => {
  const suite = browserSuite();

  it('shows the demo accounts on the Vietnamese login page in demo mode', async () => {
    const { page } = suite.watched;
    await page.goto('/');
    await expect(page.locator('label[for=login-username]').textContent()).resolves.toBe(
      'Tên đăng nhập',
    );
    const hint = page.getByTestId('demo-hint');
    await hint.waitFor();
    await expect(hint.textContent()).resolves.toContain('police.xuandinh');
  });

  it('shows the API error message when the password is wrong', async () => {
    const { page } = suite.watched;
    suite.watched.expectFailure({ path: '/api/auth/login', status: 401 });
    await page.goto('/');
    await page.locator('#login-username').fill('police.xuandinh');
    await page.locator('#login-password').fill('not-the-password');
    await page.locator('.login-card form button[type=submit]').click();
    const alert = page.locator('.login-card [role=alert]');
    await alert.waitFor();
    await expect(alert.getAttribute('data-error-code')).resolves.toBe('invalid_credentials');
    // The sentence in Vietnamese, then the API's own message.
    await expect(alert.textContent()).resolves.toContain('Sai tên đăng nhập hoặc mật khẩu');
    await expect(alert.locator('.error-detail').textContent()).resolves.toBe(
      'wrong username or password',
    );
  });

  it('draws the demo cameras of Xuân Đỉnh as wedges on a plain background when tiles cannot load', async () => {
    const { page } = suite.watched;
    await login(page, 'police.xuandinh');
    await page.waitForURL('**/map');
    expect(await waitForMapCameras(page)).toBeGreaterThan(10);
    await expect(page.getByTestId('camera-map').getAttribute('data-mode')).resolves.toBe('wedges');
    expect(await page.locator(drawn('path.camera-wedge')).count()).toBeGreaterThan(10);
    expect(await page.locator('path.unit-outline').count()).toBeGreaterThan(0);
    await page.getByTestId('tiles-unavailable').waitFor();
  });

  it('clusters cameras when zoomed out', async () => {
    const { page } = suite.watched;
    await login(page, 'police.xuandinh');
    await page.waitForURL('**/map');
    await page.locator(drawn('path.camera-wedge')).first().waitFor();
    const zoomOut = page.locator('.leaflet-control-zoom-out');
    await zoomOut.click();
    await page.waitForFunction("document.querySelector('.leaflet-zoom-anim') === null");
    await zoomOut.click();
    await page.locator('[data-testid=camera-map][data-mode=clusters]').waitFor();
    await page.locator('.marker-cluster, .camera-dot').first().waitFor();
    expect(await page.locator('path.camera-wedge').count()).toBe(0);
  });

  it("opens a camera's page from its popup", async () => {
    const { page } = suite.watched;
    await login(page, 'police.xuandinh');
    await page.waitForURL('**/map');
    const position = page.locator(drawn('path.camera-position')).first();
    await position.waitFor();
    await position.dispatchEvent('click');
    const link = page.locator('.camera-popup a.popup-link');
    await link.waitFor();
    const name = await page.locator('.camera-popup strong').textContent();
    await link.click();
    await page.waitForURL(/\/cameras\/[^/]+$/);
    await expect(page.getByTestId('camera-name').textContent()).resolves.toBe(name);
  });

  it('switches to English and remembers the choice after a reload', async () => {
    const { page } = suite.watched;
    await login(page, 'police.xuandinh');
    await page.waitForURL('**/map');
    await expect(page.locator('#main-nav a[href="/map"]').textContent()).resolves.toBe('Bản đồ');
    await page.locator('.shell-user button[data-language=en]').click();
    await expect(page.locator('#main-nav a[href="/map"]').textContent()).resolves.toBe('Map');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.reload();
    await page.locator('#main-nav a[href="/cameras"]').waitFor();
    await expect(page.locator('#main-nav a[href="/cameras"]').textContent()).resolves.toBe(
      'Cameras',
    );
    await expect(page.locator('.map-toolbar h1').textContent()).resolves.toBe('Camera map');
  });
});
