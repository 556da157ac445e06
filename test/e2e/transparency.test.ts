import { describe, expect, it } from 'vitest';
import { browserSuite, login } from './browser';

// The public transparency page on a phone: reached from the login page without an account,
// it lists the campaigns with money raised and spent, and names only donors who agreed.
// Signed in, the same page sits in the app's menu.

const phone = { viewport: { width: 390, height: 844 }, hasTouch: true };

describe('transparency page', () => {
  const suite = browserSuite(phone);

  it('opens from the login page on a phone and names only donors who opted in', async () => {
    const { page } = suite.watched;
    // Money recorded directly, as a ward official would: one named donor, one anonymous.
    const admin = await suite.browser.newContext({ baseURL: suite.server.baseUrl });
    let campaignId: string;
    try {
      const auth = await admin.request.post('/api/auth/login', {
        data: { username: 'admin', password: 'matthan-demo' },
      });
      expect(auth.status()).toBe(200);
      const unit = (await (
        await admin.request.get('/api/jurisdictions', { params: { q: 'Xuân Đỉnh' } })
      ).json()) as { items: { id: string; level: string }[] };
      const ward = unit.items.find((u) => u.level === 'commune');
      if (!ward) throw new Error('the demo has no Xuân Đỉnh ward');
      const created = await admin.request.post('/api/campaigns', {
        data: {
          unitId: ward.id,
          name: 'Phủ kín camera phường Xuân Đỉnh',
          description: 'Camera cho các tuyến phố chính',
          goalVnd: 300_000_000,
          startsOn: '2026-01-01',
          endsOn: '2030-12-31',
          bankBin: '970415',
          bankName: 'VietinBank',
          accountNumber: '102030405060',
          accountName: 'UBND phuong Xuan Dinh',
        },
      });
      expect(created.status()).toBe(201);
      campaignId = ((await created.json()) as { id: string }).id;
      const donate = (data: Record<string, unknown>) =>
        admin.request.post(`/api/campaigns/${campaignId}/donations`, {
          data: { donatedOn: '2026-01-10', channel: 'cash', ...data },
        });
      expect(
        (
          await donate({ donorName: 'Trần Thị Bình', donorPublic: true, amountVnd: 2_000_000 })
        ).status(),
      ).toBe(201);
      expect(
        (
          await donate({ donorName: 'Lê Văn Kín', donorPublic: false, amountVnd: 3_000_000 })
        ).status(),
      ).toBe(201);
    } finally {
      await admin.close();
    }

    await page.goto('/');
    await page.getByTestId('login-transparency').click();
    await page.waitForURL(/\/minh-bach$/);
    const card = page.locator(
      `[data-testid=public-campaign-card][data-campaign-id="${campaignId}"]`,
    );
    await expect(card.getByTestId('public-raised').getAttribute('data-vnd')).resolves.toBe(
      '5000000',
    );
    await expect(card.getByTestId('public-spent').getAttribute('data-vnd')).resolves.toBe('0');
    // Nothing runs off the side of a phone screen.
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);

    await card.locator('h2 a').click();
    const donors = page.getByTestId('public-donors');
    await donors.getByText('Trần Thị Bình').waitFor();
    await expect(page.getByText('Lê Văn Kín').count()).resolves.toBe(0);
    await expect(page.getByTestId('public-anonymous').getAttribute('data-vnd')).resolves.toBe(
      '3000000',
    );
    await page.getByTestId('public-qr').waitFor();
  });

  it('sits in the menu of a signed-in user', async () => {
    const { page } = suite.watched;
    await login(page, 'police.xuandinh');
    await page.getByRole('button', { name: /Danh mục/ }).click();
    await page.locator('#main-nav a[href="/minh-bach"]').click();
    await page.getByTestId('transparency-page').waitFor();
    await expect(page.getByTestId('current-user').count()).resolves.toBe(1);
  });
});
