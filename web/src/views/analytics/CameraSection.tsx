import type { DashboardCameras } from '../../api/analytics';
import { withQuery } from '../../api/client';
import { formatDate, formatNumber } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatPct } from '../coverage/coverageRules';
import { ProgressBar } from '../planning/ProgressBar';
import { monthOf } from '../planning/planningRules';
import { countRows } from './analyticsRules';
import { BarList } from './BarList';
import { figureKeys, type CameraGroup } from './figureKeys';
import { StatCard } from './StatCard';

/** The camera network: how many, whose, in what state, sharing what, recording how reliably. */
export function CameraSection({ cameras, unitId }: { cameras: DashboardCameras; unitId: string }) {
  const t = useT();
  const { language } = useLanguage();
  const rows = <K extends string>(
    name: CameraGroup,
    counts: Partial<Record<K, number>>,
    label: (value: K) => string,
  ) =>
    countRows(counts).map(([value, n]) => ({
      id: value,
      label: label(value),
      n,
      figure: { key: figureKeys.camerasBy(name, value), label: label(value), expected: n },
    }));
  const owners = rows('byOwnerKind', cameras.byOwnerKind, (v) => t(`ownerKind.${v}`));
  const statuses = rows('byStatus', cameras.byStatus, (v) => t(`status.${v}`));
  const tiers = rows('byConsentTier', cameras.byConsentTier, (v) => t(`consent.${v}`));
  const none = t('analytics.none');

  return (
    <section className="card dash-section" data-testid="dash-cameras">
      <h2>{t('analytics.cameras.title')}</h2>
      <div className="stat-grid">
        <StatCard
          testId="stat-cameras-total"
          label={t('analytics.cameras.total')}
          value={formatNumber(cameras.total, language)}
          figure={{
            key: figureKeys.camerasTotal,
            label: t('analytics.cameras.total'),
            expected: cameras.total,
          }}
        />
        <StatCard
          testId="stat-cameras-recorded"
          label={t('analytics.cameras.recorded')}
          value={formatNumber(cameras.recorded, language)}
          figure={{
            key: figureKeys.camerasRecorded,
            label: t('analytics.cameras.recorded'),
            expected: cameras.recorded,
          }}
        />
        <StatCard
          testId="stat-uptime"
          label={t('analytics.cameras.uptime')}
          value={formatPct(cameras.uptimePct, language)}
          note={t('analytics.cameras.uptimeNote')}
          figure={{ key: figureKeys.camerasRecorded, label: t('analytics.cameras.uptime') }}
        />
        <StatCard
          testId="stat-coverage"
          label={t('analytics.cameras.coverage')}
          value={formatPct(cameras.coveragePct, language)}
          href={withQuery('/coverage', { unitId })}
        />
      </div>
      <div className="dash-columns">
        <div>
          <h3>{t('analytics.cameras.byOwnerKind')}</h3>
          <BarList rows={owners} testId="bars-owner" emptyText={none} />
        </div>
        <div>
          <h3>{t('analytics.cameras.byStatus')}</h3>
          <BarList rows={statuses} testId="bars-status" emptyText={none} />
        </div>
        <div>
          <h3>{t('analytics.cameras.byConsentTier')}</h3>
          <BarList rows={tiers} testId="bars-consent" emptyText={none} />
        </div>
      </div>
      <h3>{t('analytics.cameras.targets')}</h3>
      {cameras.targets.length === 0 ? (
        <p className="muted">{t('targets.empty')}</p>
      ) : (
        <ul className="dash-targets">
          {cameras.targets.map((target) => {
            const value = (n: number) =>
              target.metric === 'coverage_pct' ? formatPct(n, language) : formatNumber(n, language);
            // Late only when there is a projection that misses the date; no projection is no verdict.
            const reached = target.current >= target.targetValue;
            const late = !reached && target.projectedOn !== null && !target.willMeet;
            return (
              <li key={`${target.metric}-${target.dueOn}`} data-testid="dash-target">
                <a href={withQuery('/targets', { unitId })}>
                  {t(`targets.metric.${target.metric}`)}: <strong>{value(target.current)}</strong> /{' '}
                  {value(target.targetValue)} ·{' '}
                  {t('targets.dueOn', { date: formatDate(target.dueOn, language) })}
                </a>
                <ProgressBar
                  pct={target.progressPct}
                  tone={late ? 'late' : 'ok'}
                  label={t('targets.progress', { pct: formatPct(target.progressPct, language) })}
                />
                <span
                  className={`projection projection--${late ? 'late' : reached || target.projectedOn ? 'ok' : 'unknown'}`}
                >
                  {reached
                    ? t('targets.reached')
                    : target.projectedOn
                      ? t(late ? 'targets.projectionLate' : 'targets.projectionOnTime', {
                          month: monthOf(target.projectedOn),
                        })
                      : t('targets.noProjection')}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
