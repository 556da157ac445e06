import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, toApiError } from '../api/client';
import { cameras } from '../api/endpoints';
import type { Camera } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { useT } from '../i18n/i18n';

type Contact = Pick<Camera, 'ownerName' | 'ownerPhone' | 'ownerEmail'>;

/**
 * An owner's name and phone are personal data: reading another person's contact asks for a
 * reason, which the server writes to the audit log (the owner can see it).
 */
export function OwnerContact({ camera }: { camera: Camera }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [contact, setContact] = useState<Contact | null>(camera.contactHidden ? null : camera);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const answer = await cameras.get(camera.id, { reason: reason.trim() });
      if (answer.contactHidden)
        setError(new ApiError(200, 'contact_withheld', t('contact.withheld')));
      else {
        setContact(answer);
        setAsking(false);
      }
    } catch (caught) {
      setError(toApiError(caught));
    }
  };

  if (contact) {
    return (
      <dl className="owner-contact" data-testid="owner-contact">
        <dt>{t('camera.ownerName')}</dt>
        <dd>{contact.ownerName || '—'}</dd>
        <dt>{t('camera.ownerPhone')}</dt>
        <dd>
          {contact.ownerPhone ? (
            <a href={`tel:${contact.ownerPhone}`}>{contact.ownerPhone}</a>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('camera.ownerEmail')}</dt>
        <dd>{contact.ownerEmail || '—'}</dd>
      </dl>
    );
  }
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)}>
        {t('contact.show')}
      </button>
    );
  }
  return (
    <form className="reason-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor="contact-reason">{t('contact.reason')}</label>
      <input
        id="contact-reason"
        required
        minLength={3}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <ErrorMessage error={error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={reason.trim().length < 3}>
          {t('contact.confirm')}
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
