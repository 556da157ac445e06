import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import type { EvidenceItem } from '../../api/evidence';
import { footageRequests, type FootageRequest } from '../../api/requests';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { UploadForm } from './UploadForm';

/** Whether the owner can still answer: pending, or approved but the file not sent yet. */
const answerable = (request: FootageRequest) =>
  request.status === 'pending' || request.status === 'approved';

interface RequestCardProps {
  request: FootageRequest;
  onChanged: (request: FootageRequest) => void;
}

/** One request, sized for a phone: what police ask for, and the owner's three answers. */
export function RequestCard({ request, onChanged }: RequestCardProps) {
  const t = useT();
  const { language } = useLanguage();
  const [declining, setDeclining] = useState(false);
  const [declineReason, setDeclineReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [uploaded, setUploaded] = useState<EvidenceItem[]>([]);

  const act = async (run: () => Promise<FootageRequest>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await run());
      setDeclining(false);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  const decline = (event: FormEvent) => {
    event.preventDefault();
    void act(() => footageRequests.decline(request.id, declineReason.trim()));
  };

  return (
    <article
      className="card request-card"
      data-testid="request-card"
      data-request-id={request.id}
      data-status={request.status}
    >
      <header>
        <strong>{request.cameraName}</strong> <code>{request.cameraCode}</code>
        <span className={`chip chip--request-${request.status}`} data-testid="request-status">
          {t(`requests.state.${request.status}`)}
        </span>
      </header>
      <dl className="request-facts">
        <dt>{t('myRequests.case')}</dt>
        <dd data-testid="request-case">{request.caseNumber}</dd>
        <dt>{t('myRequests.window')}</dt>
        <dd>
          {formatDateTime(request.from, language)} – {formatDateTime(request.to, language)}
        </dd>
        <dt>{t('common.reason')}</dt>
        <dd>{request.reason}</dd>
        <dt>{t('requests.deadline')}</dt>
        <dd>{formatDateTime(request.deadline, language)}</dd>
        {request.createdByName ? (
          <>
            <dt>{t('myRequests.from')}</dt>
            <dd>{request.createdByName}</dd>
          </>
        ) : null}
        {request.declineReason ? (
          <>
            <dt>{t('myRequests.declineReason')}</dt>
            <dd>{request.declineReason}</dd>
          </>
        ) : null}
      </dl>
      {request.recordedByUs && request.status === 'pending' ? (
        <p className="muted">{t('myRequests.recordedByUs')}</p>
      ) : null}
      <ErrorMessage error={error} />
      {request.status === 'pending' ? (
        <div className="button-row">
          <button
            type="button"
            className="primary"
            data-testid="request-approve"
            disabled={busy}
            onClick={() => void act(() => footageRequests.approve(request.id))}
          >
            {t('myRequests.approve')}
          </button>
          <button
            type="button"
            data-testid="request-decline"
            aria-expanded={declining}
            disabled={busy}
            onClick={() => setDeclining((d) => !d)}
          >
            {t('myRequests.decline')}
          </button>
        </div>
      ) : null}
      {declining ? (
        <form className="inline-form" onSubmit={decline}>
          <label htmlFor={`decline-${request.id}`}>{t('myRequests.declineReason')}</label>
          <textarea
            id={`decline-${request.id}`}
            rows={2}
            required
            value={declineReason}
            onChange={(event) => setDeclineReason(event.target.value)}
          />
          <div className="button-row">
            <button type="submit" className="danger" disabled={busy || !declineReason.trim()}>
              {t('myRequests.confirmDecline')}
            </button>
          </div>
        </form>
      ) : null}
      {answerable(request) ? (
        <UploadForm
          request={request}
          onUploaded={(next, item) => {
            setUploaded((all) => [...all, item]);
            onChanged(next);
          }}
        />
      ) : null}
      {uploaded.map((item) => (
        <p key={item.id} className="upload-receipt" data-testid="upload-receipt">
          {t('myRequests.received', { name: item.fileName })}
          <br />
          SHA-256: <code data-testid="upload-sha256">{item.sha256}</code>
        </p>
      ))}
    </article>
  );
}
