import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError, type ApiError } from '../api/client';
import { cameras } from '../api/endpoints';
import type { Camera } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { useT } from '../i18n/i18n';

/** Taking a camera out of service keeps its record and history; the reason is audited. */
export function DecommissionForm({
  camera,
  onDone,
}: {
  camera: Camera;
  onDone: (camera: Camera) => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      onDone(await cameras.decommission(camera.id, reason.trim()));
    } catch (caught) {
      setError(toApiError(caught));
    }
  };

  return (
    <form className="reason-form" onSubmit={(event) => void submit(event)}>
      <p className="muted">{t('decommission.explain')}</p>
      <label htmlFor="decommission-reason">{t('common.reason')}</label>
      <input
        id="decommission-reason"
        required
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <ErrorMessage error={error} />
      <button type="submit" className="danger" disabled={reason.trim().length === 0}>
        {t('decommission.confirm')}
      </button>
    </form>
  );
}
