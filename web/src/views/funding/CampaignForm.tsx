import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { campaigns, type Campaign } from '../../api/funding';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { UnitPicker } from '../../components/UnitPicker';
import { useT } from '../../i18n/i18n';
import { AmountInput, amountToSend } from './AmountInput';
import { commonBanks } from './money';

type TextField =
  | 'name'
  | 'description'
  | 'startsOn'
  | 'endsOn'
  | 'bankBin'
  | 'bankName'
  | 'accountNumber'
  | 'accountName';

const formFields = new Set<string>([
  'unitId',
  'name',
  'description',
  'goalVnd',
  'startsOn',
  'endsOn',
  'bankBin',
  'bankName',
  'accountNumber',
  'accountName',
]);

/** A new campaign: for which unit, what for, how much, over which period, into which account. */
export function CampaignForm(props: { defaultUnitId: string; onCreated: (c: Campaign) => void }) {
  const t = useT();
  const [unitId, setUnitId] = useState(props.defaultUnitId);
  const [goal, setGoal] = useState('');
  const [values, setValues] = useState<Record<TextField, string>>({
    name: '',
    description: '',
    startsOn: '',
    endsOn: '',
    bankBin: '',
    bankName: '',
    accountNumber: '',
    accountName: '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const set = (field: TextField, value: string) => setValues((v) => ({ ...v, [field]: value }));
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // Nothing usable typed goes as null (NaN in JSON), so the server names the goal field.
      const goalVnd = amountToSend(goal);
      props.onCreated(
        await campaigns.create({ unitId, ...values, goalVnd: goalVnd ?? Number.NaN }),
      );
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const text = (field: TextField, type = 'text', wide = false) => (
    <Field
      id={`campaign-${field}`}
      label={t(`funding.field.${field}`)}
      error={fieldError(field)}
      wide={wide}
    >
      {field === 'description' ? (
        <textarea
          id={`campaign-${field}`}
          rows={3}
          value={values[field]}
          onChange={(event) => set(field, event.target.value)}
        />
      ) : (
        <input
          id={`campaign-${field}`}
          type={type}
          value={values[field]}
          onChange={(event) => set(field, event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form
      className="card campaign-form"
      onSubmit={(event) => void submit(event)}
      data-testid="campaign-form"
    >
      <h2>{t('funding.newCampaign')}</h2>
      <Field id="campaign-unit" label={t('funding.field.unitId')} error={fieldError('unitId')}>
        <UnitPicker
          id="campaign-unit"
          value={unitId}
          onChange={(unit) => setUnitId(unit?.id ?? '')}
        />
      </Field>
      {text('name')}
      {text('description', 'text', true)}
      <AmountInput
        id="campaign-goal"
        label={t('funding.field.goalVnd')}
        value={goal}
        onChange={setGoal}
        error={fieldError('goalVnd')}
      />
      {text('startsOn', 'date')}
      {text('endsOn', 'date')}
      <Field id="campaign-bank" label={t('funding.bankChoice')}>
        <select
          id="campaign-bank"
          value={values.bankBin}
          onChange={(event) => {
            const bank = commonBanks.find((b) => b.bin === event.target.value);
            if (bank) setValues((v) => ({ ...v, bankBin: bank.bin, bankName: bank.name }));
          }}
        >
          <option value="">{t('funding.bankOther')}</option>
          {commonBanks.map((bank) => (
            <option key={bank.bin} value={bank.bin}>
              {bank.name} ({bank.bin})
            </option>
          ))}
        </select>
      </Field>
      {text('bankBin')}
      {text('bankName')}
      {text('accountNumber')}
      {text('accountName')}
      {error?.field && formFields.has(error.field) ? null : <ErrorMessage error={error} />}
      <button
        type="submit"
        className="primary"
        disabled={busy || !unitId}
        data-testid="campaign-submit"
      >
        {t('funding.createCampaign')}
      </button>
    </form>
  );
}
