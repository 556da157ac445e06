import { funnelSteps, type Dashboard } from '../../api/analytics';
import { formatNumber } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatPct } from '../coverage/coverageRules';
import { formatHours, formatShare, scaleBars, stepPct } from './analyticsRules';
import { FigureButton } from './FigureButton';
import { figureKeys } from './figureKeys';
import { StatCard } from './StatCard';

type FunnelProps = Pick<
  Dashboard,
  'funnel' | 'solved' | 'solvedWithFootage' | 'solvedWithFootageShare' | 'medianHoursToSolve'
>;

/**
 * From case to solved, each step a subset of the one before: how many cases had cameras
 * nearby, got footage asked for, received, used, and were solved. Each step shows the share
 * of the step before, so the leak is visible where it happens.
 */
export function FunnelSection(props: FunnelProps) {
  const { funnel, solvedWithFootageShare, medianHoursToSolve } = props;
  const t = useT();
  const { language } = useLanguage();
  const counts = funnelSteps.map((step) => funnel[step]);
  const widths = scaleBars(counts, 100);
  const median = medianHoursToSolve;
  const notEnough = <span className="stat-text">{t('analytics.notEnough')}</span>;

  return (
    <section className="card dash-section" data-testid="dash-funnel">
      <h2>{t('analytics.funnel.title')}</h2>
      <ol className="funnel">
        {funnelSteps.map((step, index) => {
          const n = funnel[step];
          const previous = index > 0 ? counts[index - 1] : undefined;
          const pct = previous === undefined ? null : stepPct(n, previous);
          const label = t(`analytics.funnel.${step}`);
          return (
            <li key={step} className="funnel-step" data-step={step}>
              <span className="funnel-label">{label}</span>
              <span className="funnel-track" aria-hidden="true">
                <span className="funnel-fill" style={{ width: `${widths[index] ?? 0}%` }} />
              </span>
              <FigureButton
                figure={{ key: figureKeys.funnel(step), label, expected: n }}
                className="funnel-count"
                testId={`funnel-${step}`}
              >
                {formatNumber(n, language)}
              </FigureButton>
              <span className="funnel-pct muted" data-testid={`funnel-pct-${step}`}>
                {previous === undefined || pct === null
                  ? ''
                  : t('analytics.funnel.ofPrevious', { pct: formatPct(pct, language) })}
              </span>
            </li>
          );
        })}
      </ol>
      <div className="stat-grid">
        <StatCard
          testId="stat-solved-share"
          label={t('analytics.funnel.solvedShare')}
          value={formatShare(solvedWithFootageShare, language)}
          note={
            props.solved !== undefined && props.solvedWithFootage !== undefined ? (
              <>
                <FigureButton
                  testId="solved-with-footage"
                  figure={{
                    key: figureKeys.solvedWithFootage,
                    label: t('analytics.funnel.solvedWithFootage'),
                    expected: props.solvedWithFootage,
                  }}
                >
                  {formatNumber(props.solvedWithFootage, language)}
                </FigureButton>{' '}
                /{' '}
                <FigureButton
                  testId="solved-all"
                  figure={{
                    key: figureKeys.solved,
                    label: t('analytics.funnel.solvedAll'),
                    expected: props.solved,
                  }}
                >
                  {formatNumber(props.solved, language)}
                </FigureButton>{' '}
                {t('analytics.funnel.solvedShareNote')}
              </>
            ) : null
          }
          figure={{
            key: figureKeys.solvedWithFootage,
            label: t('analytics.funnel.solvedWithFootage'),
            expected: props.solvedWithFootage,
          }}
        />
        <StatCard
          testId="stat-median-with"
          label={t('analytics.funnel.medianWith')}
          value={
            median.withFootage === null
              ? notEnough
              : t('analytics.hours', { hours: formatHours(median.withFootage, language) })
          }
          note={t('analytics.funnel.overCases', {
            n: formatNumber(median.withFootageCount, language),
          })}
          figure={{
            key: figureKeys.medianWithFootage,
            label: t('analytics.funnel.solvedWithFootage'),
            expected: median.withFootageCount,
          }}
        />
        <StatCard
          testId="stat-median-without"
          label={t('analytics.funnel.medianWithout')}
          value={
            median.withoutFootage === null
              ? notEnough
              : t('analytics.hours', { hours: formatHours(median.withoutFootage, language) })
          }
          note={t('analytics.funnel.overCases', {
            n: formatNumber(median.withoutFootageCount, language),
          })}
          figure={{
            key: figureKeys.medianWithoutFootage,
            label: t('analytics.funnel.solvedWithoutFootage'),
            expected: median.withoutFootageCount,
          }}
        />
      </div>
    </section>
  );
}
