import { addMonths } from '../period';
import { figure, type Figure, type Section, type Table } from './figures';
import { vnBeforeAfterReason } from './report-labels';
import type { ReportDashboard } from './report-types';

// The second half of a report: whether incidents fell where cameras went in, what the cameras
// cost, and how the units below compare. Keys are those of the records API; a ratio is keyed
// `numerator / denominator`, a run of months `incidents.byMonth.<first>..<last>`.

const ba: Partial<Figure> = { period: 'beforeAfter' };
const sides = ['beforeIncidents', 'afterIncidents', 'beforeRate', 'afterRate'] as const;
const sideLabels = {
  beforeIncidents: 'số vụ trước',
  afterIncidents: 'số vụ sau',
  beforeRate: 'vụ/tháng trước',
  afterRate: 'vụ/tháng sau',
} as const;

/** The months each side of the roll-out counts, as a records key. */
export function windowKeys(b: ReportDashboard['beforeAfter']): { before: string; after: string } {
  const rollout = b.rolloutMonth;
  const beforeMonths = b.beforeMonths ?? b.months;
  const afterMonths = b.afterMonths ?? b.months;
  const range = (first: number, last: number) =>
    rollout === null || last < first
      ? 'incidents.byMonth'
      : `incidents.byMonth.${addMonths(rollout, first)}..${addMonths(rollout, last)}`;
  return { before: range(-beforeMonths, -1), after: range(1, afterMonths) };
}

function sideRow(
  label: string,
  side: ReportDashboard['beforeAfter']['treated'],
  keys: { before: string; after: string },
  perUnits: number,
): Table['rows'][number] {
  return {
    label,
    cells: sides.map((field) => {
      const key = field.startsWith('before') ? keys.before : keys.after;
      const isRate = field.endsWith('Rate');
      return figure(
        `${label}: ${sideLabels[field]}`,
        side[field],
        isRate ? 'rate' : 'count',
        isRate ? `${key} / (số tháng × ${perUnits} đơn vị)` : key,
        ba,
      );
    }),
  };
}

export function beforeAfterSection(d: ReportDashboard): Section {
  const b = d.beforeAfter;
  const keys = windowKeys(b);
  const rows: Table['rows'] = [sideRow('Đơn vị báo cáo', b.treated, keys, 1)];
  if (b.control) {
    rows.push(
      sideRow(`Nhóm đối chứng (${b.control.units} đơn vị)`, b.control, keys, b.control.units),
    );
  }
  const tables: Table[] = [
    {
      title: 'Số vụ việc trước và sau tháng lắp đặt',
      columns: [
        { title: '', width: 0.32 },
        { title: 'Số vụ trước', width: 0.17, key: keys.before },
        { title: 'Số vụ sau', width: 0.17, key: keys.after },
        { title: 'Vụ/tháng trước', width: 0.17 },
        { title: 'Vụ/tháng sau', width: 0.17 },
      ],
      rows,
    },
  ];
  if (b.children.length > 0) {
    tables.push({
      title: 'Các đơn vị trực thuộc có lắp đặt camera',
      columns: [
        { title: 'Đơn vị', width: 0.32 },
        { title: 'Tháng lắp đặt', width: 0.17, key: 'cameras.installed' },
        { title: 'Vụ/tháng trước', width: 0.17 },
        { title: 'Vụ/tháng sau', width: 0.17 },
        { title: 'Khác biệt kép', width: 0.17 },
      ],
      rows: b.children.map((child) => {
        const of = { ...ba, unitId: child.unitId, unitName: child.name };
        const childKeys = windowKeys({ ...b, rolloutMonth: child.rolloutMonth });
        return {
          label: child.name,
          cells: [
            figure(
              `${child.name}: tháng lắp đặt`,
              child.rolloutMonth,
              'month',
              'cameras.installed',
              of,
            ),
            figure(`${child.name}: vụ/tháng trước`, child.beforeRate, 'rate', childKeys.before, of),
            figure(`${child.name}: vụ/tháng sau`, child.afterRate, 'rate', childKeys.after, of),
            figure(`${child.name}: khác biệt kép`, child.did, 'rateChange', 'beforeAfter.did', {
              ...of,
              note:
                child.did === null && child.reason ? vnBeforeAfterReason(child.reason) : undefined,
            }),
          ],
        };
      }),
    });
  }
  return {
    title: 'IV. SO SÁNH TRƯỚC VÀ SAU KHI LẮP CAMERA',
    figures: [
      figure(
        'Tháng lắp đặt nhiều camera nhất (mốc so sánh)',
        b.rolloutMonth,
        'month',
        'cameras.installed',
        ba,
      ),
      figure('Số tháng so sánh ở mỗi phía của mốc', b.months, 'count', 'beforeAfter.months', {
        ...ba,
        note:
          b.afterMonths !== undefined && b.afterMonths < b.months
            ? `sau mốc mới có ${b.afterMonths} tháng đã kết thúc`
            : undefined,
      }),
      figure(
        'Khác biệt kép: thay đổi số vụ/tháng của đơn vị trừ thay đổi của nhóm đối chứng',
        b.did,
        'rateChange',
        'beforeAfter.did',
        {
          ...ba,
          note:
            b.did === null && b.reason
              ? `không tính được: ${vnBeforeAfterReason(b.reason)}`
              : undefined,
        },
      ),
    ],
    tables,
    notes: [
      'Số âm nghĩa là số vụ việc của đơn vị giảm nhiều hơn (hoặc tăng ít hơn) so với các đơn vị cùng cấp không lắp camera mới trong cùng thời gian. Các số vụ được ghi kèm để người đọc tự kiểm tra.',
    ],
  };
}

