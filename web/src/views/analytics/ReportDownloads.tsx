import { useState } from 'react';
import { monthlyReportUrl } from '../../api/analytics';
import { useT } from '../../i18n/i18n';
import { lastFinishedMonth } from './analyticsRules';

/**
 * The monthly report police must write anyway, as a PDF to file and its figures as a workbook.
 * Only finished months are offered: the server refuses a report for a month not yet over.
 */
export function ReportDownloads({ unitId, nowMs }: { unitId: string; nowMs: number }) {
  const t = useT();
  const latest = lastFinishedMonth(nowMs);
  const [month, setMonth] = useState(latest);
  const valid = /^\d{4}-\d{2}$/.test(month) && month <= latest;
  return (
    <div className="report-downloads" data-testid="report-downloads">
      <label className="filter">
        <span>{t('analytics.report.month')}</span>
        <input
          id="report-month"
          type="month"
          max={latest}
          value={month}
          onChange={(event) => setMonth(event.target.value)}
        />
      </label>
      {valid ? (
        <>
          <a
            className="button"
            data-testid="report-pdf"
            href={monthlyReportUrl('pdf', unitId, month)}
            download
          >
            {t('analytics.report.pdf')}
          </a>
          <a
            className="button"
            data-testid="report-xlsx"
            href={monthlyReportUrl('xlsx', unitId, month)}
            download
          >
            {t('analytics.report.xlsx')}
          </a>
        </>
      ) : (
        <span className="muted">{t('analytics.report.chooseMonth')}</span>
      )}
    </div>
  );
}
