import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReportFiles as renderMonthlyReport } from './report-files';
import { reportSections, summaryRows } from './report-figures';
import { reportLayout, type ReportBlock } from './report-layout';
import { emptyDashboard, fixedReport } from './report.fixtures';
import { recordSheetNames, summarySheetName } from './report-xlsx';

const figures = (blocks: ReportBlock[]) =>
  blocks.filter((b): b is Extract<ReportBlock, { kind: 'figure' }> => b.kind === 'figure');
const texts = (blocks: ReportBlock[]) =>
  blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : b.kind === 'heading' ? [b.text] : []));

describe('monthly report layout', () => {
  const blocks = reportLayout(fixedReport());

  it('opens with the title, the unit and the period', () => {
    expect(blocks[0]).toMatchObject({
      kind: 'header',
      left: ['CÔNG AN PHƯỜNG XUÂN ĐỈNH', 'PHƯỜNG XUÂN ĐỈNH'],
    });
    expect(texts(blocks).slice(0, 3)).toEqual([
      'BÁO CÁO KẾT QUẢ CÔNG TÁC CAMERA AN NINH THÁNG 03/2026',
      'Đơn vị: phường Xuân Đỉnh (mã 00611), gồm các đơn vị trực thuộc',
      'Kỳ báo cáo: từ ngày 01/03/2026 đến ngày 31/03/2026',
    ]);
  });

  it('has every section, in order', () => {
    expect(
      blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : '')),
    ).toEqual([
      'I. MẠNG LƯỚI CAMERA',
      'II. TÌNH HÌNH VỤ VIỆC',
      'III. CAMERA TRONG GIẢI QUYẾT VỤ VIỆC',
      'IV. SO SÁNH TRƯỚC VÀ SAU KHI LẮP CAMERA',
      'V. KINH PHÍ XÃ HỘI HÓA',
      'VI. CÁC ĐƠN VỊ TRỰC THUỘC',
    ]);
  });

  it('labels every figure with the key of the records behind it', () => {
    const withValues = figures(blocks).filter((f) => f.value !== '');
    expect(withValues.every((f) => f.key !== null)).toBe(true);
    const shown = (label: string) => {
      const found = withValues.find((f) => f.label === label);
      return found && [found.value, found.key];
    };
    expect(shown('Tổng số camera')).toEqual(['12', 'cameras.total']);
    expect(shown('Đang hoạt động')).toEqual(['9', 'cameras.byStatus.online']);
    expect(shown('Số vụ việc xảy ra ban đêm (18:00–05:59)')).toEqual(['5', 'incidents.night']);
    expect(shown('Tỷ lệ vụ việc xảy ra ban đêm')).toEqual([
      '62,5 %',
      'incidents.night / incidents.total',
    ]);
    expect(shown('Đã yêu cầu hoặc trích xuất hình ảnh')).toEqual(['5', 'funnel.requested']);
    expect(shown('Tỷ lệ vụ đã làm rõ có sử dụng hình ảnh camera')).toEqual([
      '75,0 %',
      'solvedWithFootage / solved',
    ]);
    expect(shown('Thời gian làm rõ (trung vị), không có hình ảnh camera')).toEqual([
      '96,0 giờ',
      'medianHoursToSolve.withoutFootage',
    ]);
    expect(shown('Số tiền đã chi')).toEqual(['144.000.000 đ', 'money.spent']);
    expect(shown('Chi phí bình quân mỗi camera')).toEqual([
      '9.000.000 đ',
      'money.spent / money.camerasFunded',
    ]);
    expect(
      shown('Khác biệt kép: thay đổi số vụ/tháng của đơn vị trừ thay đổi của nhóm đối chứng'),
    ).toEqual(['-2,83', 'beforeAfter.did']);
  });

  it('keys the before and after counts by the months they span', () => {
    const table = blocks.find((b) => b.kind === 'table' && b.title.startsWith('Số vụ việc trước'));
    expect(table?.kind === 'table' && table.columns.map((c) => c.key)).toEqual([
      null,
      'incidents.byMonth.2025-03..2025-08',
      'incidents.byMonth.2025-10..2026-03',
      null,
      null,
    ]);
    expect(table?.kind === 'table' && table.rows.map((r) => r.cells)).toEqual([
      ['60', '42', '10,00', '7,00'],
      ['48', '46', '4,00', '3,83'],
    ]);
  });

  it('compares incident types with the previous month and the same month last year', () => {
    const table = blocks.find((b) => b.kind === 'table' && b.title.startsWith('Vụ việc theo loại'));
    expect(table?.kind === 'table' && table.rows).toEqual([
      { label: 'Tổng số', key: 'incidents.total', cells: ['8', '10', '0', '-2', '+8'] },
      {
        label: 'Trộm cắp tài sản',
        key: 'incidents.byType.theft',
        cells: ['5', '7', '0', '-2', '+5'],
      },
      {
        label: 'Cướp giật tài sản',
        key: 'incidents.byType.snatch_robbery',
        cells: ['3', '0', '0', '+3', '+3'],
      },
      {
        label: 'Trộm đột nhập',
        key: 'incidents.byType.burglary',
        cells: ['0', '3', '0', '-3', '0'],
      },
    ]);
  });

  it('says where the records behind each figure are', () => {
    const closing = texts(blocks).at(-2) ?? '';
    expect(closing).toContain('bao-cao-camera-00611-2026-03.xlsx');
    expect(closing).toContain(
      '/api/analytics/records?unitId=u-xuandinh&from=2026-03-01&to=2026-03-31&key=',
    );
  });

  it('shows an empty month honestly: dashes for rates, a reason for no comparison', () => {
    const empty = fixedReport({ current: emptyDashboard(fixedReport().current.period) });
    const laid = reportLayout(empty);
    expect(texts(laid).some((t) => t.startsWith('Trong kỳ không có dữ liệu'))).toBe(true);
    const byLabel = new Map(figures(laid).map((f) => [f.label, f]));
    expect(byLabel.get('Tổng số vụ việc xảy ra trong tháng')?.value).toBe('0');
    expect(byLabel.get('Tỷ lệ vụ việc xảy ra ban đêm')?.value).toBe('—');
    expect(byLabel.get('Thời gian làm rõ (trung vị), có hình ảnh camera')?.value).toBe('—');
    expect(byLabel.get('Chi phí bình quân mỗi camera')?.value).toBe('—');
    const did = figures(laid).find((f) => f.key === 'beforeAfter.did');
    expect(did).toMatchObject({
      value: '—',
      note: 'không tính được: chưa xác định được tháng lắp đặt camera',
    });
  });

  it('lists each figure once per unit and period in the summary, with the query behind it', () => {
    const data = fixedReport();
    const rows = summaryRows(data, reportSections(data));
    const previous = rows.find(
      (r) => r.figure.key === 'incidents.total' && r.figure.period === 'previous',
    );
    expect(previous).toMatchObject({ from: '2026-02-01', to: '2026-02-28', figure: { value: 10 } });
    const league = rows.find((r) => r.figure.label === 'Tân Xuân 1: camera/ 1.000 dân');
    expect(league).toMatchObject({
      unitId: 'u-tanxuan1',
      unitName: 'Tân Xuân 1',
      figure: { value: 2.4 },
    });
  });
});