export function moneySection(d: ReportDashboard): Section {
  const m = d.money;
  const toDate: Partial<Figure> = { period: 'toDate' };
  return {
    title: 'V. KINH PHÍ XÃ HỘI HÓA',
    figures: [
      figure('Số tiền đã huy động', m.raisedVnd, 'vnd', 'money.raised', toDate),
      figure('Số tiền đã chi', m.spentVnd, 'vnd', 'money.spent', toDate),
      figure(
        'Số camera được đầu tư từ nguồn xã hội hóa',
        m.camerasFunded,
        'count',
        'money.camerasFunded',
        toDate,
      ),
      figure(
        'Chi phí bình quân mỗi camera',
        m.costPerCameraVnd,
        'vnd',
        'money.spent / money.camerasFunded',
        toDate,
      ),
      figure(
        'Chi phí cho mỗi vụ làm rõ có sử dụng hình ảnh camera trong tháng',
        m.costPerSolvedWithFootageVnd,
        'vnd',
        'money.spent / solvedWithFootage',
      ),
    ],
    tables: [],
    notes: [],
  };
}

type LeagueRow = ReportDashboard['league'][number];
type LeagueField = Exclude<keyof LeagueRow, 'unitId' | 'name' | 'level'>;

const leagueColumns: {
  title: string;
  width: number;
  field: LeagueField;
  unit: Figure['unit'];
  key: string;
}[] = [
  { title: 'Vụ việc', width: 0.1, field: 'incidents', unit: 'count', key: 'incidents.total' },
  { title: 'Đã làm rõ', width: 0.1, field: 'solved', unit: 'count', key: 'solved' },
  {
    title: 'Làm rõ nhờ camera',
    width: 0.11,
    field: 'solvedWithFootage',
    unit: 'count',
    key: 'solvedWithFootage',
  },
  {
    title: 'Tỷ lệ nhờ camera',
    width: 0.11,
    field: 'solvedWithFootageShare',
    unit: 'share',
    key: 'solvedWithFootage / solved',
  },
  {
    title: 'Camera',
    width: 0.1,
    field: 'camerasInstalled',
    unit: 'count',
    key: 'cameras.installed',
  },
  {
    title: 'Camera/ 1.000 dân',
    width: 0.11,
    field: 'camerasPer1000',
    unit: 'decimal',
    key: 'cameras.installed / dân số',
  },
  {
    title: 'Phủ đường (%)',
    width: 0.11,
    field: 'coveragePct',
    unit: 'percent',
    key: 'cameras.installed',
  },
];

export function leagueSection(d: ReportDashboard): Section {
  if (d.league.length === 0) {
    return {
      title: 'VI. CÁC ĐƠN VỊ TRỰC THUỘC',
      figures: [],
      tables: [],
      notes: ['Đơn vị không có đơn vị trực thuộc.'],
    };
  }
  return {
    title: 'VI. CÁC ĐƠN VỊ TRỰC THUỘC',
    figures: [],
    tables: [
      {
        title: 'Bảng so sánh các đơn vị trực thuộc trong tháng',
        columns: [
          { title: 'Đơn vị', width: 0.26 },
          ...leagueColumns.map(({ title, width, key }) => ({ title, width, key })),
        ],
        rows: d.league.map((row) => ({
          label: row.name,
          cells: leagueColumns.map(({ title, field, unit, key }) =>
            figure(`${row.name}: ${title.toLowerCase()}`, row[field], unit, key, {
              unitId: row.unitId,
              unitName: row.name,
              period: unit === 'count' && field === 'camerasInstalled' ? 'now' : 'month',
            }),
          ),
        })),
        note: 'Mã số liệu của mỗi dòng áp dụng cho đơn vị của dòng đó.',
      },
    ],
    notes: ['Mã số liệu trong bảng áp dụng cho đơn vị của từng dòng.'],
  };
}
