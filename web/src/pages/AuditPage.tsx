import { useState } from 'react';
import { toApiError, type ApiError } from '../api/client';
import { audit, type AuditQuery } from '../api/endpoints';
import type { AuditEvent } from '../api/types';
import { AuditEventTable } from '../components/AuditEventTable';
import { ErrorMessage } from '../components/ErrorMessage';
import { useDebounced, useResource } from '../hooks/useResource';
import { useT } from '../i18n/i18n';

type Verification = Awaited<ReturnType<typeof audit.verify>>;
const pageSize = 50;

/** The audit log for admins and auditors: filter, page back in time, and check the hash chain. */
export function AuditPage() {
  const t = useT();
  const [filters, setFilters] = useState<AuditQuery>({});
  const settled = useDebounced(filters, 300);
  const [before, setBefore] = useState<number[]>([]);
  const cursor = before.at(-1);
  const page = useResource(
    () => audit.list({ ...settled, limit: pageSize, before: cursor }),
    JSON.stringify({ settled, cursor }),
  );
  const [verification, setVerification] = useState<Verification | null>(null);
  const [verifyError, setVerifyError] = useState<ApiError | null>(null);
  const items: AuditEvent[] = page.data?.items ?? [];

  const setFilter = (key: 'action' | 'targetType' | 'targetId', value: string) => {
    setFilters((f) => ({ ...f, [key]: value.trim() || undefined }));
    setBefore([]);
  };
  const verify = async () => {
    setVerifyError(null);
    try {
      setVerification(await audit.verify());
    } catch (caught) {
      setVerifyError(toApiError(caught));
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('audit.title')}</h1>
        <button type="button" onClick={() => void verify()}>
          {t('audit.verify')}
        </button>
      </div>
      {verification ? (
        <p
          className={verification.ok ? 'success' : 'error-message'}
          role="status"
          data-testid="audit-verify"
        >
          {verification.ok
            ? t('audit.verifyOk', { events: verification.events })
            : t('audit.verifyBad', {
                seq: verification.firstBadSeq ?? '?',
                problem: verification.problem ?? '',
              })}
        </p>
      ) : null}
      <ErrorMessage error={verifyError} />
      <form
        className="filter-bar filter-bar--audit"
        role="search"
        onSubmit={(event) => event.preventDefault()}
      >
        {(['action', 'targetType', 'targetId'] as const).map((key) => (
          <div className="filter" key={key}>
            <label htmlFor={`audit-${key}`}>{t(`audit.${key}`)}</label>
            <input id={`audit-${key}`} onChange={(event) => setFilter(key, event.target.value)} />
          </div>
        ))}
      </form>
      <ErrorMessage error={page.error} />
      {page.data && items.length === 0 ? <p className="empty">{t('audit.empty')}</p> : null}
      {items.length > 0 ? (
        <AuditEventTable events={items} showTarget testId="audit-events" />
      ) : null}
      <nav className="pagination" aria-label={t('list.pagination')}>
        <button
          type="button"
          disabled={before.length === 0}
          onClick={() => setBefore((b) => b.slice(0, -1))}
        >
          {t('audit.newer')}
        </button>
        <button
          type="button"
          disabled={items.length < pageSize}
          onClick={() => {
            const oldest = items.at(-1);
            if (oldest) setBefore((b) => [...b, oldest.seq]);
          }}
        >
          {t('audit.older')}
        </button>
      </nav>
    </div>
  );
}
