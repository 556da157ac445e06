import type { Site } from '../../api/planning';
import { formatDate } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { lifecycleSteps } from './planningRules';

/** proposed → … → connected, each reached step with its date. */
export function LifecycleStepper({ site }: { site: Pick<Site, 'status' | 'dates'> }) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <ol className="stepper" data-testid="site-stepper" data-status={site.status}>
      {lifecycleSteps(site).map((step) => (
        <li key={step.status} className={`step step--${step.state}`} data-step={step.status}>
          <span className="step-dot" aria-hidden="true" />
          <span className="step-name">{t(`sites.status.${step.status}`)}</span>
          <small className="step-date">{step.date ? formatDate(step.date, language) : ''}</small>
        </li>
      ))}
    </ol>
  );
}

/** The same lifecycle as a row of small chips, for tables. */
export function LifecycleChips({ site }: { site: Pick<Site, 'status' | 'dates'> }) {
  const t = useT();
  return (
    <span className="lifecycle-chips" aria-label={t(`sites.status.${site.status}`)}>
      {lifecycleSteps(site).map((step) => (
        <span
          key={step.status}
          className={`lifecycle-chip lifecycle-chip--${step.state}`}
          title={t(`sites.status.${step.status}`)}
        />
      ))}
    </span>
  );
}
