import type { DashboardIncidents } from '../../api/analytics';
import { formatNumber } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { countRows, formatShare, isNightHour, monthLabel } from './analyticsRules';
import { BarList } from './BarList';
import { figureKeys } from './figureKeys';
import { HeatMap } from './HeatMap';
import { StatCard } from './StatCard';
import { SvgBars } from './SvgBars';

/** What happened: how many cases, of what kind, in which months, at what hour, and where. */
export function IncidentSection({ incidents }: { incidents: DashboardIncidents }) {
  const t = useT();
  const { language } = useLanguage();
  // The server's own count when it sends one; otherwise the night hours added up.
  const nightCount =
    incidents.night ??
    incidents.byHour.reduce((sum, n, hour) => sum + (isNightHour(hour) ? n : 0), 0);
  const types = countRows(incidents.byType).map(([type, n]) => ({
    id: type,
    label: t(`incidents.typeName.${type}`),
    n,
    figure: {
      key: figureKeys.incidentsByType(type),
      label: t(`incidents.typeName.${type}`),
      expected: n,
    },
  }));
  const months = incidents.byMonth.map(({ month, n }) => ({
    id: month,
    // Every month's label would crowd a long period: January and every third month are enough.
    tick:
      incidents.byMonth.length <= 6 || month.endsWith('-01') || Number(month.slice(5)) % 3 === 1
        ? monthLabel(month)
        : '',
    n,
    figure: {
      key: figureKeys.incidentsByMonth(month),
      label: t('analytics.incidents.inMonth', { month: monthLabel(month) }),
      expected: n,
    },
  }));
  const hours = incidents.byHour.map((n, hour) => ({
    id: String(hour),
    tick: hour % 3 === 0 ? String(hour) : '',
    n,
    shaded: isNightHour(hour),
    figure: {
      key: figureKeys.incidentsByHour(hour),
      label: t('analytics.incidents.atHour', { hour: String(hour).padStart(2, '0') }),
      expected: n,
    },
  }));

  return (
    <section className="card dash-section" data-testid="dash-incidents">
      <h2>{t('analytics.incidents.title')}</h2>
      <div className="stat-grid">
        <StatCard
          testId="stat-incidents"
          label={t('analytics.incidents.total')}
          value={formatNumber(incidents.total, language)}
          figure={{
            key: figureKeys.incidentsTotal,
            label: t('analytics.incidents.total'),
            expected: incidents.total,
          }}
        />
        <StatCard
          testId="stat-night"
          label={t('analytics.incidents.nightShare')}
          value={formatShare(incidents.nightShare, language)}
          note={t('analytics.incidents.nightCount', { n: formatNumber(nightCount, language) })}
          figure={{
            key: figureKeys.incidentsNight,
            label: t('analytics.incidents.night'),
            expected: nightCount,
          }}
        />
      </div>
      <div className="dash-columns">
        <div>
          <h3>{t('analytics.incidents.byType')}</h3>
          <BarList rows={types} testId="bars-type" emptyText={t('analytics.none')} />
        </div>
        <div>
          <h3>{t('analytics.incidents.byMonth')}</h3>
          <SvgBars
            bars={months}
            barWidth={18}
            label={t('analytics.incidents.byMonth')}
            testId="chart-months"
          />
        </div>
      </div>
      <h3>{t('analytics.incidents.byHour')}</h3>
      <SvgBars
        bars={hours}
        barWidth={14}
        label={t('analytics.incidents.byHour')}
        testId="chart-hours"
      />
      <p className="muted chart-legend">
        <span className="night-key" aria-hidden="true" /> {t('analytics.incidents.nightKey')}
      </p>
      <h3>{t('analytics.incidents.heat')}</h3>
      {incidents.heat.length === 0 ? (
        <p className="muted">{t('analytics.none')}</p>
      ) : (
        <HeatMap cells={incidents.heat} />
      )}
    </section>
  );
}
