import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { targetMetrics, targets, type TargetMetric } from '../../api/planning';
import { EnumSelect } from '../../components/EnumSelect';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { UnitPicker } from '../../components/UnitPicker';
import { useT } from '../../i18n/i18n';

const formFields = new Set(['unitId', 'metric', 'targetValue', 'dueOn', 'note']);

/** A new target for a unit: a number of cameras, or a coverage percentage, by a date. */
export function TargetForm(props: { defaultUnitId: string; onCreated: () => void }) {
  const t = useT();
  const [unitId, setUnitId] = useState(props.defaultUnitId);
  const [metric, setMetric] = useState<TargetMetric>('cameras');
  const [targetValue, setTargetValue] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await targets.create({
        unitId,
        metric,
        targetValue: Number(targetValue),
        dueOn,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setTargetValue('');
      setNote('');
      props.onCreated();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card target-form"
      onSubmit={(event) => void submit(event)}
      data-testid="target-form"
    >
      <h2>{t('targets.new')}</h2>
      <Field id="target-unit" label={t('targets.unit')} error={fieldError('unitId')}>
        <UnitPicker
          id="target-unit"
          value={unitId}
          onChange={(unit) => setUnitId(unit?.id ?? '')}
        />
      </Field>
      <Field id="target-metric" label={t('targets.metricLabel')} error={fieldError('metric')}>
        <EnumSelect
          id="target-metric"
          value={metric}
          values={targetMetrics}
          label={(value) => t(`targets.metric.${value}`)}
          onChange={(value) => setMetric(value || 'cameras')}
        />
      </Field>
      <Field id="target-value" label={t('targets.value')} error={fieldError('targetValue')}>
        <input
          id="target-value"
          type="number"
          step="any"
          required
          value={targetValue}
          onChange={(event) => setTargetValue(event.target.value)}
        />
      </Field>
      <Field id="target-due" label={t('targets.due')} error={fieldError('dueOn')}>
        <input
          id="target-due"
          type="date"
          required
          value={dueOn}
          onChange={(event) => setDueOn(event.target.value)}
        />
      </Field>
      <Field id="target-note" label={t('targets.note')} error={fieldError('note')}>
        <input id="target-note" value={note} onChange={(event) => setNote(event.target.value)} />
      </Field>
      {error?.field && formFields.has(error.field) ? null : <ErrorMessage error={error} />}
      <button type="submit" className="primary" disabled={busy || !unitId}>
        {t('targets.create')}
      </button>
    </form>
  );
}
