import { useState } from 'react';
import { campaigns } from '../api/funding';
import { ErrorMessage } from '../components/ErrorMessage';
import { navigate } from '../hooks/router';
import { useMe } from '../hooks/session';
import { useResource } from '../hooks/useResource';
import { formatDate } from '../i18n/format';
import { useLanguage, useT } from '../i18n/i18n';
import { fundingWriterRoles } from '../permissions';
import { formatPct } from '../views/coverage/coverageRules';
import { CampaignForm } from '../views/funding/CampaignForm';
import { formatVnd } from '../views/funding/money';
import { ProgressBar } from '../views/planning/ProgressBar';
import '../styles/planning.css';

/** The community funding campaigns in the user's area, with how far each has got. */
export function CampaignsPage() {
  const t = useT();
  const { language } = useLanguage();
  const me = useMe();
  const list = useResource(() => campaigns.list(), 'campaigns');
  const [creating, setCreating] = useState(false);
  const canWrite = fundingWriterRoles.includes(me.role);
  const items = list.data?.items ?? [];

  return (
    <div className="page campaigns-page" data-testid="campaigns-page">
      <div className="page-header">
        <h1>{t('funding.title')}</h1>
        <div className="button-row">
          <a className="button" href="/minh-bach">
            {t('transparency.nav')}
          </a>
          {canWrite ? (
            <button type="button" className="primary" onClick={() => setCreating((c) => !c)}>
              {creating ? t('common.cancel') : t('funding.newCampaign')}
            </button>
          ) : null}
        </div>
      </div>
      {creating ? (
        <CampaignForm
          defaultUnitId={me.jurisdictionId ?? ''}
          onCreated={(campaign) => navigate(`/campaigns/${encodeURIComponent(campaign.id)}`)}
        />
      ) : null}
      <ErrorMessage error={list.error} />
      {list.data && items.length === 0 ? <p className="empty">{t('funding.empty')}</p> : null}
      <div className="card-list campaign-list">
        {items.map((campaign) => (
          <article key={campaign.id} className="card campaign-card" data-testid="campaign-card">
            <div className="section-head">
              <h2>
                <a href={`/campaigns/${encodeURIComponent(campaign.id)}`}>{campaign.name}</a>
              </h2>
              <span className={`plan-chip plan-chip--${campaign.status}`}>
                {t(`funding.status.${campaign.status}`)}
              </span>
            </div>
            <p className="muted">
              {campaign.unitName} · {formatDate(campaign.startsOn, language)} –{' '}
              {formatDate(campaign.endsOn, language)}
            </p>
            <p>
              {t('funding.raisedOfGoal', {
                raised: formatVnd(campaign.ledger.raisedVnd, language),
                goal: formatVnd(campaign.ledger.goalVnd, language),
              })}
            </p>
            <ProgressBar
              pct={campaign.ledger.progressPct}
              tone="money"
              label={t('funding.progress', {
                pct: formatPct(campaign.ledger.progressPct, language),
              })}
            />
          </article>
        ))}
      </div>
    </div>
  );
}
