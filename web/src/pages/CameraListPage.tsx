import { useCallback, useState } from 'react';
import { withQuery } from '../api/client';
import { cameras as cameraApi, type CameraFilters } from '../api/endpoints';
import { cameraStatuses, consentTiers, ownerKinds } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { Pagination } from '../components/Pagination';
import { navigate, useLocation } from '../hooks/router';
import { useMe } from '../hooks/session';
import { useRecordingHealth } from '../hooks/useRecordingHealth';
import { useResource } from '../hooks/useResource';
import { useT } from '../i18n/i18n';
import { cameraCreatorRoles, registryRoles } from '../permissions';
import { CameraFilterBar } from '../views/CameraFilterBar';
import { CameraTable } from '../views/CameraTable';

const pageSize = 25;

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | '' {
  return values.find((v) => v === raw) ?? '';
}

/** Filters live in the address, so a filtered list can be bookmarked and Back works. */
function filtersFrom(query: URLSearchParams): CameraFilters {
  return {
    q: query.get('q') ?? '',
    jurisdictionId: query.get('jurisdictionId') ?? '',
    ownerKind: oneOf(ownerKinds, query.get('ownerKind')),
    status: oneOf(cameraStatuses, query.get('status')),
    consentTier: oneOf(consentTiers, query.get('consentTier')),
  };
}

export function CameraListPage() {
  const t = useT();
  const me = useMe();
  const { query, url } = useLocation();
  const filters = filtersFrom(query);
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const list = useResource(() => cameraApi.list({ ...filters, limit: pageSize, offset }), url);
  const [exportReason, setExportReason] = useState('');
  const health = useRecordingHealth();

  const setFilters = useCallback((next: CameraFilters) => {
    navigate(withQuery('/cameras', { ...next }), { replace: true });
  }, []);
  const setOffset = (next: number) =>
    navigate(withQuery('/cameras', { ...filters, offset: next || undefined }));
  const exportHref = (format: 'csv' | 'geojson') =>
    withQuery(`/api/cameras/export.${format}`, { ...filters, reason: exportReason.trim() });

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('list.title')}</h1>
        {cameraCreatorRoles.includes(me.role) ? (
          <a className="button primary" href="/cameras/new">
            {t('camera.new')}
          </a>
        ) : null}
      </div>
      <CameraFilterBar filters={filters} onChange={setFilters} />
      <ErrorMessage error={list.error} />
      <p className="list-summary" data-testid="list-total">
        {list.data ? t('list.total', { total: list.data.total }) : t('common.loading')}
      </p>
      {list.data && list.data.items.length === 0 ? (
        <p className="empty">{t('list.empty')}</p>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <CameraTable cameras={list.data.items} health={health} />
      ) : null}
      {list.data ? (
        <Pagination offset={offset} limit={pageSize} total={list.data.total} onChange={setOffset} />
      ) : null}
      {registryRoles.includes(me.role) ? (
        <details className="export-box">
          <summary>{t('export.title')}</summary>
          <p>{t('export.reasonHint')}</p>
          <label htmlFor="export-reason">{t('common.reason')}</label>
          <input
            id="export-reason"
            value={exportReason}
            onChange={(event) => setExportReason(event.target.value)}
          />
          <div className="button-row">
            {(['csv', 'geojson'] as const).map((format) =>
              exportReason.trim() ? (
                <a key={format} className="button" href={exportHref(format)} download>
                  {t(format === 'csv' ? 'export.csv' : 'export.geojson')}
                </a>
              ) : (
                <button key={format} type="button" disabled>
                  {t(format === 'csv' ? 'export.csv' : 'export.geojson')}
                </button>
              ),
            )}
          </div>
        </details>
      ) : null}
    </div>
  );
}
