import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { incidents } from '../../api/incidents';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useT } from '../../i18n/i18n';

/** Holds every recorded candidate's footage of the window, so retention cannot delete it. */
export function HoldForm(props: { incidentId: string; radiusM: number; onDone: () => void }) {
  const { incidentId, radiusM, onDone } = props;
  const t = useT();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await incidents.hold(incidentId, {
        radiusM,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      onDone();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} data-testid="hold-form">
      <p className="muted">{t('caseHolds.explain', { radius: radiusM })}</p>
      <Field
        id="hold-reason"
        label={t('common.reason')}
        hint={t('caseHolds.reasonHint')}
        error={error?.field === 'reason' ? error.message : undefined}
      >
        <input
          id="hold-reason"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </Field>
      {error?.field === 'reason' ? null : <ErrorMessage error={error} />}
      <div className="button-row">
        <button type="submit" className="primary" data-testid="hold-submit" disabled={busy}>
          {t('caseHolds.create')}
        </button>
      </div>
    </form>
  );
}
