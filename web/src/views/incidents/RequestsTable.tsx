import { footageRequests } from '../../api/requests';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useResource } from '../../hooks/useResource';
import { formatDateTime } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';

/** What owners answered to the case's footage requests, and what extraction made of it. */
export function RequestsTable({ incidentId, version }: { incidentId: string; version: number }) {
  const t = useT();
  const { language } = useLanguage();
  const list = useResource(
    () => footageRequests.forIncident(incidentId),
    `requests:${incidentId}:${version}`,
  );
  const items = list.data?.items ?? [];
  return (
    <section className="card card--wide" data-testid="requests-panel">
      <h2>{t('requests.title')}</h2>
      <ErrorMessage error={list.error} />
      {list.data && items.length === 0 ? <p className="muted">{t('requests.none')}</p> : null}
      {items.length > 0 ? (
        <table className="incident-table" data-testid="requests-table">
          <thead>
            <tr>
              <th>{t('evidence.camera')}</th>
              <th>{t('requests.status')}</th>
              <th>{t('requests.extraction')}</th>
              <th>{t('requests.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((request) => (
              <tr key={request.id} data-testid="request-row" data-status={request.status}>
                <td data-label={t('evidence.camera')}>
                  {request.cameraName} <code>{request.cameraCode}</code>
                </td>
                <td data-label={t('requests.status')}>
                  <span className={`chip chip--request-${request.status}`}>
                    {t(`requests.state.${request.status}`)}
                  </span>
                  {request.declineReason ? (
                    <small className="muted"> · {request.declineReason}</small>
                  ) : null}
                  {request.decidedAt ? (
                    <small className="muted">
                      {' '}
                      · {formatDateTime(request.decidedAt, language)}
                    </small>
                  ) : null}
                </td>
                <td data-label={t('requests.extraction')}>
                  {request.extraction ? t(`requests.extractionState.${request.extraction}`) : '—'}
                  {request.extractionError ? (
                    <small className="field-error"> {request.extractionError}</small>
                  ) : null}
                  {request.itemIds.length > 0 ? (
                    <small className="muted">
                      {' '}
                      · {t('requests.items', { count: request.itemIds.length })}
                    </small>
                  ) : null}
                </td>
                <td data-label={t('requests.deadline')}>
                  {formatDateTime(request.deadline, language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