describe('monthly report files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'matthan-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders a PDF whose Vietnamese text survives extraction and whose first page renders', async () => {
    const { pdf, fileBase } = await renderMonthlyReport(fixedReport());
    const path = join(dir, `${fileBase}.pdf`);
    writeFileSync(path, pdf);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('BÁO CÁO KẾT QUẢ CÔNG TÁC CAMERA AN NINH THÁNG 03/2026');
    expect(text).toContain('phường Xuân Đỉnh');
    expect(text).toContain('Cướp giật tài sản');
    expect(text).toContain('150.000.000 đ');
    expect(text).toContain('funnel.requested');
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', path, join(dir, 'page')]);
    expect(execFileSync('ls', [dir], { encoding: 'utf8' })).toMatch(/page-0?1\.png/);
  });

  it('writes an XLSX whose summary holds the same numbers, as numbers', async () => {
    const data = fixedReport();
    const { xlsx } = await renderMonthlyReport(data);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet(summarySheetName);
    const values = new Map<string, unknown>();
    summary?.eachRow((row, index) => {
      if (index === 1) return;
      const [key, unit, from] = [5, 7, 8].map((column) => row.getCell(column).text);
      values.set(`${unit} ${key} ${from}`, row.getCell(3).value);
    });
    expect(values.get('u-xuandinh incidents.total 2026-03-01')).toBe(8);
    expect(values.get('u-xuandinh incidents.total 2026-02-01')).toBe(10);
    expect(values.get('u-xuandinh incidents.night / incidents.total 2026-03-01')).toBe(0.625);
    expect(values.get('u-xuandinh money.raised 2026-03-01')).toBe(150_000_000);
    expect(values.get('u-tanxuan1 solvedWithFootage 2026-03-01')).toBe(3);
    const incidents = workbook.getWorksheet(recordSheetNames.incidents);
    expect(incidents?.getRow(2).getCell(1).value).toBe('00611-2026-0007');
    expect(incidents?.getRow(2).getCell(2).value).toBe('Cướp giật tài sản');
    expect(incidents?.getRow(2).getCell(3).value).toBe('05/03/2026 22:10');
    const donations = workbook.getWorksheet(recordSheetNames.donations);
    expect(donations?.getRow(2).values).toContain(150_000_000);
  });
});
