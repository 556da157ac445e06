import { publicCampaigns } from '../../api/funding';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useResource } from '../../hooks/useResource';
import { formatDate } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { PublicTotals } from './PublicTotals';
import { formatVnd } from './money';

/** One campaign for the public: money in and out, who gave (if they agreed), how to give. */
export function PublicCampaignView({ id }: { id: string }) {
  const t = useT();
  const { language } = useLanguage();
  const loaded = useResource(() => publicCampaigns.get(id), `public-campaign:${id}`);
  const campaign = loaded.data;
  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!campaign) return <p className="muted">{t('common.loading')}</p>;

  return (
    <div className="public-campaign" data-testid="public-campaign" data-campaign-id={campaign.id}>
      <a href="/minh-bach">{t('transparency.back')}</a>
      <h1>{campaign.name}</h1>
      <p className="muted">
        {campaign.unitName} · {formatDate(campaign.startsOn, language)} –{' '}
        {formatDate(campaign.endsOn, language)}
      </p>
      {campaign.description ? <p>{campaign.description}</p> : null}
      <PublicTotals campaign={campaign} />
      <section className="card vietqr">
        <h2>{t('funding.qrTitle')}</h2>
        <div className="vietqr-body">
          <img
            src={publicCampaigns.qrImageUrl(campaign.id)}
            alt={t('funding.qrAlt', { account: campaign.vietqr.accountNumber })}
            width={240}
            height={240}
            data-testid="public-qr"
          />
          <dl className="facts">
            <dt>{t('funding.bank')}</dt>
            <dd>{campaign.vietqr.bankName}</dd>
            <dt>{t('funding.accountNumber')}</dt>
            <dd>{campaign.vietqr.accountNumber}</dd>
            <dt>{t('funding.accountName')}</dt>
            <dd>{campaign.vietqr.accountName}</dd>
          </dl>
        </div>
      </section>
      <section className="card">
        <h2>{t('transparency.donors')}</h2>
        {campaign.donors.length === 0 ? (
          <p className="empty">{t('transparency.noDonors')}</p>
        ) : null}
        <ul className="donor-list" data-testid="public-donors">
          {campaign.donors.map((donor, index) => (
            <li key={`${donor.name}-${donor.donatedOn}-${index}`}>
              <span>{donor.name}</span>
              <span className="muted">{formatDate(donor.donatedOn, language)}</span>
              <strong>{formatVnd(donor.amountVnd, language)}</strong>
            </li>
          ))}
        </ul>
        {campaign.anonymousCount > 0 ? (
          <p data-testid="public-anonymous" data-vnd={campaign.anonymousVnd}>
            {t('transparency.anonymous', {
              count: campaign.anonymousCount,
              amount: formatVnd(campaign.anonymousVnd, language),
            })}
          </p>
        ) : null}
      </section>
      <section className="card">
        <h2>{t('transparency.expenses')}</h2>
        {campaign.expenses.length === 0 ? <p className="empty">{t('funding.noExpenses')}</p> : null}
        <ul className="donor-list" data-testid="public-expenses">
          {campaign.expenses.map((expense, index) => (
            <li key={`${expense.item}-${expense.spentOn}-${index}`}>
              <span>
                {expense.item}
                {expense.supplier ? <small className="muted"> · {expense.supplier}</small> : null}
              </span>
              <span className="muted">{formatDate(expense.spentOn, language)}</span>
              <strong>{formatVnd(expense.amountVnd, language)}</strong>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
