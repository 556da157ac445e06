import { useState } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { evidence, packages } from '../../api/evidence';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useResource } from '../../hooks/useResource';
import { formatDateTime } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatBytes, shortHash } from './incidentRules';

/** Signed evidence packages for court, and how anyone can check one. */
export function PackagesPanel({ incidentId, version }: { incidentId: string; version: number }) {
  const t = useT();
  const { language } = useLanguage();
  const list = useResource(
    () => packages.forIncident(incidentId),
    `packages:${incidentId}:${version}`,
  );
  const [helpOpen, setHelpOpen] = useState(false);
  // Only asked for when someone opens the explanation; most visits never need it.
  const key = useResource(() => evidence.publicKey(), helpOpen ? 'evidence-public-key' : null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const items = list.data?.items ?? [];

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      await packages.create(incidentId);
      list.reload();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card card--wide" data-testid="packages-panel">
      <div className="section-head">
        <h2>{t('packages.title')}</h2>
        <button
          type="button"
          className="primary"
          data-testid="package-create"
          disabled={busy}
          onClick={() => void create()}
        >
          {busy ? t('packages.creating') : t('packages.create')}
        </button>
      </div>
      <ErrorMessage error={error ?? list.error} />
      {list.data && items.length === 0 ? <p className="muted">{t('packages.none')}</p> : null}
      {items.length > 0 ? (
        <table className="incident-table" data-testid="packages-table">
          <thead>
            <tr>
              <th>{t('packages.file')}</th>
              <th>{t('packages.items')}</th>
              <th>{t('evidence.size')}</th>
              <th>SHA-256</th>
              <th>{t('packages.createdAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="package-row" data-package-id={item.id}>
                <td data-label={t('packages.file')}>
                  <a href={packages.downloadUrl(item.id)} download data-testid="package-download">
                    {item.fileName}
                  </a>
                </td>
                <td data-label={t('packages.items')}>{item.itemCount}</td>
                <td data-label={t('evidence.size')}>{formatBytes(item.bytes)}</td>
                <td data-label="SHA-256">
                  <code title={item.sha256} data-sha256={item.sha256}>
                    {shortHash(item.sha256)}
                  </code>
                </td>
                <td data-label={t('packages.createdAt')}>
                  {formatDateTime(item.createdAt, language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <details className="package-help" onToggle={(event) => setHelpOpen(event.currentTarget.open)}>
        <summary>{t('packages.howToCheck')}</summary>
        <p>{t('packages.checkExplain')}</p>
        <pre>matthan verify {items[0]?.fileName ?? 'goi-chung-cu.zip'}</pre>
        <ErrorMessage error={key.error} />
        {key.data ? (
          <p>
            {t('packages.fingerprint')}:{' '}
            <code data-testid="package-fingerprint">{key.data.fingerprint}</code>
          </p>
        ) : null}
      </details>
    </section>
  );
}
