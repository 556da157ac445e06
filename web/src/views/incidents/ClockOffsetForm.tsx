import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { evidence } from '../../api/evidence';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useT } from '../../i18n/i18n';

/**
 * An officer's measurement of an uploaded file's clock (the owner's recorder shows its own
 * time): seconds, positive when the recorder runs ahead, and how it was measured.
 */
export function ClockOffsetForm({ itemId, onSaved }: { itemId: string; onSaved: () => void }) {
  const t = useT();
  const [seconds, setSeconds] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const offsetMs = Math.round(Number(seconds.replace(',', '.')) * 1000);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await evidence.setClockOffset(itemId, offsetMs, note.trim());
      onSaved();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="inline-form"
      onSubmit={(event) => void submit(event)}
      data-testid="clock-offset-form"
    >
      <Field
        id={`offset-${itemId}`}
        label={t('evidence.offsetSeconds')}
        hint={t('evidence.offsetHint')}
        error={error?.field === 'offsetMs' ? error.message : undefined}
      >
        <input
          id={`offset-${itemId}`}
          inputMode="decimal"
          required
          value={seconds}
          onChange={(event) => setSeconds(event.target.value)}
        />
      </Field>
      <Field
        id={`offset-note-${itemId}`}
        label={t('evidence.offsetNote')}
        error={error?.field === 'note' ? error.message : undefined}
      >
        <input
          id={`offset-note-${itemId}`}
          required
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </Field>
      {error?.field ? null : <ErrorMessage error={error} />}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy || !Number.isFinite(offsetMs)}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
