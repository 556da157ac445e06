import { describe, expect, it } from 'vitest';
import type { APIRequestContext, Page } from 'playwright-core';
import type { Dashboard } from '../../web/src/api/analytics';
import { funnelSteps } from '../../web/src/api/analytics';
import { offsetPoint } from '../../web/src/map/geometry';
import { browserSuite, login, openPage, type E2eServer } from './browser';

// The effectiveness dashboard in Chromium, for the city's police and for a ward's: the funnel
// it shows is the API's for the same unit and period, a figure clicked lists exactly that many
// cases (each opening its case page), the monthly report downloads as a PDF, a unit with no
// data says so instead of showing zeros, and the page fits a phone.

const dayMs = 86_400_000;

/**
 * Cases in Tân Xuân 1 (Xuân Đỉnh), in front of one of its street cameras: one solved with
 * footage, one solved without, one still open. The demo's own story adds to them once seeded.
 */
async function fileCases(server: E2eServer, request: APIRequestContext): Promise<string[]> {
  const camera = await server.ctx.db.kysely
    .selectFrom('cameras')
    .select(['latitude', 'longitude', 'heading', 'range_m'])
    .where('code', 'like', 'TX1-%')
    .where('status', '!=', 'decommissioned')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const [latitude, longitude] = offsetPoint(
    camera.latitude,
    camera.longitude,
    camera.heading,
    Math.min(15, camera.range_m / 2),
  );
  const outcomes = [
    { status: 'solved', footageHelped: true, helpedBy: ['suspect'] },
    { status: 'solved', footageHelped: false, helpedBy: ['none'] },
    null,
  ];
  const ids: string[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    const from = Date.now() - (index + 2) * dayMs;
    const created = await request.post('/api/incidents', {
      data: {
        type: index === 2 ? 'burglary' : 'snatch_robbery',
        description: `Vụ kiểm thử bảng hiệu quả số ${index + 1}`,
        latitude,
        longitude,
        from: new Date(from).toISOString(),
        to: new Date(from + 20 * 60_000).toISOString(),
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    ids.push(id);
    if (outcome) {
      const moved = await request.post(`/api/incidents/${id}/status`, { data: outcome });
      expect(moved.status()).toBe(200);
    }
  }
  return ids;
}

/** Opens the dashboard (the user's unit by default) and waits for its figures. */
async function openDashboard(
  page: Page,
  path = '/dashboard',
): Promise<{ unitId: string; from: string; to: string }> {
  await page.goto(path);
  const root = page.locator('[data-testid=dashboard-page][data-loaded=true]');
  await root.waitFor({ timeout: 30_000 });
  return {
    unitId: (await root.getAttribute('data-unit-id')) ?? '',
    from: (await root.getAttribute('data-from')) ?? '',
    to: (await root.getAttribute('data-to')) ?? '',
  };
}

async function apiDashboard(
  request: APIRequestContext,
  query: { unitId: string; from: string; to: string },
): Promise<Dashboard> {
  const response = await request.get('/api/analytics/dashboard', {
    params: { ...query, months: 6 },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as Dashboard;
}

/** The funnel as the page shows it: each step's number, as text and as its figure's value. */
async function shownFunnel(page: Page): Promise<Record<string, number>> {
  const shown: Record<string, number> = {};
  for (const step of funnelSteps) {
    const figure = page.getByTestId(`funnel-${step}`);
    const text = (await figure.textContent()) ?? '';
    // Vietnamese groups thousands with dots.
    expect(Number(text.replace(/\./g, ''))).toBe(Number(await figure.getAttribute('data-value')));
    shown[step] = Number(text.replace(/\./g, ''));
  }
  return shown;
}

/** Clicks a figure and counts the rows its records panel lists, page after page. */
async function listedRecords(
  page: Page,
  testId: string,
): Promise<{ total: number; rows: number; hrefs: string[] }> {
  await page.getByTestId(testId).click();
  const panelOnPage = (n: number) =>
    page.locator(`[data-testid=records-panel][data-loaded=true][data-page="${n}"]`);
  await panelOnPage(0).waitFor();
  const total = Number(await panelOnPage(0).getAttribute('data-total'));
  let rows = 0;
  const hrefs: string[] = [];
  for (let pageIndex = 0; ; pageIndex++) {
    for (const link of await page.locator('[data-testid=record-row] a').all()) {
      hrefs.push((await link.getAttribute('href')) ?? '');
    }
    rows += await page.getByTestId('record-row').count();
    const next = page.getByTestId('records-next');
    if (await next.isDisabled()) break;
    await next.click();
    await panelOnPage(pageIndex + 1).waitFor();
  }
  return { total, rows, hrefs };
}

/** The dashboard's funnel equals the API's, and the first non-empty step lists its cases. */
async function checkFunnelAndRecords(page: Page): Promise<Dashboard> {
  const query = await openDashboard(page);
  expect(query.unitId).not.toBe('');
  const api = await apiDashboard(page.request, query);
  expect(api.empty).toBe(false);
  expect(await shownFunnel(page)).toEqual(api.funnel);
  expect(api.funnel.incidents).toBeGreaterThanOrEqual(3);
  // The headline counts beside the funnel are the API's too.
  await expect(page.getByTestId('stat-incidents-value').getAttribute('data-value')).resolves.toBe(
    String(api.incidents.total),
  );
  await expect(
    page.getByTestId('stat-cameras-total-value').getAttribute('data-value'),
  ).resolves.toBe(String(api.cameras.total));

  const step = [...funnelSteps].reverse().find((s) => api.funnel[s] > 0) ?? 'incidents';
  const listed = await listedRecords(page, `funnel-${step}`);
  expect(listed.total).toBe(api.funnel[step]);
  expect(listed.rows).toBe(api.funnel[step]);
  expect(listed.hrefs.length).toBe(api.funnel[step]);
  for (const href of listed.hrefs) expect(href).toMatch(/^\/incidents\/[^/]+$/);

  // A case in the list opens its own page.
  await page.locator('[data-testid=record-row] a').first().click();
  await page.waitForURL(/\/incidents\/[^/]+$/);
  return api;
}

describe('the effectiveness dashboard', () => {
  const suite = browserSuite();

  it('shows the city police the API’s funnel, lists a step’s cases and serves the report', async () => {
    const { page } = suite.watched;
    await login(page, 'police.hanoi');
    await fileCases(suite.server, page.request);
    await page.getByRole('link', { name: 'Hiệu quả' }).waitFor();
    const api = await checkFunnelAndRecords(page);
    expect(api.league.length).toBeGreaterThan(0);

    await page.goto('/dashboard');
    const pdf = page.getByTestId('report-pdf');
    await pdf.waitFor();
    const href = (await pdf.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/reports\/monthly\.pdf\?unitId=.+&month=\d{4}-\d{2}$/);
    const report = await page.request.get(href, { timeout: 60_000 });
    expect(report.status()).toBe(200);
    expect(report.headers()['content-type']).toContain('application/pdf');
    expect((await report.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('shows a ward’s police their own funnel and the cases behind it', async () => {
    const { page } = suite.watched;
    await login(page, 'police.xuandinh');
    await fileCases(suite.server, page.request);
    const api = await checkFunnelAndRecords(page);
    expect(api.unit.name).toContain('Xuân Đỉnh');

    // Chosen dates: an end before the start is refused on the spot, a real range is applied.
    await page.goto('/dashboard');
    await page.locator('[data-testid=dashboard-page][data-loaded=true]').waitFor();
    await page.locator('#dash-period').selectOption('custom');
    await page.locator('#dash-from').fill(api.period.to);
    await page.locator('#dash-to').fill(api.period.from);
    await page.locator('[data-field-error=dash-to]').waitFor();
    await expect(page.getByTestId('dash-apply').isDisabled()).resolves.toBe(true);
    await page.locator('#dash-from').fill(api.period.from);
    await page.locator('#dash-to').fill(api.period.to);
    await page.getByTestId('dash-apply').click();
    await page.waitForURL(/from=/);
    const root = page.locator('[data-testid=dashboard-page][data-loaded=true]');
    await root.waitFor();
    await expect(root.getAttribute('data-from')).resolves.toBe(api.period.from);
    await expect(page.getByTestId('funnel-incidents').getAttribute('data-value')).resolves.toBe(
      String(api.funnel.incidents),
    );
  });

  it('says a unit with no data has none, instead of showing zeros as results', async () => {
    const { page } = suite.watched;
    await login(page, 'police.hanoi');
    const query = await openDashboard(page);
    const city = await apiDashboard(page.request, query);
    // A unit of the city with no case and no camera installed; the API decides it is empty. The
    // league lists only today's units, so the units a reform dissolved are asked for too.
    const units = await page.request.get(
      `/api/jurisdictions?parentId=${city.unit.id}&includeHistoric=true&limit=1000`,
    );
    expect(units.ok()).toBe(true);
    const quiet = city.league.filter((row) => row.incidents === 0 && row.camerasInstalled === 0);
    const candidates = [
      ...quiet.map((row) => row.unitId),
      ...((await units.json()) as { items: { id: string }[] }).items.map((unit) => unit.id),
    ];
    let empty: Dashboard | null = null;
    for (const unitId of candidates) {
      const candidate = await apiDashboard(page.request, { ...query, unitId });
      if (candidate.empty) {
        empty = candidate;
        break;
      }
    }
    expect(empty, 'a unit of the city with no data').not.toBeNull();
    if (!empty) return;
    expect(empty.solvedWithFootageShare).toBeNull();
    expect(empty.medianHoursToSolve.withFootage).toBeNull();
    await openDashboard(
      page,
      `/dashboard?unitId=${empty.unit.id}&from=${query.from}&to=${query.to}`,
    );
    await page.getByTestId('dash-empty').waitFor();
    await expect(page.getByTestId('dash-empty').textContent()).resolves.toContain(empty.unit.name);
    await expect(page.getByTestId('dash-funnel').count()).resolves.toBe(0);
  });

  it('fits a phone: no sideways scroll, and the records panel takes the screen', async () => {
    const phone = await openPage(suite.browser, suite.server, {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
    });
    try {
      await login(phone.page, 'police.xuandinh');
      await openDashboard(phone.page);
      const overflow = await phone.page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await phone.page.getByTestId('funnel-incidents').click();
      const panel = phone.page.locator('[data-testid=records-panel][data-loaded=true]');
      await panel.waitFor();
      const box = await panel.boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(389);
      await phone.page.getByTestId('records-close').click();
      await expect(phone.page.getByTestId('records-panel').count()).resolves.toBe(0);
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
