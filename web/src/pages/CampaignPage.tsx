import { campaigns } from '../api/funding';
import { ErrorMessage } from '../components/ErrorMessage';
import { useMe } from '../hooks/session';
import { useResource } from '../hooks/useResource';
import { formatDate } from '../i18n/format';
import { useLanguage, useT } from '../i18n/i18n';
import type { PageProps } from '../navigation';
import { fundingWriterRoles } from '../permissions';
import { DonationForm } from '../views/funding/DonationForm';
import { ExpenseForm } from '../views/funding/ExpenseForm';
import { LedgerCards } from '../views/funding/LedgerCards';
import { DonationsTable, ExpensesTable } from '../views/funding/LedgerTables';
import { VietQrCard } from '../views/funding/VietQrCard';
import '../styles/planning.css';

/** One campaign's books: the ledger, the QR code for giving, donations and expenses. */
export function CampaignPage({ params }: PageProps) {
  const id = params.id ?? '';
  const t = useT();
  const { language } = useLanguage();
  const me = useMe();
  const loaded = useResource(() => campaigns.get(id), `campaign:${id}`);
  const campaign = loaded.data;
  const canWrite = fundingWriterRoles.includes(me.role);

  if (loaded.error && !campaign) return <ErrorMessage error={loaded.error} />;
  if (!campaign) return <p className="muted">{t('common.loading')}</p>;

  return (
    <div className="page campaign-page" data-testid="campaign-page" data-campaign-id={campaign.id}>
      <div className="page-header">
        <div>
          <h1>{campaign.name}</h1>
          <p className="muted">
            <span className={`plan-chip plan-chip--${campaign.status}`}>
              {t(`funding.status.${campaign.status}`)}
            </span>{' '}
            {campaign.unitName} · {formatDate(campaign.startsOn, language)} –{' '}
            {formatDate(campaign.endsOn, language)}
          </p>
        </div>
        <div className="button-row">
          <a
            className="button"
            href={campaigns.exportUrl(campaign.id, 'xlsx')}
            download
            data-testid="export-xlsx"
          >
            {t('funding.exportXlsx')}
          </a>
          <a
            className="button"
            href={campaigns.exportUrl(campaign.id, 'csv')}
            download
            data-testid="export-csv"
          >
            {t('funding.exportCsv')}
          </a>
          <a className="button" href={`/minh-bach/${encodeURIComponent(campaign.id)}`}>
            {t('funding.publicPage')}
          </a>
        </div>
      </div>
      {campaign.description ? <p>{campaign.description}</p> : null}
      <LedgerCards campaign={campaign} />
      <div className="detail-grid">
        <VietQrCard campaign={campaign} />
        <section className="card">
          <h2>{t('funding.donations', { count: campaign.ledger.donations })}</h2>
          {canWrite ? <DonationForm campaignId={campaign.id} onSaved={loaded.reload} /> : null}
          <DonationsTable donations={campaign.donations} />
        </section>
        <section className="card card--wide">
          <h2>{t('funding.expenses', { count: campaign.ledger.expenses })}</h2>
          {canWrite ? (
            <ExpenseForm
              campaignId={campaign.id}
              unitId={campaign.unitId}
              onSaved={loaded.reload}
            />
          ) : null}
          <ExpensesTable expenses={campaign.expenses} />
        </section>
      </div>
    </div>
  );
}
