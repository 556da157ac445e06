import { describe, expect, it } from 'vitest';
import { offsetPoint } from '../../web/src/map/geometry';
import { browserSuite, drawn, login, type E2eServer } from './browser';

// The planner's path in Chromium: the coverage map of phường Xuân Đỉnh shows the stretches a
// camera sees in green and the rest in red, suggestions are computed and drawn, one is accepted
// and becomes a planned site that the sites list shows. A road file with a bad feature is
// refused with the JSON path of the fault next to the file input.

/** A demo camera of Xuân Đỉnh that counts for coverage in "all registered" mode. */
async function xuanDinhCamera(server: E2eServer) {
  const ward = await server.ctx.db.kysely
    .selectFrom('jurisdictions')
    .select(['id', 'path'])
    .where('code', '=', '00611')
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  const camera = await server.ctx.db.kysely
    .selectFrom('cameras')
    .select(['latitude', 'longitude', 'heading', 'fov', 'range_m'])
    .where('jurisdiction_path', 'like', `${ward.path}%`)
    .where('status', 'in', ['installed', 'online', 'offline'])
    .where('fov', '<', 180)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  return { wardId: ward.id, camera };
}

/**
 * One street running from 80 m behind the camera, through it, to 150 m past its range: the
 * part ahead within range is seen, the rest is not. A second street well away from it is not.
 */
function streets(camera: Awaited<ReturnType<typeof xuanDinhCamera>>['camera']) {
  const { latitude: lat, longitude: lng, heading, range_m: range } = camera;
  const lngLat = ([a, b]: [number, number]) => [b, a];
  const behind = offsetPoint(lat, lng, heading + 180, 80);
  const ahead = offsetPoint(lat, lng, heading, range + 150);
  const side = offsetPoint(lat, lng, heading + 90, 250);
  const sideEnd = offsetPoint(side[0], side[1], heading, 200);
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'way/1001',
        properties: { name: 'Đường Xuân Đỉnh', highway: 'secondary' },
        geometry: { type: 'LineString', coordinates: [lngLat(behind), lngLat(ahead)] },
      },
      {
        type: 'Feature',
        id: 'way/1002',
        properties: { name: 'Ngõ 12 Xuân Đỉnh', highway: 'residential' },
        geometry: { type: 'LineString', coordinates: [lngLat(side), lngLat(sideEnd)] },
      },
    ],
  };
}

describe('coverage planning in the browser', () => {
  const suite = browserSuite();

  it('shows covered streets green and uncovered red, and turns an accepted suggestion into a planned site', async () => {
    const { page } = suite.watched;
    const { wardId, camera } = await xuanDinhCamera(suite.server);
    await login(page, 'police.xuandinh');
    const imported = await page.request.post(`/api/units/${wardId}/roads`, {
      data: streets(camera),
    });
    expect(imported.status()).toBe(201);

    await page.goto('/coverage');
    const map = page.getByTestId('coverage-map');
    await page.waitForFunction(
      "document.querySelector('[data-testid=coverage-map]')?.getAttribute('data-loaded') === 'true'",
    );
    await expect(map.getAttribute('data-covered')).resolves.not.toBe('0');
    await expect(map.getAttribute('data-uncovered')).resolves.not.toBe('0');
    await expect
      .poll(() => page.locator(drawn('path.coverage-line--covered')).count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.locator(drawn('path.coverage-line--uncovered')).count())
      .toBeGreaterThan(0);
    await expect(page.getByTestId('coverage-pct').getAttribute('data-pct')).resolves.toMatch(/^\d/);
    await page.getByTestId('gap-row').first().waitFor();

    await page.locator('#suggest-budget-cameras').fill('3');
    await page.getByTestId('suggest-run').click();
    const first = page.locator('[data-testid=suggestion-row][data-rank="1"]');
    await first.waitFor({ timeout: 20_000 });
    await expect(page.locator('.suggestion-marker').count()).resolves.toBeGreaterThan(0);
    await first.getByTestId('suggestion-accept').click();
    await expect.poll(() => first.getAttribute('data-accepted')).toBe('true');
    await expect
      .poll(() => page.locator('.suggestion-marker--accepted').count())
      .toBeGreaterThan(0);

    await page.goto('/sites');
    const row = page.locator('[data-testid=site-row]', { hasText: 'Gợi ý 1' });
    await row.first().waitFor();
    await row.first().locator('a').first().click();
    await page.getByTestId('site-page').waitFor();
    await expect(page.getByTestId('site-status').textContent()).resolves.toBe('Đề xuất');
  });

  it('names the feature and field of a road file it refuses', async () => {
    const { page } = suite.watched;
    suite.watched.expectFailure({ path: '/roads', status: 400 });
    await login(page, 'police.xuandinh');
    await page.goto('/coverage');
    await page.getByTestId('road-import').waitFor();
    const bad = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Quảng trường' },
          geometry: { type: 'Point', coordinates: [105.79, 21.07] },
        },
      ],
    };
    await page.locator('#road-file').setInputFiles({
      name: 'roads.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await page.getByTestId('road-import-run').click();
    const error = page.getByTestId('road-import-error');
    await error.waitFor();
    await expect(error.getAttribute('data-field')).resolves.toBe('features[0].geometry.type');
  });

  it('opens the targets, sites and campaigns pages of the ward without an error', async () => {
    const { page } = suite.watched;
    await login(page, 'police.xuandinh');
    await page.goto('/targets');
    await page.getByTestId('targets-page').waitFor();
    await page
      .locator('[data-testid=targets-page] .empty, [data-testid=target-card]')
      .first()
      .waitFor();
    await page.goto('/sites?status=proposed');
    await page.getByTestId('sites-page').waitFor();
    await page.goto('/campaigns');
    await page.getByTestId('campaigns-page').waitFor();
    await page
      .locator('[data-testid=campaigns-page] .empty, [data-testid=campaign-card]')
      .first()
      .waitFor();
  });
});
