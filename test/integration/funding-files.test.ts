import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import type { Campaign } from '../../src/funding/funding.schemas';
import { readVietQr } from '../../src/funding/vietqr';
import { describeEachDatabase } from '../helpers/harness';
import {
  caller,
  decodePng,
  donationBody,
  fundingWorld,
  openCampaign,
  type FundingWorld,
} from './funding-fixtures';

// What a campaign hands out: the VietQR (payload that decodes back to the account and the
// amount, and a PNG that decodes) and its books as XLSX and CSV that read back to the ledger.

describeEachDatabase('funding files', (harness) => {
  let world: FundingWorld;
  let call: ReturnType<typeof caller>;
  let campaign: Campaign;
  const url = () => `/api/campaigns/${campaign.id}`;

  beforeAll(async () => {
    world = await fundingWorld(harness());
    call = caller(world);
    campaign = await openCampaign(world, { name: 'Camera an ninh Xuân Đỉnh' });
    const donations = [
      donationBody({ amountVnd: 1_000_000, receiptNumber: '=1+1' }),
      donationBody({ donorName: 'Lê Thị Hà', donorPublic: false, amountVnd: 2_345_678 }),
      donationBody({
        donorName: null,
        donorPublic: false,
        amountVnd: 50_000,
        donatedOn: '2024-03-02',
      }),
    ];
    for (const body of donations) {
      const response = await call('xd.official', 'POST', `${url()}/donations`, body);
      expect(response.statusCode, response.body).toBe(201);
    }
    const expense = await call('xd.official', 'POST', `${url()}/expenses`, {
      item: 'Camera ngõ 5, "loại 4MP"',
      supplier: 'Công ty Thăng Long',
      amountVnd: 3_000_000,
      spentOn: '2024-03-10',
      cameraIds: [world.cameras.xd1],
    });
    expect(expense.statusCode, expense.body).toBe(201);
    campaign = (await call('admin', 'GET', url())).json<Campaign>();
  });

  it('gives a VietQR payload that decodes back to the account, bank and amount', async () => {
    const response = await call('xd.police', 'GET', `${url()}/vietqr?amount=200000`);
    expect(response.statusCode, response.body).toBe(200);
    const qr = response.json<{ payload: string; amountVnd: number; purpose: string }>();
    expect(qr).toMatchObject({
      bankBin: '970405',
      bankName: 'Agribank',
      accountNumber: '1500205012345',
      accountName: 'QUY CAMERA PHUONG XUAN DINH',
      amountVnd: 200_000,
      purpose: 'Ung ho camera an ninh xuan dinh',
    });
    expect(readVietQr(qr.payload)).toEqual({
      valid: true,
      bankBin: '970405',
      accountNumber: '1500205012345',
      amountVnd: 200_000,
      purpose: qr.purpose,
    });
    const open = (await call('xd.police', 'GET', `${url()}/vietqr`)).json<{ payload: string }>();
    expect(readVietQr(open.payload).amountVnd).toBeNull();
  });

  it('refuses a QR amount that is not whole đồng above 0', async () => {
    for (const amount of ['0', '1.5', 'abc', '-1']) {
      const response = await call('xd.police', 'GET', `${url()}/vietqr?amount=${amount}`);
      expect(response.statusCode, amount).toBe(400);
      expect(response.json<{ error: { field: string } }>().error.field).toBe('amount');
    }
  });

  it('draws the QR as a PNG that decodes', async () => {
    const response = await call('xd.official', 'GET', `${url()}/vietqr.png?amount=50000`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(decodePng(response.rawPayload)).toEqual({ width: 320, height: 320 });
  });

  it('exports an XLSX whose numbers are the ledger’s', async () => {
    const response = await call('hn.auditor', 'GET', `${url()}/ledger.xlsx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename=".+\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(response.rawPayload).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Ủng hộ', 'Chi']);

    const summary = new Map<string, unknown>();
    workbook.getWorksheet('Tổng hợp')!.eachRow((row, n) => {
      if (n > 1) summary.set(row.getCell(1).text, row.getCell(2).value);
    });
    expect(summary.get('Mục tiêu (VND)')).toBe(10_000_000);
    expect(summary.get('Đã quyên góp (VND)')).toBe(3_395_678);
    expect(summary.get('Đã chi (VND)')).toBe(3_000_000);
    expect(summary.get('Còn lại (VND)')).toBe(395_678);
    expect(summary.get('Chi phí mỗi camera (VND)')).toBe(3_000_000);

    const donations = workbook.getWorksheet('Ủng hộ')!;
    const amounts: number[] = [];
    const donors: string[] = [];
    donations.eachRow((row, n) => {
      if (n === 1) return;
      amounts.push(row.getCell(4).value as number);
      donors.push(row.getCell(2).text);
      expect(row.getCell(4).numFmt).toBe('#,##0');
    });
    expect(amounts).toEqual([50_000, 1_000_000, 2_345_678]);
    // The internal books name every donor, including those who asked not to be named publicly.
    expect(donors).toEqual(['Ẩn danh', 'Hộ Nguyễn Văn An', 'Lê Thị Hà']);
    const expenses = workbook.getWorksheet('Chi')!;
    expect(expenses.getRow(2).getCell(2).value).toBe('Camera ngõ 5, "loại 4MP"');
    expect(expenses.getRow(2).getCell(4).value).toBe(3_000_000);
  });

  it('exports a CSV with a BOM, one row per entry, that sums to the ledger', async () => {
    const response = await call('xd.official', 'GET', `${url()}/ledger.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse<Record<string, string>>(response.rawPayload, { bom: true, columns: true });
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r['Loại'])).toEqual(['Thu', 'Thu', 'Thu', 'Chi']);
    const total = (kind: string) =>
      rows.filter((r) => r['Loại'] === kind).reduce((s, r) => s + Number(r['Số tiền (VND)']), 0);
    expect(total('Thu')).toBe(campaign.ledger.raisedVnd);
    expect(total('Chi')).toBe(campaign.ledger.spentVnd);
    expect(rows[0]).toMatchObject({ Ngày: '2024-03-02', Bên: 'Ẩn danh' });
    expect(rows[3]).toMatchObject({
      Bên: 'Công ty Thăng Long',
      'Nội dung': 'Camera ngõ 5, "loại 4MP"',
    });
    // A receipt that looks like a formula is written so a spreadsheet will not run it.
    expect(rows.map((r) => r['Số chứng từ'])).toContain("'=1+1");
  });

  it('records who took a copy of the books', async () => {
    const events = await world.h.ctx.db.kysely
      .selectFrom('audit_events')
      .select(['details', 'actor_username'])
      .where('action', '=', 'campaign.export')
      .execute();
    expect(events.map((e) => e.actor_username).sort()).toEqual(['hn.auditor', 'xd.official']);
  });

  it('keeps the files from those outside the campaign’s unit', async () => {
    for (const path of ['ledger.csv', 'ledger.xlsx', 'vietqr', 'vietqr.png']) {
      expect((await call('cn.official', 'GET', `${url()}/${path}`)).statusCode, path).toBe(403);
    }
  });
});
