import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Dashboard } from '../../src/analytics/dashboard';
import { recordSheetNames, summarySheetName } from '../../src/analytics/report/report-xlsx';
import { runReportSchedule, startReportSchedule } from '../../src/analytics/report/schedule';
import { unitIds } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/harness';
import { insertTestIncident } from '../helpers/incident-fixtures';
import {
  caller,
  donationBody,
  fundingWorld,
  openCampaign,
  type FundingWorld,
} from './funding-fixtures';

// Monthly reports built on the dashboard of a small ward: March 2025 has three cases in Xuân
// Đỉnh (one at night, solved with footage), February one; a campaign raised money. The files are
// read with independent readers (poppler, exceljs) and their numbers checked against the dashboard.

const vn = (local: string) => Date.parse(`${local}+07:00`);
const silent = { info: () => undefined, error: () => undefined };
const month = '2025-03';

async function seedCases(world: FundingWorld): Promise<void> {
  const { ctx } = world.h;
  const base = { unit_id: unitIds.xuanDinh, case_year: 2025 };
  await insertTestIncident(ctx, {
    ...base,
    case_number: '00611-2025-0001',
    type: 'theft',
    from_ms: vn('2025-03-04T22:15:00'),
    to_ms: vn('2025-03-04T22:45:00'),
    status: 'solved',
    resolution: 'solved',
    resolved_at: new Date(vn('2025-03-05T10:15:00')).toISOString(),
    footage_helped: 1,
    candidate_cameras: 2,
  });
  await insertTestIncident(ctx, {
    ...base,
    case_number: '00611-2025-0002',
    type: 'theft',
    from_ms: vn('2025-03-12T09:00:00'),
    to_ms: vn('2025-03-12T09:30:00'),
  });
  await insertTestIncident(ctx, {
    ...base,
    case_number: '00611-2025-0003',
    type: 'snatch_robbery',
    from_ms: vn('2025-03-20T14:00:00'),
    to_ms: vn('2025-03-20T14:10:00'),
  });
  await insertTestIncident(ctx, {
    ...base,
    case_number: '00611-2025-0000',
    type: 'burglary',
    from_ms: vn('2025-02-10T02:00:00'),
    to_ms: vn('2025-02-10T03:00:00'),
  });
}

