import type { PublicCampaignSummary } from '../../api/funding';
import { formatNumber } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatPct } from '../coverage/coverageRules';
import { ProgressBar } from '../planning/ProgressBar';
import { formatVnd, shareOf } from './money';

/** Raised against the goal, spent against what was raised, cameras and coverage reached. */
export function PublicTotals({ campaign }: { campaign: PublicCampaignSummary }) {
  const t = useT();
  const { language } = useLanguage();
  const raisedPct = shareOf(campaign.raisedVnd, campaign.goalVnd);
  const spentPct = shareOf(campaign.spentVnd, campaign.raisedVnd);
  return (
    <div className="public-totals">
      <p>
        {t('transparency.raised')}{' '}
        <strong data-testid="public-raised" data-vnd={campaign.raisedVnd}>
          {formatVnd(campaign.raisedVnd, language)}
        </strong>{' '}
        / {formatVnd(campaign.goalVnd, language)}
      </p>
      <ProgressBar pct={raisedPct} tone="money" label={formatPct(raisedPct, language)} />
      <p>
        {t('transparency.spent')}{' '}
        <strong data-testid="public-spent" data-vnd={campaign.spentVnd}>
          {formatVnd(campaign.spentVnd, language)}
        </strong>{' '}
        · {t('transparency.balance', { amount: formatVnd(campaign.balanceVnd, language) })}
      </p>
      <ProgressBar pct={spentPct} tone="spent" label={formatPct(spentPct, language)} />
      <dl className="public-figures">
        <div>
          <dt>{t('transparency.cameras')}</dt>
          <dd data-testid="public-cameras">{formatNumber(campaign.camerasInstalled, language)}</dd>
        </div>
        <div>
          <dt>{t('transparency.coverage')}</dt>
          <dd>{formatPct(campaign.coveragePct, language)}</dd>
        </div>
      </dl>
    </div>
  );
}
