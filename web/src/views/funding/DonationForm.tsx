import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { campaigns, donationChannels, type DonationChannel } from '../../api/funding';
import { EnumSelect } from '../../components/EnumSelect';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useT } from '../../i18n/i18n';
import { vietnamToday } from '../planning/planningRules';
import { AmountInput, amountToSend } from './AmountInput';

const formFields = new Set(['donorName', 'amountVnd', 'donatedOn', 'channel', 'receiptNumber']);

/** "Ghi nhận ủng hộ": who gave (or that they gave anonymously), how much, when and how. */
export function DonationForm(props: { campaignId: string; onSaved: () => void }) {
  const { campaignId, onSaved } = props;
  const t = useT();
  const [donorName, setDonorName] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [donorPublic, setDonorPublic] = useState(false);
  const [amount, setAmount] = useState('');
  const [donatedOn, setDonatedOn] = useState(() => vietnamToday(Date.now()));
  const [channel, setChannel] = useState<DonationChannel>('bank_transfer');
  const [receiptNumber, setReceiptNumber] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const named = !anonymous && donorName.trim() !== '';
      await campaigns.donate(campaignId, {
        ...(named ? { donorName: donorName.trim(), donorPublic } : { donorPublic: false }),
        amountVnd: amountToSend(amount),
        donatedOn,
        channel,
        ...(receiptNumber.trim() ? { receiptNumber: receiptNumber.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setDonorName('');
      setAmount('');
      setReceiptNumber('');
      setNote('');
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
      data-testid="donation-form"
    >
      <h3>{t('funding.donationNew')}</h3>
      <Field id="donation-donor" label={t('funding.donor')} error={fieldError('donorName')}>
        <input
          id="donation-donor"
          value={donorName}
          disabled={anonymous}
          onChange={(event) => setDonorName(event.target.value)}
        />
      </Field>
      <label className="checkbox">
        <input
          type="checkbox"
          id="donation-anonymous"
          checked={anonymous}
          onChange={(event) => setAnonymous(event.target.checked)}
        />
        {t('funding.anonymous')}
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          id="donation-public"
          checked={donorPublic && !anonymous}
          disabled={anonymous}
          onChange={(event) => setDonorPublic(event.target.checked)}
        />
        {t('funding.donorPublic')}
      </label>
      <AmountInput
        id="donation-amount"
        label={t('funding.amount')}
        value={amount}
        onChange={setAmount}
        error={fieldError('amountVnd')}
      />
      <Field id="donation-date" label={t('funding.date')} error={fieldError('donatedOn')}>
        <input
          id="donation-date"
          type="date"
          value={donatedOn}
          onChange={(event) => setDonatedOn(event.target.value)}
        />
      </Field>
      <Field id="donation-channel" label={t('funding.channel')} error={fieldError('channel')}>
        <EnumSelect
          id="donation-channel"
          value={channel}
          values={donationChannels}
          label={(value) => t(`funding.channelName.${value}`)}
          onChange={(value) => setChannel(value || 'bank_transfer')}
        />
      </Field>
      <Field id="donation-receipt" label={t('funding.receipt')} error={fieldError('receiptNumber')}>
        <input
          id="donation-receipt"
          value={receiptNumber}
          onChange={(event) => setReceiptNumber(event.target.value)}
        />
      </Field>
      <Field id="donation-note" label={t('funding.note')}>
        <input id="donation-note" value={note} onChange={(event) => setNote(event.target.value)} />
      </Field>
      {error?.field && formFields.has(error.field) ? null : <ErrorMessage error={error} />}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy} data-testid="donation-submit">
          {t('funding.donationSave')}
        </button>
      </div>
    </form>
  );
}
