import { describe, expect, it } from 'vitest';
import { browserSuite, login } from './browser';

const header = 'code,name,owner_kind,jurisdiction_code,latitude,longitude,heading,fov,range_m';

function csvFile(lines: string[]) {
  return {
    name: 'cameras.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([header, ...lines].join('\n'), 'utf8'),
  };
}

describe('CSV import page', () => {
  const suite = browserSuite();

  it('lists every bad row with its line, column and reason, and imports nothing', async () => {
    const { page } = suite.watched;
    suite.watched.expectFailure({ path: '/api/cameras/import', status: 422 });
    await login(page, 'police.xuandinh');
    await page.locator('#main-nav a[href="/import"]').click();
    await page
      .locator('#import-file')
      .setInputFiles(
        csvFile([
          'E2E-IMP-1,Ngõ 5 Xuân Đỉnh,residential_group,00611,21.0741,105.7902,90,90,40',
          'E2E-IMP-2,Vĩ độ sai,residential_group,00611,91,105.7902,90,90,40',
          'E2E-IMP-3,Hướng sai,residential_group,00611,21.0741,105.7902,400,90,40',
        ]),
      );
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    const table = page.getByTestId('import-row-errors');
    await table.waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['3', 'latitude'],
      ['4', 'heading'],
    ]);
    expect(rows.every((r) => (r[2] ?? '').length > 0)).toBe(true);
    const imported = await suite.server.ctx.db.kysely
      .selectFrom('cameras')
      .select('code')
      .where('code', 'like', 'E2E-IMP-%')
      .execute();
    expect(imported).toEqual([]);
  });

  it('dry-runs a clean file without importing, then imports it', async () => {
    const { page } = suite.watched;
    await login(page, 'police.xuandinh');
    await page.goto('/import');
    await page
      .locator('#import-file')
      .setInputFiles(
        csvFile([
          'E2E-OK-1,Ngõ 7 Xuân Đỉnh,residential_group,00611,21.0745,105.7911,180,90,40',
          'E2E-OK-2,Cổng trường Xuân Đỉnh,school,00611,21.0733,105.7899,45,100,60',
        ]),
      );
    await page.getByRole('button', { name: 'Chạy thử' }).click();
    const result = page.getByTestId('import-success');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('2');
    const countCodes = async () =>
      (
        await suite.server.ctx.db.kysely
          .selectFrom('cameras')
          .select('code')
          .where('code', 'like', 'E2E-OK-%')
          .execute()
      ).length;
    expect(await countCodes()).toBe(0);

    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    await page.getByText('Đã nhập 2 camera.').waitFor();
    expect(await countCodes()).toBe(2);
  });
});
