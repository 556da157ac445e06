import ExcelJS from 'exceljs';
import { vnDateTime, vnIncidentType } from '../../evidence/package/bien-ban-text';
import { anonymousLabel } from '../../funding/ledger-export';
import type { FigureUnit, Section } from './figures';
import { summaryRows } from './report-figures';
import { unitWords } from './report-format';
import {
  vnCameraStatus,
  vnConsentTier,
  vnIncidentStatus,
  vnOwnerKind,
  vnResolution,
} from './report-labels';
import { reportTitle, unitTitle } from './report-layout';
import type { MonthlyReportData, RecordItem } from './report-types';

// The report's data as a workbook: "Tổng hợp" holds every figure of the PDF with its key, unit
// and period, and one sheet per record list holds the records behind the figures. Numbers are
// numbers (formatted, not text), so a reader can sum and filter them in the sheet.

export const summarySheetName = 'Tổng hợp';
export const recordSheetNames = {
  incidents: 'Vụ việc',
  cameras: 'Camera',
  donations: 'Ủng hộ',
  expenses: 'Chi',
} as const;

const formats: Partial<Record<FigureUnit, string>> = {
  count: '#,##0',
  vnd: '#,##0',
  change: '+#,##0;-#,##0;0',
  share: '0.0%',
  percent: '0.0',
  hours: '0.0',
  rate: '0.00',
  rateChange: '+0.00;-0.00;0.00',
  decimal: '0.00',
};

