import { withQuery } from '../api/client';
import { recording, type RecordingState } from '../api/recording';
import { ErrorMessage } from '../components/ErrorMessage';
import { Pagination } from '../components/Pagination';
import { applyHealth } from '../hooks/healthUpdates';
import { useLiveHealth } from '../hooks/useLiveHealth';
import { navigate, useLocation } from '../hooks/router';
import { useMe } from '../hooks/session';
import { useResource } from '../hooks/useResource';
import { useT } from '../i18n/i18n';
import { countByState, parseStateFilter, sortForAttention } from '../views/recording/healthList';
import { HealthSummary } from '../views/recording/HealthSummary';
import { HealthTable } from '../views/recording/HealthTable';
import { LiveIndicator } from '../views/recording/LiveIndicator';
import { storageRoles } from '../views/recording/recordingRoles';
import { StorageFigures } from '../views/recording/StorageFigures';

const pageSize = 50;

/** "Tình trạng": every recorder in the caller's area, live, and how full the media store is. */
export function HealthPage() {
  const t = useT();
  const me = useMe();
  const { query } = useLocation();
  const stateFilter = parseStateFilter(query.get('state'));
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const live = useLiveHealth();
  // Reloaded at each (re)connection: events missed while the socket was down are not replayed.
  const list = useResource(() => recording.status(), `recording-status:${live.opens}`);

  const items = (list.data?.items ?? []).map((item) =>
    applyHealth(item, live.updates[item.cameraId]),
  );
  const shown = sortForAttention(
    stateFilter ? items.filter((item) => item.state === stateFilter) : items,
  );
  const setFilter = (state: RecordingState | '') =>
    navigate(withQuery('/health', { state }), { replace: true });
  const setOffset = (next: number) =>
    navigate(withQuery('/health', { state: stateFilter, offset: next || undefined }));

  return (
    <div className="page health-page">
      <div className="page-header">
        <h1>{t('health.title')}</h1>
        <LiveIndicator />
      </div>
      <ErrorMessage error={list.error} />
      {list.data ? (
        <>
          <HealthSummary
            counts={countByState(items)}
            total={items.length}
            selected={stateFilter}
            onSelect={setFilter}
          />
          {shown.length === 0 ? (
            <p className="empty">{t('health.empty')}</p>
          ) : (
            <HealthTable items={shown.slice(offset, offset + pageSize)} />
          )}
          <Pagination offset={offset} limit={pageSize} total={shown.length} onChange={setOffset} />
        </>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
      {storageRoles.includes(me.role) ? (
        <section className="card storage-figures">
          <h2>{t('storage.title')}</h2>
          <StorageFigures reloadKey={String(live.opens)} />
        </section>
      ) : null}
    </div>
  );
}
