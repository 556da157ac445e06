import { useCallback, useState } from 'react';
import { analytics, type Dashboard } from '../api/analytics';
import { withQuery } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { UnitPicker } from '../components/UnitPicker';
import { navigate, useLocation } from '../hooks/router';
import { useMe } from '../hooks/session';
import { useResource } from '../hooks/useResource';
import { formatDate, formatDateTime } from '../i18n/format';
import { useLanguage, useT } from '../i18n/i18n';
import { presetPeriod, type Period } from '../views/analytics/analyticsRules';
import { BeforeAfterSection } from '../views/analytics/BeforeAfterSection';
import { CameraSection } from '../views/analytics/CameraSection';
import { OpenRecordsProvider } from '../views/analytics/FigureButton';
import type { Figure } from '../views/analytics/figureKeys';
import { FunnelSection } from '../views/analytics/FunnelSection';
import { IncidentSection } from '../views/analytics/IncidentSection';
import { LeagueTable } from '../views/analytics/LeagueTable';
import { MoneySection } from '../views/analytics/MoneySection';
import { PeriodPicker } from '../views/analytics/PeriodPicker';
import { RecordsPanel } from '../views/analytics/RecordsPanel';
import { ReportDownloads } from '../views/analytics/ReportDownloads';
import '../styles/planning.css';
import '../styles/analytics.css';

const rolloutChoices = [3, 6, 12, 18, 24];

/**
 * Whether the cameras work, for one unit (with everything under it) over a period: the camera
 * network, the cases, the funnel from case to solved, before and after the roll-out, the money
 * and the units side by side. The unit and period live in the address, so a view can be shared.
 */
export function DashboardPage() {
  const t = useT();
  const me = useMe();
  const { query } = useLocation();
  const [nowMs] = useState(() => Date.now());
  const unitId = query.get('unitId') ?? me.jurisdictionId ?? '';
  const fallback = presetPeriod('last12', nowMs);
  const period: Period = {
    from: query.get('from') ?? fallback.from,
    to: query.get('to') ?? fallback.to,
  };
  const months = Number(query.get('months') ?? 6);
  const request = { unitId, ...period, months };
  const dashboard = useResource(
    () => analytics.dashboard(request),
    unitId ? `dashboard:${JSON.stringify(request)}` : null,
  );
  const [figure, setFigure] = useState<Figure | null>(null);
  const closePanel = useCallback(() => setFigure(null), []);
  const go = (change: Partial<{ unitId: string; from: string; to: string; months: number }>) => {
    setFigure(null);
    navigate(withQuery('/dashboard', { ...request, ...change }), { replace: true });
  };
  const data = dashboard.data;
  const current = data && data.unit.id === unitId ? data : undefined;

  return (
    <OpenRecordsProvider value={setFigure}>
      <div
        className={`page dashboard-page${figure ? ' dashboard-page--panel' : ''}`}
        data-testid="dashboard-page"
        data-loaded={current && !dashboard.loading ? 'true' : 'false'}
        data-empty={current ? String(current.empty) : ''}
        data-unit-id={current?.unit.id ?? ''}
        data-from={current?.period.from ?? ''}
        data-to={current?.period.to ?? ''}
      >
        <div className="page-header">
          <h1>{t('analytics.title')}</h1>
        </div>
        <div className="dash-controls">
          <div className="filter">
            <span>{t('analytics.unit')}</span>
            <UnitPicker
              id="dash-unit"
              value={unitId}
              onChange={(unit) => unit && go({ unitId: unit.id })}
            />
          </div>
          <PeriodPicker period={period} nowMs={nowMs} onChange={(next) => go(next)} />
          <label className="filter">
            <span>{t('analytics.beforeAfter.monthsLabel')}</span>
            <select
              id="dash-months"
              value={months}
              onChange={(event) => go({ months: Number(event.target.value) })}
            >
              {rolloutChoices.map((n) => (
                <option key={n} value={n}>
                  {t('analytics.beforeAfter.monthsChoice', { n })}
                </option>
              ))}
            </select>
          </label>
        </div>
        {!unitId ? <p className="empty">{t('analytics.chooseUnit')}</p> : null}
        <ErrorMessage error={dashboard.error} />
        {dashboard.loading ? <p className="muted">{t('common.loading')}</p> : null}
        {current ? (
          <DashboardBody data={current} unitId={unitId} period={period} nowMs={nowMs} />
        ) : null}
      </div>
      {figure && current ? (
        <RecordsPanel
          key={`${figure.key}:${figure.unitId ?? ''}:${figure.period?.from ?? ''}`}
          figure={figure}
          unitId={unitId}
          period={current.period}
          onClose={closePanel}
        />
      ) : null}
    </OpenRecordsProvider>
  );
}

function DashboardBody(props: { data: Dashboard; unitId: string; period: Period; nowMs: number }) {
  const { data, unitId, period, nowMs } = props;
  const t = useT();
  const { language } = useLanguage();
  return (
    <>
      <p className="muted dash-scope" data-testid="dash-scope">
        {data.unit.name} · {formatDate(data.period.from, language)} –{' '}
        {formatDate(data.period.to, language)} ·{' '}
        {t('analytics.generatedAt', { at: formatDateTime(data.generatedAt, language) })}
      </p>
      <ReportDownloads unitId={unitId} nowMs={nowMs} />
      {data.empty ? (
        <div className="card dash-empty" data-testid="dash-empty">
          <h2>{t('analytics.empty.title')}</h2>
          <p>{t('analytics.empty.explain', { unit: data.unit.name })}</p>
        </div>
      ) : (
        <div className="dash-sections">
          <FunnelSection
            funnel={data.funnel}
            solved={data.solved}
            solvedWithFootage={data.solvedWithFootage}
            solvedWithFootageShare={data.solvedWithFootageShare}
            medianHoursToSolve={data.medianHoursToSolve}
          />
          <IncidentSection incidents={data.incidents} />
          <CameraSection cameras={data.cameras} unitId={unitId} />
          <BeforeAfterSection beforeAfter={data.beforeAfter} period={period} />
          <MoneySection money={data.money} to={data.period.to} />
          <LeagueTable rows={data.league} period={period} />
        </div>
      )}
    </>
  );
}
