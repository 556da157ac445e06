import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError, type ApiError } from '../api/client';
import { cameras } from '../api/endpoints';
import { consentTiers, type Camera, type ConsentTier } from '../api/types';
import { EnumSelect } from '../components/EnumSelect';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { fromLocalInput, toLocalInput } from '../i18n/format';
import { useT } from '../i18n/i18n';

interface ConsentEditorProps {
  camera: Camera;
  onSaved: (camera: Camera) => void;
}

/** The owner decides what police may do with the camera, optionally until a date. */
export function ConsentEditor({ camera, onSaved }: ConsentEditorProps) {
  const t = useT();
  const [tier, setTier] = useState<ConsentTier>(camera.consentTierGranted);
  const [expires, setExpires] = useState(toLocalInput(camera.consentExpiresAt));
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const idPrefix = `consent-${camera.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const updated = await cameras.setConsent(camera.id, tier, fromLocalInput(expires));
      setSaved(true);
      onSaved(updated);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="consent-editor" onSubmit={(event) => void submit(event)}>
      <Field
        id={`${idPrefix}-tier`}
        label={t('camera.consentTier')}
        hint={t(`consentHelp.${tier}`)}
        error={error?.field === 'consentTier' ? error.message : undefined}
      >
        <EnumSelect
          id={`${idPrefix}-tier`}
          value={tier}
          values={consentTiers}
          label={(v) => t(`consent.${v}`)}
          onChange={(value) => {
            if (value) setTier(value);
          }}
        />
      </Field>
      <Field
        id={`${idPrefix}-expires`}
        label={t('camera.consentExpiresAt')}
        hint={t('consent.expiryHint')}
        error={error?.field === 'consentExpiresAt' ? error.message : undefined}
      >
        <input
          id={`${idPrefix}-expires`}
          type="datetime-local"
          value={expires}
          onChange={(event) => setExpires(event.target.value)}
        />
      </Field>
      {error && !error.field ? <ErrorMessage error={error} /> : null}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {t('consent.save')}
        </button>
        {saved ? (
          <span className="saved" role="status">
            {t('common.saved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
