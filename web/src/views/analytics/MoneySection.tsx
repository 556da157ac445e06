import type { DashboardMoney } from '../../api/analytics';
import { formatDate, formatNumber } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatVnd } from '../funding/money';
import { figureKeys } from './figureKeys';
import { StatCard } from './StatCard';

/** Community money: raised and spent up to the period's end, and what it bought. */
export function MoneySection({ money, to }: { money: DashboardMoney; to: string }) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <section className="card dash-section" data-testid="dash-money">
      <h2>{t('analytics.money.title')}</h2>
      <p className="muted">{t('analytics.records.upTo', { date: formatDate(to, language) })}</p>
      <div className="stat-grid">
        <StatCard
          testId="stat-raised"
          label={t('analytics.money.raised')}
          value={formatVnd(money.raisedVnd, language)}
          figure={{ key: figureKeys.moneyRaised, label: t('analytics.money.raised') }}
        />
        <StatCard
          testId="stat-spent"
          label={t('analytics.money.spent')}
          value={formatVnd(money.spentVnd, language)}
          figure={{ key: figureKeys.moneySpent, label: t('analytics.money.spent') }}
        />
        <StatCard
          testId="stat-funded"
          label={t('analytics.money.camerasFunded')}
          value={formatNumber(money.camerasFunded, language)}
          figure={{
            key: figureKeys.camerasFunded,
            label: t('analytics.money.camerasFunded'),
            expected: money.camerasFunded,
          }}
        />
        <StatCard
          testId="stat-cost-camera"
          label={t('analytics.money.costPerCamera')}
          value={formatVnd(money.costPerCameraVnd, language)}
          note={t('analytics.money.costPerCameraNote')}
          figure={{ key: figureKeys.moneySpent, label: t('analytics.money.spent') }}
        />
        <StatCard
          testId="stat-cost-case"
          label={t('analytics.money.costPerCase')}
          value={formatVnd(money.costPerSolvedWithFootageVnd, language)}
          note={t('analytics.money.costPerCaseNote')}
          figure={{
            key: figureKeys.solvedWithFootage,
            label: t('analytics.funnel.solvedWithFootage'),
          }}
        />
      </div>
    </section>
  );
}
