import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { recording, type RecordingStatus } from '../../api/recording';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/i18n';

/**
 * Starts or stops recording for one camera. The reason is required because the change is
 * audited: stopping a camera's recording is how footage would quietly stop existing.
 */
export function RecordingToggle({
  status,
  onChanged,
  onForbidden,
}: {
  status: RecordingStatus;
  onChanged: (status: RecordingStatus) => void;
  onForbidden: () => void;
}) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const enable = !status.recording;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const next = await recording.set(status.cameraId, enable, reason.trim());
      setAsking(false);
      setReason('');
      onChanged(next);
    } catch (caught) {
      const apiError = toApiError(caught);
      // Rights can change under an open page: say so once, then stop offering the switch.
      if (apiError.status === 403) onForbidden();
      setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  if (!asking) {
    return (
      <div className="recording-toggle">
        <ErrorMessage error={error} />
        <div className="button-row">
          <button
            type="button"
            className={enable ? 'primary' : 'danger'}
            data-testid="recording-toggle"
            onClick={() => {
              setError(null);
              setAsking(true);
            }}
          >
            {t(enable ? 'recording.start' : 'recording.stop')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <form className="recording-toggle" onSubmit={(event) => void submit(event)}>
      <p className="muted">{t(enable ? 'recording.startExplain' : 'recording.stopExplain')}</p>
      <label htmlFor="recording-reason">{t('recording.reason')}</label>
      <input
        id="recording-reason"
        required
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <ErrorMessage error={error} />
      <div className="button-row">
        <button
          type="submit"
          className={enable ? 'primary' : 'danger'}
          disabled={busy || reason.trim().length === 0}
        >
          {t(enable ? 'recording.confirmStart' : 'recording.confirmStop')}
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
