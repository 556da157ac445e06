import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import type { Incident } from '../../api/incidents';
import { footageRequests } from '../../api/requests';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { fromLocalInput, toLocalInput } from '../../i18n/format';
import { useT } from '../../i18n/i18n';

const dayMs = 86_400_000;

interface RequestFormProps {
  incident: Incident;
  cameraIds: string[];
  onDone: () => void;
}

/** Asks the selected cameras' owners for their footage of the case window. */
export function RequestForm({ incident, cameraIds, onDone }: RequestFormProps) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [deadline, setDeadline] = useState(() =>
    toLocalInput(new Date(Date.now() + 2 * dayMs).toISOString()),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await footageRequests.create(incident.id, {
        cameraIds,
        reason: reason.trim(),
        deadline: fromLocalInput(deadline) ?? deadline,
      });
      onDone();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const known = error?.field === 'reason' || error?.field === 'deadline';
  return (
    <form
      className="inline-form"
      onSubmit={(event) => void submit(event)}
      data-testid="request-form"
    >
      <p className="muted">{t('requests.explain', { count: cameraIds.length })}</p>
      <Field id="request-reason" label={t('common.reason')} error={fieldError('reason')} wide>
        <textarea
          id="request-reason"
          rows={2}
          required
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </Field>
      <Field id="request-deadline" label={t('requests.deadline')} error={fieldError('deadline')}>
        <input
          id="request-deadline"
          type="datetime-local"
          required
          value={deadline}
          onChange={(event) => setDeadline(event.target.value)}
        />
      </Field>
      {known ? null : <ErrorMessage error={error} />}
      <div className="button-row">
        <button type="submit" className="primary" data-testid="request-submit" disabled={busy}>
          {t('requests.submit')}
        </button>
      </div>
    </form>
  );
}
