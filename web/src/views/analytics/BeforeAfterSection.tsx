import type { BeforeAfter } from '../../api/analytics';
import { withQuery } from '../../api/client';
import { formatNumber } from '../../i18n/format';
import { useLanguage, useT, type MessageKey } from '../../i18n/i18n';
import { formatDifference, formatRate, monthLabel, rolloutWindows } from './analyticsRules';
import { FigureButton } from './FigureButton';
import { figureKeys } from './figureKeys';

const knownReasons: Record<string, MessageKey> = {
  no_rollout: 'analytics.beforeAfter.reason.no_rollout',
  no_controls: 'analytics.beforeAfter.reason.no_controls',
  no_months_after: 'analytics.beforeAfter.reason.no_months_after',
};

/**
 * Did cases fall where cameras went in, compared with neighbours that got none over the same
 * months? Every count behind the difference in differences is shown beside it.
 */
export function BeforeAfterSection(props: {
  beforeAfter: BeforeAfter;
  period: { from: string; to: string };
}) {
  const { beforeAfter, period } = props;
  const t = useT();
  const { language } = useLanguage();
  const { rolloutMonth, months, treated, control, did, reason } = beforeAfter;
  const beforeMonths = beforeAfter.beforeMonths ?? months;
  const afterMonths = beforeAfter.afterMonths ?? months;
  const windows = rolloutMonth ? rolloutWindows(rolloutMonth, beforeMonths, afterMonths) : null;
  const reasonText = (code: string) => {
    const key = knownReasons[code];
    return key ? t(key) : code;
  };

  return (
    <section className="card dash-section" data-testid="dash-before-after">
      <h2>{t('analytics.beforeAfter.title')}</h2>
      <p className="muted">{t('analytics.beforeAfter.explain', { months })}</p>
      {rolloutMonth ? (
        <p>
          {t('analytics.beforeAfter.rollout')}: <strong>{monthLabel(rolloutMonth)}</strong> ·{' '}
          {t('analytics.beforeAfter.monthsCompared', { before: beforeMonths, after: afterMonths })}
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="dash-table" data-testid="before-after-table">
          <thead>
            <tr>
              <th />
              <th>{t('analytics.beforeAfter.before')}</th>
              <th>{t('analytics.beforeAfter.after')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('analytics.beforeAfter.treated')}</th>
              <td>
                {windows?.before ? (
                  <FigureButton
                    testId="treated-before"
                    figure={{
                      key: figureKeys.incidentsTotal,
                      label: t('analytics.beforeAfter.treatedBefore'),
                      period: windows.before,
                      expected: treated.beforeIncidents,
                    }}
                  >
                    {formatNumber(treated.beforeIncidents, language)}
                  </FigureButton>
                ) : (
                  formatNumber(treated.beforeIncidents, language)
                )}{' '}
                · {t('analytics.perMonth', { rate: formatRate(treated.beforeRate, language) })}
              </td>
              <td>
                {windows?.after ? (
                  <FigureButton
                    testId="treated-after"
                    figure={{
                      key: figureKeys.incidentsTotal,
                      label: t('analytics.beforeAfter.treatedAfter'),
                      period: windows.after,
                      expected: treated.afterIncidents,
                    }}
                  >
                    {formatNumber(treated.afterIncidents, language)}
                  </FigureButton>
                ) : (
                  formatNumber(treated.afterIncidents, language)
                )}{' '}
                · {t('analytics.perMonth', { rate: formatRate(treated.afterRate, language) })}
              </td>
            </tr>
            {control ? (
              <tr>
                <th scope="row">
                  {t('analytics.beforeAfter.control', {
                    units: formatNumber(control.units, language),
                  })}
                </th>
                <td>
                  {formatNumber(control.beforeIncidents, language)} ·{' '}
                  {t('analytics.perMonth', { rate: formatRate(control.beforeRate, language) })}
                </td>
                <td>
                  {formatNumber(control.afterIncidents, language)} ·{' '}
                  {t('analytics.perMonth', { rate: formatRate(control.afterRate, language) })}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {did === null ? (
        <p className="not-enough" data-testid="did-missing">
          {t('analytics.notEnough')}
          {reason ? `: ${reasonText(reason)}` : ''}
        </p>
      ) : (
        <p className="did" data-testid="did">
          {t('analytics.beforeAfter.did')}: <strong>{formatDifference(did, language)}</strong>{' '}
          <span className="muted">{t('analytics.beforeAfter.didUnit')}</span>
        </p>
      )}
      {beforeAfter.children.length > 0 ? (
        <>
          <h3>{t('analytics.beforeAfter.children')}</h3>
          <div className="table-scroll">
            <table className="dash-table before-after-children" data-testid="before-after-children">
              <thead>
                <tr>
                  <th>{t('analytics.league.name')}</th>
                  <th>{t('analytics.beforeAfter.rollout')}</th>
                  <th>{t('analytics.beforeAfter.beforeRate')}</th>
                  <th>{t('analytics.beforeAfter.afterRate')}</th>
                  <th>{t('analytics.beforeAfter.did')}</th>
                </tr>
              </thead>
              <tbody>
                {beforeAfter.children.map((child) => (
                  <tr key={child.unitId}>
                    <td>
                      <a href={withQuery('/dashboard', { unitId: child.unitId, ...period })}>
                        {child.name}
                      </a>
                    </td>
                    <td>{child.rolloutMonth ? monthLabel(child.rolloutMonth) : '—'}</td>
                    <td>{formatRate(child.beforeRate, language)}</td>
                    <td>{formatRate(child.afterRate, language)}</td>
                    <td>
                      {child.did === null && child.reason
                        ? reasonText(child.reason)
                        : formatDifference(child.did, language)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
