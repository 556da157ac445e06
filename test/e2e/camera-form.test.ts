import { describe, expect, it } from 'vitest';
import { browserSuite, login, openPage } from './browser';

describe('camera form with the map picker', () => {
  const suite = browserSuite();

  it('creates a camera placed by clicking the map and aimed with the handle and slider, then finds it in the list', async () => {
    const { page } = suite.watched;
    await login(page, 'police.xuandinh');
    await page.locator('.map-toolbar a[href="/cameras/new"]').click();
    await page.waitForURL('**/cameras/new');
    await page.locator('#camera-code').fill('E2E-PICKER-1');
    await page.locator('#camera-name').fill('Camera ngõ 99 thử nghiệm');
    await page.locator('#camera-ownerKind').selectOption('residential_group');

    const picker = page.getByTestId('map-picker');
    await picker.scrollIntoViewIfNeeded();
    const box = await picker.boundingBox();
    if (!box) throw new Error('the picker map has no size');
    await picker.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await page.locator('path.picker-wedge').waitFor();

    // Drag the handle due east of the camera: the heading follows the pointer.
    const handle = page.locator('.picker-handle');
    const start = await handle.boundingBox();
    if (!start) throw new Error('the heading handle is not shown');
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    await page.mouse.move(centre.x + 40, centre.y, { steps: 5 });
    await page.mouse.move(centre.x + 60, centre.y, { steps: 5 });
    await page.mouse.up();
    // East is 90°; a pixel of rounding either way is fine.
    const dragged = Number(await page.locator('#camera-heading').inputValue());
    expect(Math.abs(dragged - 90)).toBeLessThanOrEqual(3);

    // Then fine-tune with the sliders.
    await page.locator('#camera-heading').fill('135');
    await page.locator('#camera-fov').fill('70');
    await page.locator('#camera-rangeM').fill('45');
    await expect(page.locator('output[for=camera-heading]').textContent()).resolves.toContain(
      '135',
    );

    await page.locator('.camera-form button[type=submit]').click();
    await page.waitForURL(/\/cameras\/(?!new)[^/]+$/);
    await expect(page.getByTestId('camera-name').textContent()).resolves.toBe(
      'Camera ngõ 99 thử nghiệm',
    );
    await expect(page.locator('.facts').textContent()).resolves.toContain(
      'hướng 135°, góc 70°, tầm 45 m',
    );

    await page.locator('#main-nav a[href="/cameras"]').click();
    await page.locator('#filter-q').fill('ngo 99 thu nghiem');
    const row = page.locator('tr[data-camera-code="E2E-PICKER-1"]');
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Camera ngõ 99 thử nghiệm');
  });

  it('shows the API error beside the field it names', async () => {
    const { page } = suite.watched;
    suite.watched.expectFailure({ path: '/api/cameras', status: 409 });
    await login(page, 'police.xuandinh');
    await page.goto('/cameras/new');
    const existing = await suite.server.ctx.db.kysely
      .selectFrom('cameras')
      .select('code')
      .limit(1)
      .executeTakeFirstOrThrow();
    await page.locator('#camera-code').fill(existing.code);
    await page.locator('#camera-name').fill('Trùng mã');
    const picker = page.getByTestId('map-picker');
    await picker.scrollIntoViewIfNeeded();
    await picker.click({ position: { x: 120, y: 120 } });
    await page.locator('.camera-form button[type=submit]').click();
    const error = page.locator('[data-field-error=camera-code]');
    await error.waitFor();
    await expect(error.textContent()).resolves.toMatch(/code/i);
  });

  it("reveals a household owner's contact only with a reason, which the owner then sees in the access log", async () => {
    const { page } = suite.watched;
    const camera = await suite.server.ctx.db.kysely
      .selectFrom('cameras')
      .innerJoin('users', 'users.id', 'cameras.owner_user_id')
      .select(['cameras.id', 'cameras.owner_phone'])
      .where('users.username', '=', 'owner.demo')
      .where('cameras.owner_phone', 'is not', null)
      .executeTakeFirstOrThrow();
    await login(page, 'police.xuandinh');
    await page.goto(`/cameras/${camera.id}`);
    await page.getByTestId('camera-name').waitFor();
    expect(await page.getByTestId('owner-contact').count()).toBe(0);
    await page.getByRole('button', { name: 'Xem thông tin liên hệ' }).click();
    await page.locator('#contact-reason').fill('Xác minh vụ trộm xe máy ngõ 27');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    const contact = page.getByTestId('owner-contact');
    await contact.waitFor();
    await expect(contact.textContent()).resolves.toContain(camera.owner_phone ?? '');

    const owner = await openPage(suite.browser, suite.server);
    try {
      await login(owner.page, 'owner.demo');
      await owner.page.goto(`/cameras/${camera.id}`);
      const log = owner.page.getByTestId('access-log');
      await log.waitFor();
      await expect(log.textContent()).resolves.toContain('Xác minh vụ trộm xe máy ngõ 27');
      expect(owner.problems).toEqual([]);
    } finally {
      await owner.close();
    }
  });
});
