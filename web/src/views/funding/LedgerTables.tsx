import type { Donation, Expense } from '../../api/funding';
import { formatDate } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatVnd } from './money';

/** Every donation, newest first as the server lists them; anonymous donors stay unnamed. */
export function DonationsTable({ donations }: { donations: Donation[] }) {
  const t = useT();
  const { language } = useLanguage();
  if (donations.length === 0) return <p className="empty">{t('funding.noDonations')}</p>;
  return (
    <div className="table-scroll">
      <table className="plan-table" data-testid="donations">
        <thead>
          <tr>
            <th>{t('funding.date')}</th>
            <th>{t('funding.donor')}</th>
            <th>{t('funding.amount')}</th>
            <th>{t('funding.channel')}</th>
            <th>{t('funding.receipt')}</th>
          </tr>
        </thead>
        <tbody>
          {donations.map((donation) => (
            <tr key={donation.id} data-testid="donation-row" data-vnd={donation.amountVnd}>
              <td data-label={t('funding.date')}>{formatDate(donation.donatedOn, language)}</td>
              <td data-label={t('funding.donor')}>
                {donation.anonymous || !donation.donorName ? (
                  <em>{t('funding.anonymousDonor')}</em>
                ) : (
                  donation.donorName
                )}
                {donation.donorPublic ? (
                  <small className="plan-chip plan-chip--public">
                    {t('funding.shownPublicly')}
                  </small>
                ) : null}
              </td>
              <td data-label={t('funding.amount')} className="amount">
                {formatVnd(donation.amountVnd, language)}
              </td>
              <td data-label={t('funding.channel')}>
                {t(`funding.channelName.${donation.channel}`)}
              </td>
              <td data-label={t('funding.receipt')}>{donation.receiptNumber ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Every expense; one recorded while it exceeded the balance carries a flag. */
export function ExpensesTable({ expenses }: { expenses: Expense[] }) {
  const t = useT();
  const { language } = useLanguage();
  if (expenses.length === 0) return <p className="empty">{t('funding.noExpenses')}</p>;
  return (
    <div className="table-scroll">
      <table className="plan-table" data-testid="expenses">
        <thead>
          <tr>
            <th>{t('funding.date')}</th>
            <th>{t('funding.item')}</th>
            <th>{t('funding.supplier')}</th>
            <th>{t('funding.amount')}</th>
            <th>{t('funding.receipt')}</th>
          </tr>
        </thead>
        <tbody>
          {expenses.map((expense) => (
            <tr key={expense.id} data-testid="expense-row" data-over-balance={expense.overBalance}>
              <td data-label={t('funding.date')}>{formatDate(expense.spentOn, language)}</td>
              <td data-label={t('funding.item')}>
                {expense.item}
                {expense.overBalance ? (
                  <small className="plan-chip plan-chip--warning">
                    {t('funding.overBalanceChip')}
                  </small>
                ) : null}
                {expense.siteIds.length + expense.cameraIds.length > 0 ? (
                  <div className="muted">
                    {t('funding.linked', {
                      sites: expense.siteIds.length,
                      cameras: expense.cameraIds.length,
                    })}
                  </div>
                ) : null}
              </td>
              <td data-label={t('funding.supplier')}>{expense.supplier ?? '—'}</td>
              <td data-label={t('funding.amount')} className="amount">
                {formatVnd(expense.amountVnd, language)}
              </td>
              <td data-label={t('funding.receipt')}>{expense.receiptNumber ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
