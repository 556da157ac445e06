import { publicCampaigns } from '../api/funding';
import { ErrorMessage } from '../components/ErrorMessage';
import { useResource } from '../hooks/useResource';
import { formatDate } from '../i18n/format';
import { useLanguage, useT } from '../i18n/i18n';
import type { PageProps } from '../navigation';
import { PublicCampaignView } from '../views/funding/PublicCampaignView';
import { PublicTotals } from '../views/funding/PublicTotals';
import '../styles/planning.css';

/**
 * "Minh bạch": every campaign's money raised and spent, cameras installed and coverage
 * reached, for anyone, signed in or not. Nothing personal beyond donors who agreed to be named.
 */
export function TransparencyPage({ params }: PageProps) {
  return (
    <div className="page transparency-page" data-testid="transparency-page">
      {params.id ? <PublicCampaignView id={params.id} /> : <PublicCampaignList />}
    </div>
  );
}

function PublicCampaignList() {
  const t = useT();
  const { language } = useLanguage();
  const list = useResource(() => publicCampaigns.list(), 'public-campaigns');
  const items = list.data?.items ?? [];
  return (
    <>
      <h1>{t('transparency.title')}</h1>
      <p className="muted">{t('transparency.explain')}</p>
      <ErrorMessage error={list.error} />
      {list.data && items.length === 0 ? <p className="empty">{t('funding.empty')}</p> : null}
      <div className="card-list">
        {items.map((campaign) => (
          <article
            key={campaign.id}
            className="card public-card"
            data-testid="public-campaign-card"
            data-campaign-id={campaign.id}
          >
            <h2>
              <a href={`/minh-bach/${encodeURIComponent(campaign.id)}`}>{campaign.name}</a>
            </h2>
            <p className="muted">
              {campaign.unitName} · {formatDate(campaign.startsOn, language)} –{' '}
              {formatDate(campaign.endsOn, language)} · {t(`funding.status.${campaign.status}`)}
            </p>
            <PublicTotals campaign={campaign} />
          </article>
        ))}
      </div>
    </>
  );
}
