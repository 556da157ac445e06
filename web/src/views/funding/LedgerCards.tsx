import type { Campaign } from '../../api/funding';
import { formatNumber } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatPct } from '../coverage/coverageRules';
import { ProgressBar } from '../planning/ProgressBar';
import { formatVnd } from './money';

/** Goal, raised, spent and balance at a glance, and what each camera has cost so far. */
export function LedgerCards({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const { language } = useLanguage();
  const { ledger } = campaign;
  const card = (key: 'goal' | 'raised' | 'spent' | 'balance', amount: number) => (
    <div
      className={`ledger-card ledger-card--${key}`}
      data-testid={`ledger-${key}`}
      data-vnd={amount}
    >
      <span>{t(`funding.ledger.${key}`)}</span>
      <strong>{formatVnd(amount, language)}</strong>
    </div>
  );
  return (
    <section className="card ledger" data-testid="ledger">
      <div className="ledger-cards">
        {card('goal', ledger.goalVnd)}
        {card('raised', ledger.raisedVnd)}
        {card('spent', ledger.spentVnd)}
        {card('balance', ledger.balanceVnd)}
      </div>
      <ProgressBar
        pct={ledger.progressPct}
        tone="money"
        label={t('funding.progress', { pct: formatPct(ledger.progressPct, language) })}
        testId="ledger-progress"
      />
      <p className="muted">
        {t('funding.progress', { pct: formatPct(ledger.progressPct, language) })} ·{' '}
        {t('funding.camerasFunded', { count: formatNumber(campaign.camerasFunded, language) })} ·{' '}
        {t('funding.costPerCamera', { amount: formatVnd(campaign.costPerCameraVnd, language) })}
      </p>
    </section>
  );
}