function addSummary(
  workbook: ExcelJS.Workbook,
  data: MonthlyReportData,
  sections: Section[],
): void {
  const sheet = workbook.addWorksheet(summarySheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = [
    { header: 'Mục', key: 'section', width: 30 },
    { header: 'Số liệu', key: 'label', width: 60 },
    { header: 'Giá trị', key: 'value', width: 16 },
    { header: 'Đơn vị tính', key: 'unit', width: 16 },
    { header: 'Mã số liệu', key: 'key', width: 40 },
    { header: 'Đơn vị', key: 'unitName', width: 24 },
    { header: 'Mã đơn vị (unitId)', key: 'unitId', width: 24 },
    { header: 'Từ ngày', key: 'from', width: 12 },
    { header: 'Đến ngày', key: 'to', width: 12 },
    { header: 'Phạm vi', key: 'span', width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of summaryRows(data, sections)) {
    const { figure } = row;
    const added = sheet.addRow({
      section: row.section,
      label: figure.label,
      value: figure.value,
      unit: unitWords[figure.unit],
      key: figure.key ?? '',
      unitName: row.unitName,
      unitId: row.unitId,
      from: row.from,
      to: row.to,
      span: row.span,
    });
    const format = formats[figure.unit];
    if (format && typeof figure.value === 'number') added.getCell('value').numFmt = format;
  }
}

interface Column {
  header: string;
  key: string;
  width: number;
  value: (item: RecordItem) => string | number | null;
  format?: string;
}

const text = (value: unknown): string | null =>
  typeof value === 'string'
    ? value
    : value === null || value === undefined
      ? null
      : JSON.stringify(value);
const yesNo = (value: unknown): string =>
  value === true || value === 1 ? 'Có' : value === false || value === 0 ? 'Không' : '';
const when = (value: unknown): string | null =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? vnDateTime(value) : text(value);

const incidentColumns: Column[] = [
  { header: 'Số vụ việc', key: 'caseNumber', width: 20, value: (i) => text(i.caseNumber) },
  { header: 'Loại vụ việc', key: 'type', width: 26, value: (i) => vnIncidentType(String(i.type)) },
  { header: 'Thời điểm xảy ra (giờ Việt Nam)', key: 'from', width: 22, value: (i) => when(i.from) },
  {
    header: 'Trạng thái',
    key: 'status',
    width: 16,
    value: (i) => vnIncidentStatus(String(i.status)),
  },
  {
    header: 'Kết quả',
    key: 'resolution',
    width: 14,
    value: (i) => vnResolution(text(i.resolution)),
  },
  {
    header: 'Hình ảnh camera giúp ích',
    key: 'footageHelped',
    width: 14,
    value: (i) => yesNo(i.footageHelped),
  },
  { header: 'Mã hồ sơ', key: 'id', width: 38, value: (i) => text(i.id) },
];

const cameraColumns: Column[] = [
  { header: 'Mã camera', key: 'code', width: 18, value: (c) => text(c.code) },
  { header: 'Tên camera', key: 'name', width: 36, value: (c) => text(c.name) },
  {
    header: 'Trạng thái',
    key: 'status',
    width: 18,
    value: (c) => vnCameraStatus(String(c.status)),
  },
  {
    header: 'Chủ sở hữu',
    key: 'ownerKind',
    width: 22,
    value: (c) => vnOwnerKind(String(c.ownerKind)),
  },
  {
    header: 'Mức chia sẻ',
    key: 'consentTier',
    width: 30,
    value: (c) => vnConsentTier(String(c.consentTier)),
  },
  { header: 'Mã hồ sơ', key: 'id', width: 38, value: (c) => text(c.id) },
];

const channels: Record<string, string> = {
  cash: 'Tiền mặt',
  bank_transfer: 'Chuyển khoản',
  vietqr: 'VietQR',
  other: 'Khác',
};
const amount = (value: unknown): number | null => (typeof value === 'number' ? value : null);

const donationColumns: Column[] = [
  { header: 'Ngày', key: 'donatedOn', width: 12, value: (d) => text(d.donatedOn) },
  {
    header: 'Người ủng hộ',
    key: 'donorName',
    width: 30,
    value: (d) => text(d.donorName) ?? anonymousLabel,
  },
  {
    header: 'Số tiền (VND)',
    key: 'amountVnd',
    width: 16,
    value: (d) => amount(d.amountVnd),
    format: '#,##0',
  },
  {
    header: 'Hình thức',
    key: 'channel',
    width: 14,
    value: (d) => channels[String(d.channel)] ?? text(d.channel),
  },
  { header: 'Số biên lai', key: 'receiptNumber', width: 16, value: (d) => text(d.receiptNumber) },
  { header: 'Ghi chú', key: 'note', width: 30, value: (d) => text(d.note) },
  { header: 'Mã chiến dịch', key: 'campaignId', width: 38, value: (d) => text(d.campaignId) },
  { header: 'Mã hồ sơ', key: 'id', width: 38, value: (d) => text(d.id) },
];

const expenseColumns: Column[] = [
  { header: 'Ngày', key: 'spentOn', width: 12, value: (e) => text(e.spentOn) },
  { header: 'Nội dung', key: 'item', width: 36, value: (e) => text(e.item) },
  { header: 'Nhà cung cấp', key: 'supplier', width: 24, value: (e) => text(e.supplier) },
  {
    header: 'Số tiền (VND)',
    key: 'amountVnd',
    width: 16,
    value: (e) => amount(e.amountVnd),
    format: '#,##0',
  },
  {
    header: 'Số camera',
    key: 'cameraIds',
    width: 10,
    value: (e) => (Array.isArray(e.cameraIds) ? e.cameraIds.length : null),
  },
  { header: 'Số chứng từ', key: 'receiptNumber', width: 16, value: (e) => text(e.receiptNumber) },
  {
    header: 'Vượt số dư',
    key: 'overBalance',
    width: 10,
    value: (e) => (e.overBalance === true ? 'Có' : ''),
  },
  { header: 'Ghi chú', key: 'note', width: 30, value: (e) => text(e.note) },
  { header: 'Mã chiến dịch', key: 'campaignId', width: 38, value: (e) => text(e.campaignId) },
  { header: 'Mã hồ sơ', key: 'id', width: 38, value: (e) => text(e.id) },
];

function addRecords(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: Column[],
  items: RecordItem[],
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map(({ header, key, width }) => ({ header, key, width }));
  sheet.getRow(1).font = { bold: true };
  for (const item of items) {
    sheet.addRow(Object.fromEntries(columns.map((column) => [column.key, column.value(item)])));
  }
  for (const column of columns)
    if (column.format) sheet.getColumn(column.key).numFmt = column.format;
}

export async function renderReportXlsx(
  data: MonthlyReportData,
  sections: Section[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mắt Thần';
  workbook.title = `${reportTitle(data.month)} – ${unitTitle(data.unit)}`;
  workbook.created = new Date(data.generatedAt);
  addSummary(workbook, data, sections);
  const { records } = data;
  addRecords(workbook, recordSheetNames.incidents, incidentColumns, records.incidents);
  addRecords(workbook, recordSheetNames.cameras, cameraColumns, records.cameras);
  addRecords(workbook, recordSheetNames.donations, donationColumns, records.donations);
  addRecords(workbook, recordSheetNames.expenses, expenseColumns, records.expenses);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
