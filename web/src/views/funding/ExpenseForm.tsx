import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { campaigns } from '../../api/funding';
import { sites } from '../../api/planning';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useResource } from '../../hooks/useResource';
import { useT } from '../../i18n/i18n';
import { vietnamToday } from '../planning/planningRules';
import { AmountInput, amountToSend } from './AmountInput';

const formFields = new Set([
  'item',
  'supplier',
  'amountVnd',
  'spentOn',
  'siteIds',
  'receiptNumber',
]);

/**
 * An expense: what was bought, from whom, for how much, for which planned sites. One larger
 * than the balance is saved all the same, and the warning is shown.
 */
export function ExpenseForm(props: { campaignId: string; unitId: string; onSaved: () => void }) {
  const { campaignId, unitId, onSaved } = props;
  const t = useT();
  const [item, setItem] = useState('');
  const [supplier, setSupplier] = useState('');
  const [amount, setAmount] = useState('');
  const [spentOn, setSpentOn] = useState(() => vietnamToday(Date.now()));
  const [siteIds, setSiteIds] = useState<string[]>([]);
  const [receiptNumber, setReceiptNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [warning, setWarning] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const planned = useResource(() => sites.list({ unitId }), `sites:${unitId}`);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setWarning(null);
    try {
      const result = await campaigns.spend(campaignId, {
        item: item.trim(),
        ...(supplier.trim() ? { supplier: supplier.trim() } : {}),
        amountVnd: amountToSend(amount),
        spentOn,
        siteIds,
        ...(receiptNumber.trim() ? { receiptNumber: receiptNumber.trim() } : {}),
      });
      if (result.overBalance) setWarning(result.warning ?? t('funding.overBalance'));
      setItem('');
      setSupplier('');
      setAmount('');
      setSiteIds([]);
      setReceiptNumber('');
      onSaved();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="inline-form money-form"
      onSubmit={(event) => void submit(event)}
      data-testid="expense-form"
    >
      <h3>{t('funding.expenseNew')}</h3>
      <Field id="expense-item" label={t('funding.item')} error={fieldError('item')}>
        <input id="expense-item" required value={item} onChange={(e) => setItem(e.target.value)} />
      </Field>
      <Field id="expense-supplier" label={t('funding.supplier')} error={fieldError('supplier')}>
        <input
          id="expense-supplier"
          value={supplier}
          onChange={(e) => setSupplier(e.target.value)}
        />
      </Field>
      <AmountInput
        id="expense-amount"
        label={t('funding.amount')}
        value={amount}
        onChange={setAmount}
        error={fieldError('amountVnd')}
      />
      <Field id="expense-date" label={t('funding.date')} error={fieldError('spentOn')}>
        <input
          id="expense-date"
          type="date"
          value={spentOn}
          onChange={(e) => setSpentOn(e.target.value)}
        />
      </Field>
      {planned.data && planned.data.items.length > 0 ? (
        <Field id="expense-sites" label={t('funding.sites')} error={fieldError('siteIds')}>
          <select
            id="expense-sites"
            multiple
            value={siteIds}
            onChange={(event) =>
              setSiteIds(Array.from(event.target.selectedOptions, (option) => option.value))
            }
          >
            {planned.data.items.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field id="expense-receipt" label={t('funding.receipt')} error={fieldError('receiptNumber')}>
        <input
          id="expense-receipt"
          value={receiptNumber}
          onChange={(e) => setReceiptNumber(e.target.value)}
        />
      </Field>
      {error?.field && formFields.has(error.field) ? null : <ErrorMessage error={error} />}
      {warning ? (
        <p className="warning" role="status" data-testid="expense-warning">
          {warning}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy} data-testid="expense-submit">
          {t('funding.expenseSave')}
        </button>
      </div>
    </form>
  );
}
