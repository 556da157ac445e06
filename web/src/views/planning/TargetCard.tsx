import type { Target } from '../../api/planning';
import { formatDate, formatNumber } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatPct } from '../coverage/coverageRules';
import { projectionSentence } from './planningRules';
import { ProgressBar } from './ProgressBar';

/** One target: how far along, by when, and whether the current pace gets there in time. */
export function TargetCard(props: { target: Target; onDelete?: () => void }) {
  const { target, onDelete } = props;
  const t = useT();
  const { language } = useLanguage();
  const sentence = projectionSentence(target);
  const late = sentence.key === 'targets.projectionLate';
  const value = (n: number) =>
    target.metric === 'coverage_pct' ? formatPct(n, language) : formatNumber(n, language);

  return (
    <article className="card target-card" data-testid="target-card" data-metric={target.metric}>
      <div className="section-head">
        <h2>
          {target.unitName} · {t(`targets.metric.${target.metric}`)}
        </h2>
        {onDelete ? (
          <button type="button" className="small" onClick={onDelete}>
            {t('targets.delete')}
          </button>
        ) : null}
      </div>
      <p className="target-figures">
        <strong data-testid="target-current">{value(target.current)}</strong> /{' '}
        {value(target.targetValue)} ·{' '}
        {t('targets.dueOn', { date: formatDate(target.dueOn, language) })}
      </p>
      <ProgressBar
        pct={target.progressPct}
        tone={late ? 'late' : 'ok'}
        label={t('targets.progress', { pct: formatPct(target.progressPct, language) })}
      />
      <p
        className={`projection projection--${late ? 'late' : 'ok'}`}
        data-testid="target-projection"
        title={target.projection.basis}
      >
        {t(sentence.key, sentence.params)}
      </p>
      {target.note ? <p className="muted">{target.note}</p> : null}
    </article>
  );
}
