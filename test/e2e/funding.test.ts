import { describe, expect, it } from 'vitest';
import type { APIRequestContext, Page } from 'playwright-core';
import { browserSuite, login, openPage } from './browser';

// A ward official records a donation in Chromium: a fraction of a đồng is refused with the
// server's words next to the amount, a whole amount is saved, and the public transparency
// page — opened by a visitor who never logs in — shows the money raised grown by exactly it.

interface CampaignRef {
  id: string;
  name: string;
}

/** A campaign the signed-in official may write to: the demo's, or one made for the test. */
async function writableCampaign(request: APIRequestContext): Promise<CampaignRef> {
  const me = (await (await request.get('/api/auth/me')).json()) as {
    user: { jurisdictionId: string };
  };
  const list = (await (await request.get('/api/campaigns')).json()) as {
    items: (CampaignRef & { unitId: string; status: string })[];
  };
  const mine = list.items.find((c) => c.status === 'active');
  if (mine) return mine;
  const created = await request.post('/api/campaigns', {
    data: {
      unitId: me.user.jurisdictionId,
      name: 'Camera an ninh tổ dân phố Tân Xuân 1',
      description: 'Lắp camera các ngõ của tổ dân phố',
      goalVnd: 150_000_000,
      startsOn: '2026-01-01',
      endsOn: '2030-12-31',
      bankBin: '970436',
      bankName: 'Vietcombank',
      accountNumber: '0011004455667',
      accountName: 'Quỹ camera Tân Xuân 1',
    },
  });
  expect(created.status()).toBe(201);
  return (await created.json()) as CampaignRef;
}

/** The raised amount the public list shows for a campaign, in whole đồng. */
async function publicRaised(page: Page, campaignId: string): Promise<number> {
  const raised = page.locator(
    `[data-testid=public-campaign-card][data-campaign-id="${campaignId}"] [data-testid=public-raised]`,
  );
  await raised.waitFor();
  return Number(await raised.getAttribute('data-vnd'));
}

describe('funding in the browser', () => {
  const suite = browserSuite();

  it('records a donation and the public page, seen without login, grows by exactly it', async () => {
    const { page } = suite.watched;
    suite.watched.expectFailure({ path: '/donations', status: 400 });
    await login(page, 'leader.tanxuan1');
    const campaign = await writableCampaign(page.request);

    // A visitor's view before: a fresh context with no session at all.
    const visitor = await openPage(suite.browser, suite.server);
    try {
      await visitor.page.goto('/minh-bach');
      const before = await publicRaised(visitor.page, campaign.id);

      await page.goto(`/campaigns/${campaign.id}`);
      await page.getByTestId('ledger').waitFor();
      const ledgerBefore = Number(await page.getByTestId('ledger-raised').getAttribute('data-vnd'));

      // 1.5 đồng: the server's refusal stands next to the amount, and nothing is saved.
      await page.locator('#donation-donor').fill('Nguyễn Văn An');
      await page.locator('#donation-public').check();
      await page.locator('#donation-amount').fill('1.5');
      await page.getByTestId('donation-submit').click();
      const amountError = page.locator('[data-field-error=donation-amount]');
      await amountError.waitFor();
      await expect(amountError.textContent()).resolves.toMatch(/\S/);
      await expect(page.getByTestId('ledger-raised').getAttribute('data-vnd')).resolves.toBe(
        String(ledgerBefore),
      );

      // 250.000 đồng, typed the Vietnamese way, is recorded.
      await page.locator('#donation-amount').fill('250.000');
      await page.getByTestId('donation-submit').click();
      await expect
        .poll(async () => Number(await page.getByTestId('ledger-raised').getAttribute('data-vnd')))
        .toBe(ledgerBefore + 250_000);
      await expect(amountError.count()).resolves.toBe(0);
      await page.locator('[data-testid=donation-row][data-vnd="250000"]').first().waitFor();

      await visitor.page.reload();
      await expect.poll(() => publicRaised(visitor.page, campaign.id)).toBe(before + 250_000);

      // The donor agreed to be named, so the campaign's public page names them.
      await visitor.page
        .locator(`[data-testid=public-campaign-card][data-campaign-id="${campaign.id}"] h2 a`)
        .click();
      await visitor.page.getByTestId('public-donors').getByText('Nguyễn Văn An').first().waitFor();
      await visitor.page.getByTestId('public-qr').waitFor();
      expect(visitor.problems).toEqual([]);
    } finally {
      await visitor.close();
    }
  });
});
