import { vnIncidentType } from '../../evidence/package/bien-ban-text';
import { breakdown, byCount, figure, type Figure, type Section, type TableRow } from './figures';
import { vnCameraStatus, vnConsentTier, vnOwnerKind, vnTargetMetric } from './report-labels';
import { shareOf } from './report-format';
import { vnMonth } from './report-month';
import type { MonthlyReportData, ReportDashboard } from './report-types';

// The first half of a report: the camera network, the month's incidents, and what footage did.

export function cameraSection(d: ReportDashboard): Section {
  const c = d.cameras;
  const now: Partial<Figure> = { period: 'now' };
  return {
    title: 'I. MẠNG LƯỚI CAMERA',
    figures: [
      figure('Tổng số camera', c.total, 'count', 'cameras.total', now),
      figure('Theo chủ sở hữu', null, 'text', null, now),
      ...breakdown(c.byOwnerKind, 'cameras.byOwnerKind', vnOwnerKind, 'now'),
      figure('Theo trạng thái', null, 'text', null, now),
      ...breakdown(c.byStatus, 'cameras.byStatus', vnCameraStatus, 'now'),
      figure('Theo mức chia sẻ của chủ camera', null, 'text', null, now),
      ...breakdown(c.byConsentTier, 'cameras.byConsentTier', vnConsentTier, 'now'),
      figure('Camera được hệ thống ghi hình', c.recorded, 'count', 'cameras.recorded', now),
      figure(
        'Thời gian hoạt động của camera được ghi hình',
        c.uptimePct,
        'percent',
        'cameras.recorded',
      ),
      figure(
        'Tỷ lệ chiều dài đường phố camera bao quát',
        c.coveragePct,
        'percent',
        'cameras.installed',
        now,
      ),
      ...c.targets.map((target) =>
        figure(
          `Chỉ tiêu: ${vnTargetMetric(target.metric)} đạt ${target.targetValue} trước ${target.dueOn}`,
          target.current,
          target.metric === 'coverage_pct' ? 'percent' : 'count',
          'cameras.installed',
          {
            period: 'now',
            note: [
              target.progressPct === null ? null : `tiến độ ${Math.round(target.progressPct)} %`,
              target.willMeet === null
                ? null
                : target.willMeet
                  ? 'dự kiến đạt đúng hạn'
                  : 'dự kiến không đạt đúng hạn',
              target.projectedOn ? `dự kiến đạt ngày ${target.projectedOn}` : null,
            ]
              .filter(Boolean)
              .join('; '),
          },
        ),
      ),
    ],
    tables: [],
    notes: [],
  };
}

export function incidentSection(data: MonthlyReportData): Section {
  const { current, previous, lastYear } = data;
  const types = [
    ...new Set([
      ...byCount(current.incidents.byType).map(([type]) => type),
      ...byCount(previous.incidents.byType).map(([type]) => type),
      ...byCount(lastYear.incidents.byType).map(([type]) => type),
    ]),
  ];
  const row = (label: string, key: string, pick: (d: ReportDashboard) => number): TableRow => {
    const [now, before, yearAgo] = [pick(current), pick(previous), pick(lastYear)];
    return {
      label,
      key,
      cells: [
        figure(label, now, 'count', key),
        figure(label, before, 'count', key, { period: 'previous' }),
        figure(label, yearAgo, 'count', key, { period: 'lastYear' }),
        figure(`${label}: so với tháng trước`, now - before, 'change', null),
        figure(`${label}: so với cùng kỳ năm trước`, now - yearAgo, 'change', null),
      ],
    };
  };
  return {
    title: 'II. TÌNH HÌNH VỤ VIỆC',
    figures: [
      figure(
        'Tổng số vụ việc xảy ra trong tháng',
        current.incidents.total,
        'count',
        'incidents.total',
      ),
      figure(
        'Số vụ việc xảy ra ban đêm (18:00–05:59)',
        current.incidents.night,
        'count',
        'incidents.night',
      ),
      figure(
        'Tỷ lệ vụ việc xảy ra ban đêm',
        current.incidents.nightShare,
        'share',
        'incidents.night / incidents.total',
      ),
    ],
    tables: [
      {
        title: 'Vụ việc theo loại, so với tháng trước và cùng kỳ năm trước',
        columns: [
          { title: 'Loại vụ việc', width: 0.3 },
          { title: `Tháng ${vnMonth(data.month)}`, width: 0.14 },
          { title: `Tháng ${vnMonth(data.previousMonth)}`, width: 0.14 },
          { title: `Tháng ${vnMonth(data.lastYearMonth)}`, width: 0.14 },
          { title: 'So với tháng trước', width: 0.14 },
          { title: 'So với cùng kỳ', width: 0.14 },
        ],
        rows: [
          row('Tổng số', 'incidents.total', (d) => d.incidents.total),
          ...types.map((type) =>
            row(
              vnIncidentType(type),
              `incidents.byType.${type}`,
              (d) => d.incidents.byType[type] ?? 0,
            ),
          ),
        ],
      },
    ],
    notes: [],
  };
}

export function funnelSection(d: ReportDashboard): Section {
  const f = d.funnel;
  const step = (label: string, n: number, key: string) =>
    figure(label, n, 'count', key, { note: shareOf(n, f.incidents) });
  const m = d.medianHoursToSolve;
  return {
    title: 'III. CAMERA TRONG GIẢI QUYẾT VỤ VIỆC',
    figures: [
      step('Vụ việc xảy ra trong tháng', f.incidents, 'funnel.incidents'),
      step('Có camera hướng vào hiện trường', f.withCandidates, 'funnel.withCandidates'),
      step('Đã yêu cầu hoặc trích xuất hình ảnh', f.requested, 'funnel.requested'),
      step('Đã nhận được hình ảnh', f.received, 'funnel.received'),
      step('Hình ảnh được sử dụng trong giải quyết', f.used, 'funnel.used'),
      step('Đã làm rõ sau khi sử dụng hình ảnh', f.solved, 'funnel.solved'),
      figure('Tổng số vụ đã làm rõ trong tháng', d.solved, 'count', 'solved'),
      figure(
        'Trong đó làm rõ có sử dụng hình ảnh camera',
        d.solvedWithFootage,
        'count',
        'solvedWithFootage',
        {
          indent: 1,
        },
      ),
      figure(
        'Tỷ lệ vụ đã làm rõ có sử dụng hình ảnh camera',
        d.solvedWithFootageShare,
        'share',
        'solvedWithFootage / solved',
      ),
      figure(
        'Thời gian làm rõ (trung vị), có hình ảnh camera',
        m.withFootage,
        'hours',
        'medianHoursToSolve.withFootage',
      ),
      figure(
        'Số vụ làm rõ có hình ảnh camera',
        m.withFootageCount,
        'count',
        'medianHoursToSolve.withFootage',
        { indent: 1 },
      ),
      figure(
        'Thời gian làm rõ (trung vị), không có hình ảnh camera',
        m.withoutFootage,
        'hours',
        'medianHoursToSolve.withoutFootage',
      ),
      figure(
        'Số vụ làm rõ không có hình ảnh camera',
        m.withoutFootageCount,
        'count',
        'medianHoursToSolve.withoutFootage',
        { indent: 1 },
      ),
    ],
    tables: [],
    notes: [
      'Mỗi bước là tập con của bước trước: một vụ chỉ được tính ở một bước khi đã được tính ở tất cả các bước trước đó.',
    ],
  };
}
