import { vnDateTime, vnPoliceOf } from '../../evidence/package/bien-ban-text';
import type { Section } from './figures';
import { reportSections } from './report-figures';
import { formatValue, missing } from './report-format';
import { reportFileBase, vnMonth } from './report-month';
import type { MonthlyReportData } from './report-types';

// The monthly report as a pure list of blocks (tested for its wording and its keys); rendering
// only places them on A4 pages. Every figure carries its record key, printed in small type, so a
// reader can ask for the records behind any number.

export type ReportBlock =
  | { kind: 'header'; left: string[]; right: string[] }
  | {
      kind: 'text';
      text: string;
      bold: boolean;
      size: number;
      align: 'left' | 'center' | 'justify';
      gapBefore: number;
    }
  | { kind: 'heading'; text: string }
  | {
      kind: 'figure';
      label: string;
      value: string;
      key: string | null;
      note: string | null;
      indent: number;
    }
  | {
      kind: 'table';
      title: string;
      columns: { title: string; width: number; key: string | null }[];
      rows: { label: string; key: string | null; cells: string[] }[];
    };

const text = (
  value: string,
  options: Partial<Omit<Extract<ReportBlock, { kind: 'text' }>, 'kind' | 'text'>> = {},
): ReportBlock => ({
  kind: 'text',
  text: value,
  bold: options.bold ?? false,
  size: options.size ?? 10,
  align: options.align ?? 'left',
  gapBefore: options.gapBefore ?? 0,
});

const ddmmyyyy = (date: string) => date.split('-').reverse().join('/');

export const reportTitle = (month: string) =>
  `BÁO CÁO KẾT QUẢ CÔNG TÁC CAMERA AN NINH THÁNG ${vnMonth(month)}`;

/** `phường Xuân Đỉnh`: the unit as Vietnamese writes it, kind first. */
export const unitTitle = (unit: { kind: string; name: string }) =>
  unit.kind ? `${unit.kind} ${unit.name}` : unit.name;

function sectionBlocks(section: Section): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', text: section.title }];
  for (const figure of section.figures) {
    blocks.push({
      kind: 'figure',
      label: figure.label,
      value: formatValue(figure.value, figure.unit),
      key: figure.key,
      note: figure.note ? figure.note : null,
      indent: figure.indent ?? 0,
    });
  }
  for (const table of section.tables) {
    blocks.push({
      kind: 'table',
      title: table.title,
      columns: table.columns.map((column) => ({ ...column, key: column.key ?? null })),
      rows: table.rows.map((row) => ({
        label: row.label,
        key: row.key ?? null,
        cells: row.cells.map((cell) => formatValue(cell.value, cell.unit)),
      })),
    });
  }
  for (const note of section.notes)
    blocks.push(text(note, { size: 8.5, align: 'justify', gapBefore: 4 }));
  return blocks;
}

export function reportLayout(data: MonthlyReportData): ReportBlock[] {
  const { unit, current } = data;
  const fileBase = reportFileBase(unit.code, data.month);
  const records = `/api/analytics/records?unitId=${unit.id}&from=${current.period.from}&to=${current.period.to}&key=<mã số liệu>`;
  return [
    {
      kind: 'header',
      left: [vnPoliceOf(unit).toUpperCase(), unitTitle(unit).toUpperCase()],
      right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    },
    text(reportTitle(data.month), { bold: true, size: 12.5, align: 'center', gapBefore: 22 }),
    text(`Đơn vị: ${unitTitle(unit)} (mã ${unit.code}), gồm các đơn vị trực thuộc`, {
      align: 'center',
      gapBefore: 4,
    }),
    text(
      `Kỳ báo cáo: từ ngày ${ddmmyyyy(current.period.from)} đến ngày ${ddmmyyyy(current.period.to)}`,
      {
        align: 'center',
      },
    ),
    text(
      `Lập lúc ${vnDateTime(data.generatedAt)} (giờ Việt Nam) từ dữ liệu của hệ thống Mắt Thần.`,
      {
        size: 8.5,
        align: 'center',
      },
    ),
    ...(current.empty
      ? [
          text(
            'Trong kỳ không có dữ liệu của đơn vị: các số đếm là 0, các tỷ lệ và trung vị để trống (' +
              `${missing}) vì không có gì để tính, không ghi thành 0.`,
            { bold: true, align: 'justify', gapBefore: 10 },
          ),
        ]
      : []),
    text(
      `Ký hiệu: ${missing} là không có số liệu để tính. Chữ nhỏ bên phải mỗi số là mã số liệu, dùng để tra danh sách hồ sơ đứng sau số đó.`,
      { size: 8.5, align: 'justify', gapBefore: 8 },
    ),
    ...reportSections(data).flatMap(sectionBlocks),
    text('NGUỒN SỐ LIỆU', { bold: true, gapBefore: 14 }),
    text(
      `Danh sách hồ sơ đứng sau từng số liệu: tệp ${fileBase}.xlsx (trang “Tổng hợp” ghi mọi số liệu kèm mã, đơn vị và kỳ; ` +
        'các trang “Vụ việc”, “Camera”, “Ủng hộ”, “Chi” liệt kê từng hồ sơ) và giao diện lập trình ' +
        `${records}.`,
      { size: 9, align: 'left' },
    ),
    text(
      'Mã dạng “a / b” là một tỷ lệ: hồ sơ của a chia cho hồ sơ của b. Mã dạng ' +
        '“incidents.byMonth.X..Y” là các vụ việc của từng tháng từ X đến Y (tra từng tháng). ' +
        'Số liệu của một đơn vị trực thuộc tra bằng mã của cột với unitId của đơn vị đó.',
      { size: 8.5, align: 'justify', gapBefore: 4 },
    ),
  ];
}