describeEachDatabase('monthly reports', (h) => {
  let world: FundingWorld;
  let call: ReturnType<typeof caller>;
  const scratch = mkdtempSync(join(tmpdir(), 'matthan-reports-'));

  beforeAll(async () => {
    world = await fundingWorld(h());
    call = caller(world);
    await seedCases(world);
    const campaign = await openCampaign(world, { startsOn: '2025-01-01', endsOn: '2025-06-30' });
    const donation = await call(
      'xd.official',
      'POST',
      `/api/campaigns/${campaign.id}/donations`,
      donationBody({ amountVnd: 150_000_000, donatedOn: '2025-02-01' }),
    );
    expect(donation.statusCode, donation.body).toBe(201);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const report = (
    format: 'pdf' | 'xlsx',
    query: string,
    who: Parameters<typeof call>[0] = 'xd.police',
  ) => call(who, 'GET', `/api/reports/monthly.${format}?${query}`);

  it('makes a Vietnamese PDF that opens, renders and keeps its diacritics', async () => {
    const response = await report('pdf', `unitId=${unitIds.xuanDinh}&month=${month}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('bao-cao-camera-00611-2025-03.pdf');
    const path = join(scratch, `${h().dialect}.pdf`);
    writeFileSync(path, response.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('BÁO CÁO KẾT QUẢ CÔNG TÁC CAMERA AN NINH THÁNG 03/2025');
    expect(text).toContain('phường Xuân Đỉnh');
    expect(text).toMatch(/Tổng số vụ việc xảy ra trong tháng\s+3\s+incidents\.total/);
    expect(text).toMatch(/Trộm cắp tài sản\s+2\s+0\s+0\s+\+2\s+\+2/);
    expect(text).toContain('Số tiền đã huy động');
    expect(text).toContain('150.000.000 đ');
    const prefix = join(scratch, `${h().dialect}-page`);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', path, prefix]);
    const page = [`${prefix}-1.png`, `${prefix}-01.png`].find((file) => existsSync(file));
    expect(page && statSync(page).size).toBeGreaterThan(1000);
  });

  it('makes an XLSX whose summary numbers equal the dashboard’s, with the records behind them', async () => {
    const response = await report('xlsx', `unitId=${unitIds.xuanDinh}&month=${month}`);
    expect(response.statusCode, response.body).toBe(200);
    const dashboardResponse = await call(
      'xd.police',
      'GET',
      `/api/analytics/dashboard?unitId=${unitIds.xuanDinh}&from=2025-03-01&to=2025-03-31`,
    );
    expect(dashboardResponse.statusCode, dashboardResponse.body).toBe(200);
    const dashboard = dashboardResponse.json<Dashboard>();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet(summarySheetName)!;
    const value = (key: string, from = '2025-03-01', unitId: string = unitIds.xuanDinh) => {
      let found: unknown;
      summary.eachRow((row, index) => {
        const [rowKey, rowUnit, rowFrom] = [5, 7, 8].map((column) => row.getCell(column).text);
        if (
          index > 1 &&
          found === undefined &&
          rowKey === key &&
          rowUnit === unitId &&
          rowFrom === from
        )
          found = row.getCell(3).value;
      });
      return found;
    };
    expect(dashboard.incidents.total).toBe(3);
    expect(value('incidents.total')).toBe(dashboard.incidents.total);
    expect(value('incidents.total', '2025-02-01')).toBe(1);
    expect(value('incidents.byType.theft')).toBe(dashboard.incidents.byType.theft);
    expect(value('incidents.night')).toBe(dashboard.incidents.night);
    expect(value('incidents.night / incidents.total')).toBe(dashboard.incidents.nightShare);
    for (const step of ['withCandidates', 'requested', 'received', 'used', 'solved'] as const) {
      expect(value(`funnel.${step}`), step).toBe(dashboard.funnel[step]);
    }
    expect(value('solved')).toBe(dashboard.solved);
    expect(value('cameras.total')).toBe(dashboard.cameras.total);
    expect(value('cameras.byStatus.online')).toBe(dashboard.cameras.byStatus.online);
    expect(value('money.raised')).toBe(150_000_000);
    expect(value('money.raised')).toBe(dashboard.money.raisedVnd);
    expect(typeof value('cameras.total')).toBe('number');

    const incidents = workbook.getWorksheet(recordSheetNames.incidents)!;
    expect(incidents.rowCount - 1).toBe(dashboard.incidents.total);
    const caseNumbers: string[] = [];
    incidents.eachRow((row, index) => {
      if (index > 1) caseNumbers.push(row.getCell(1).text);
    });
    expect(caseNumbers.sort()).toEqual(['00611-2025-0001', '00611-2025-0002', '00611-2025-0003']);
    expect(workbook.getWorksheet(recordSheetNames.cameras)!.rowCount - 1).toBe(
      dashboard.cameras.total,
    );
    const donations = workbook.getWorksheet(recordSheetNames.donations)!;
    expect(donations.getRow(2).getCell(3).value).toBe(150_000_000);
  });

  it('refuses a month that is not over, naming month and when it can be made', async () => {
    const now = h().ctx.now();
    const current = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
    const response = await report('pdf', `unitId=${unitIds.xuanDinh}&month=${current}`);
    expect(response.statusCode).toBe(400);
    const error = response.json<{ error: { field: string; message: string } }>().error;
    expect(error.field).toBe('month');
    expect(error.message).toMatch(/^the report for \d{4}-\d{2} can be made from \d{4}-\d{2}-01$/);
    const future = await report('xlsx', `unitId=${unitIds.xuanDinh}&month=2999-01`);
    expect(future.statusCode).toBe(400);
    expect(future.json<{ error: { field: string } }>().error.field).toBe('month');
    const malformed = await report('pdf', `unitId=${unitIds.xuanDinh}&month=2025-13`);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<{ error: { field: string } }>().error.field).toBe('month');
  });

  it('answers 404 for an unknown unit and 403 outside the caller’s jurisdiction or role', async () => {
    const unknown = await report('pdf', `unitId=u-nowhere&month=${month}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ error: { field: string } }>().error.field).toBe('unitId');
    expect(
      (await report('pdf', `unitId=${unitIds.xuanDinh}&month=${month}`, 'cn.official')).statusCode,
    ).toBe(403);
    expect(
      (await report('pdf', `unitId=${unitIds.xuanDinh}&month=${month}`, 'tx.owner')).statusCode,
    ).toBe(403);
    expect(
      (await report('pdf', `unitId=${unitIds.xuanDinh}&month=${month}`, null)).statusCode,
    ).toBe(401);
    expect(
      (await report('xlsx', `unitId=${unitIds.xuanDinh}&month=${month}`, 'hn.auditor')).statusCode,
    ).toBe(200);
  });

  it('audits each download', async () => {
    const events = await h()
      .ctx.db.kysely.selectFrom('audit_events')
      .select(['actor_username', 'details'])
      .where('action', '=', 'report.download')
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(
      events.some((e) => e.actor_username === 'xd.police' && e.details?.includes('"format":"pdf"')),
    ).toBe(true);
  });

  it('on schedule writes last month’s files once for each commune with data, and skips them after', async () => {
    const now = () => new Date(vn('2025-04-01T06:30:00'));
    const first = await runReportSchedule(h().ctx, silent, { now });
    expect(first.month).toBe(month);
    expect(first.failed).toEqual([]);
    const reports = join(h().dataDir, 'reports');
    // Xuân Đỉnh has cases and cameras, Cổ Nhuế a camera; Thạch Trị has nothing to report.
    expect(first.written.map((path) => path.slice(reports.length + 1)).sort()).toEqual([
      '00611/2025-03.pdf',
      '00611/2025-03.xlsx',
      '00613/2025-03.pdf',
      '00613/2025-03.xlsx',
    ]);
    const made = statSync(join(reports, '00611', '2025-03.pdf')).mtimeMs;
    const second = await runReportSchedule(h().ctx, silent, { now });
    expect(second.written).toEqual([]);
    expect(statSync(join(reports, '00611', '2025-03.pdf')).mtimeMs).toBe(made);
    // Before 06:00 on the 1st, the month just ended is not due yet.
    const early = await runReportSchedule(h().ctx, silent, {
      now: () => new Date(vn('2025-05-01T05:00:00')),
    });
    expect(early.month).toBe(month);
    expect(early.written).toEqual([]);
  });

  it('lists the scheduled reports in scope and serves their files', async () => {
    const list = await call('xd.police', 'GET', '/api/reports');
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json<{
      items: { unitId: string; month: string; pdf: string; xlsx: string }[];
    }>().items;
    expect(items.map((i) => [i.unitId, i.month])).toEqual([[unitIds.xuanDinh, month]]);
    const pdf = await call('xd.police', 'GET', items[0]!.pdf);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const all = await call('admin', 'GET', `/api/reports?unitId=${unitIds.bacTuLiem}`);
    expect(all.json<{ items: unknown[] }>().items).toHaveLength(2);
    expect((await call('cn.official', 'GET', items[0]!.xlsx)).statusCode).toBe(403);
    expect(
      (await call('xd.police', 'GET', '/api/reports/files/00611/2025-02.pdf')).statusCode,
    ).toBe(404);
    expect((await call('xd.police', 'GET', '/api/reports/files/00611/notes.txt')).statusCode).toBe(
      400,
    );
    expect((await call('xd.police', 'GET', '/api/reports/files/nope/2025-03.pdf')).statusCode).toBe(
      404,
    );
  });

  it('catches up once at start and stops cleanly', async () => {
    rmSync(join(h().dataDir, 'reports', '00613'), { recursive: true, force: true });
    const schedule = startReportSchedule(h().ctx, silent, {
      now: () => new Date(vn('2025-04-02T09:00:00')),
    });
    const deadline = Date.now() + 20_000;
    while (
      !existsSync(join(h().dataDir, 'reports', '00613', '2025-03.xlsx')) &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await schedule.stop();
    expect(existsSync(join(h().dataDir, 'reports', '00613', '2025-03.pdf'))).toBe(true);
    expect(existsSync(join(h().dataDir, 'reports', '00613', '2025-03.xlsx'))).toBe(true);
  });
});
