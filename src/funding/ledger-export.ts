import ExcelJS from 'exceljs';
import { csvLine } from '../cameras/camera-csv';
import type { Campaign, Donation } from './funding.schemas';

// The campaign's books as files a treasurer opens in Excel: an XLSX with a summary, the
// donations and the expenses (amounts as numbers formatted #,##0, so sums work in the sheet),
// and a CSV with one row per entry in date order. Internal: donor names are shown.

const money = '#,##0';

const channelLabels: Record<Donation['channel'], string> = {
  cash: 'Tiền mặt',
  bank_transfer: 'Chuyển khoản',
  vietqr: 'VietQR',
  other: 'Khác',
};

export const anonymousLabel = 'Ẩn danh';

const donorLabel = (donation: Donation): string => donation.donorName ?? anonymousLabel;

function sheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: { header: string; key: string; width: number; money?: boolean }[],
  rows: Record<string, string | number | null>[],
): void {
  const worksheet = workbook.addWorksheet(name);
  worksheet.columns = columns.map(({ header, key, width }) => ({ header, key, width }));
  worksheet.getRow(1).font = { bold: true };
  for (const row of rows) worksheet.addRow(row);
  for (const column of columns) {
    if (column.money) worksheet.getColumn(column.key).numFmt = money;
  }
}

export async function ledgerXlsx(campaign: Campaign): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mắt Thần';
  const { ledger } = campaign;
  const summary: [string, string | number | null][] = [
    ['Chiến dịch', campaign.name],
    ['Đơn vị', campaign.unitName],
    ['Thời gian', `${campaign.startsOn} – ${campaign.endsOn}`],
    ['Tài khoản', `${campaign.accountNumber} — ${campaign.accountName} — ${campaign.bankName}`],
    ['Mục tiêu (VND)', ledger.goalVnd],
    ['Đã quyên góp (VND)', ledger.raisedVnd],
    ['Đã chi (VND)', ledger.spentVnd],
    ['Còn lại (VND)', ledger.balanceVnd],
    ['Số camera', campaign.camerasFunded],
    ['Chi phí mỗi camera (VND)', campaign.costPerCameraVnd],
  ];
  const summarySheet = workbook.addWorksheet('Tổng hợp');
  summarySheet.columns = [
    { header: 'Mục', key: 'label', width: 28 },
    { header: 'Giá trị', key: 'value', width: 48 },
  ];
  summarySheet.getRow(1).font = { bold: true };
  for (const [label, value] of summary) {
    const row = summarySheet.addRow({ label, value });
    if (typeof value === 'number') row.getCell('value').numFmt = money;
  }
  const byDate =
    <T extends { createdAt: string }>(on: (item: T) => string) =>
    (a: T, b: T) =>
      on(a).localeCompare(on(b)) || a.createdAt.localeCompare(b.createdAt);
  sheet(
    workbook,
    'Ủng hộ',
    [
      { header: 'Ngày', key: 'date', width: 12 },
      { header: 'Người ủng hộ', key: 'donor', width: 32 },
      { header: 'Công khai tên', key: 'public', width: 14 },
      { header: 'Số tiền (VND)', key: 'amount', width: 16, money: true },
      { header: 'Hình thức', key: 'channel', width: 14 },
      { header: 'Số biên lai', key: 'receipt', width: 16 },
      { header: 'Ghi chú', key: 'note', width: 32 },
    ],
    [...campaign.donations].sort(byDate((d) => d.donatedOn)).map((d) => ({
      date: d.donatedOn,
      donor: donorLabel(d),
      public: d.donorPublic ? 'Có' : 'Không',
      amount: d.amountVnd,
      channel: channelLabels[d.channel],
      receipt: d.receiptNumber,
      note: d.note,
    })),
  );
  sheet(
    workbook,
    'Chi',
    [
      { header: 'Ngày', key: 'date', width: 12 },
      { header: 'Nội dung', key: 'item', width: 40 },
      { header: 'Nhà cung cấp', key: 'supplier', width: 28 },
      { header: 'Số tiền (VND)', key: 'amount', width: 16, money: true },
      { header: 'Số camera', key: 'cameras', width: 10 },
      { header: 'Số chứng từ', key: 'receipt', width: 16 },
      { header: 'Vượt số dư', key: 'over', width: 12 },
      { header: 'Ghi chú', key: 'note', width: 32 },
    ],
    [...campaign.expenses].sort(byDate((e) => e.spentOn)).map((e) => ({
      date: e.spentOn,
      item: e.item,
      supplier: e.supplier,
      amount: e.amountVnd,
      cameras: e.cameraIds.length,
      receipt: e.receiptNumber,
      over: e.overBalance ? 'Có' : '',
      note: e.note,
    })),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const csvHeader = ['Ngày', 'Loại', 'Bên', 'Nội dung', 'Số tiền (VND)', 'Số chứng từ'];

/** One row per entry, oldest first: donations are "Thu" (in), expenses "Chi" (out). */
export function ledgerCsvRows(campaign: Campaign): (string | number | null)[][] {
  const entries = [
    ...campaign.donations.map((d) => ({
      at: d.donatedOn,
      createdAt: d.createdAt,
      row: [
        d.donatedOn,
        'Thu',
        donorLabel(d),
        `Ủng hộ (${channelLabels[d.channel]})`,
        d.amountVnd,
        d.receiptNumber,
      ],
    })),
    ...campaign.expenses.map((e) => ({
      at: e.spentOn,
      createdAt: e.createdAt,
      row: [e.spentOn, 'Chi', e.supplier, e.item, e.amountVnd, e.receiptNumber],
    })),
  ];
  entries.sort((a, b) => a.at.localeCompare(b.at) || a.createdAt.localeCompare(b.createdAt));
  return entries.map((entry) => entry.row);
}

/** UTF-8 with a byte-order mark, which Excel needs to read Vietnamese text correctly. */
export function ledgerCsv(campaign: Campaign): Buffer {
  const lines = [csvHeader, ...ledgerCsvRows(campaign)].map((row) => csvLine(row));
  return Buffer.from(`\uFEFF${lines.join('')}`, 'utf8');
}

/** A file name for downloads: ASCII, from the campaign's id. */
export const ledgerFileName = (campaign: Campaign, extension: 'xlsx' | 'csv'): string =>
  `so-quy-${campaign.id.slice(0, 8)}.${extension}`;
