import { useState } from 'react';
import type { FormEvent } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { incidents } from '../../api/incidents';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useResource } from '../../hooks/useResource';
import { formatDateTime } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';

/** The case's holds on footage, and their explicit release (with a reason, audited). */
export function HoldsPanel({ incidentId, version }: { incidentId: string; version: number }) {
  const t = useT();
  const { language } = useLanguage();
  const holds = useResource(() => incidents.holds(incidentId), `holds:${incidentId}:${version}`);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const items = holds.data?.items ?? [];
  const active = items.filter((hold) => hold.active);

  const release = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await incidents.releaseHolds(incidentId, reason.trim());
      setReason('');
      holds.reload();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card card--wide" data-testid="holds-panel">
      <h2>{t('caseHolds.title')}</h2>
      <ErrorMessage error={holds.error} />
      {holds.data && items.length === 0 ? <p className="muted">{t('caseHolds.none')}</p> : null}
      {items.length > 0 ? (
        <table className="incident-table" data-testid="holds-table">
          <thead>
            <tr>
              <th>{t('evidence.camera')}</th>
              <th>{t('holds.range')}</th>
              <th>{t('common.reason')}</th>
              <th>{t('holds.createdAt')}</th>
              <th>{t('holds.state')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((hold) => (
              <tr key={hold.id} data-testid="hold-row" data-active={hold.active}>
                <td data-label={t('evidence.camera')}>
                  <code>{hold.cameraCode}</code>
                </td>
                <td data-label={t('holds.range')}>
                  {formatDateTime(hold.from, language)} – {formatDateTime(hold.to, language)}
                </td>
                <td data-label={t('common.reason')}>{hold.reason}</td>
                <td data-label={t('holds.createdAt')}>
                  {formatDateTime(hold.createdAt, language)}
                  {hold.createdByUsername ? ` · ${hold.createdByUsername}` : ''}
                </td>
                <td data-label={t('holds.state')}>
                  {hold.active
                    ? t('holds.active')
                    : t('holds.released', { time: formatDateTime(hold.releasedAt, language) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {active.length > 0 ? (
        <form className="inline-form" onSubmit={(event) => void release(event)}>
          <label htmlFor="hold-release-reason">{t('caseHolds.releaseReason')}</label>
          <input
            id="hold-release-reason"
            required
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <ErrorMessage error={error} />
          <div className="button-row">
            <button
              type="submit"
              className="danger"
              data-testid="holds-release"
              disabled={busy || !reason.trim()}
            >
              {t('caseHolds.release', { count: active.length })}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
