import { withQuery } from '../api/client';
import { incidents, incidentStatuses, incidentTypes, type IncidentFilters } from '../api/incidents';
import { EnumSelect } from '../components/EnumSelect';
import { ErrorMessage } from '../components/ErrorMessage';
import { navigate, useLocation } from '../hooks/router';
import { useResource } from '../hooks/useResource';
import { formatDateTime } from '../i18n/format';
import { useLanguage, useT } from '../i18n/i18n';
import '../styles/incidents.css';

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | '' {
  return values.find((v) => v === raw) ?? '';
}

/** The cases in the officer's area, newest first; filters live in the address. */
export function IncidentListPage() {
  const t = useT();
  const { language } = useLanguage();
  const { query, url } = useLocation();
  const filters: IncidentFilters = {
    status: oneOf(incidentStatuses, query.get('status')),
    type: oneOf(incidentTypes, query.get('type')),
    q: query.get('q') ?? '',
  };
  const list = useResource(() => incidents.list({ ...filters, limit: 100 }), url);
  const setFilters = (change: IncidentFilters) =>
    navigate(withQuery('/incidents', { ...filters, ...change }), { replace: true });
  const items = list.data?.items ?? [];

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('incidents.title')}</h1>
        <a className="button primary" href="/incidents/new" data-testid="incident-new">
          {t('incidents.new')}
        </a>
      </div>
      <div className="filter-bar filter-bar--incidents">
        <div className="filter">
          <label htmlFor="incident-q">{t('incidents.search')}</label>
          <input
            id="incident-q"
            type="search"
            defaultValue={filters.q}
            onChange={(event) => setFilters({ q: event.target.value })}
          />
        </div>
        <div className="filter">
          <label htmlFor="incident-status">{t('incidents.statusLabel')}</label>
          <EnumSelect
            id="incident-status"
            value={filters.status ?? ''}
            values={incidentStatuses}
            label={(status) => t(`incidents.status.${status}`)}
            emptyLabel={t('incidents.any')}
            onChange={(status) => setFilters({ status })}
          />
        </div>
        <div className="filter">
          <label htmlFor="incident-type">{t('incidents.type')}</label>
          <EnumSelect
            id="incident-type"
            value={filters.type ?? ''}
            values={incidentTypes}
            label={(type) => t(`incidents.typeName.${type}`)}
            emptyLabel={t('incidents.any')}
            onChange={(type) => setFilters({ type })}
          />
        </div>
      </div>
      <ErrorMessage error={list.error} />
      {list.data && items.length === 0 ? <p className="empty">{t('incidents.empty')}</p> : null}
      {items.length > 0 ? (
        <table className="incident-table" data-testid="incident-list">
          <thead>
            <tr>
              <th>{t('incidents.caseNumber')}</th>
              <th>{t('incidents.type')}</th>
              <th>{t('incidents.statusLabel')}</th>
              <th>{t('incidents.place')}</th>
              <th>{t('incidents.window')}</th>
              <th>{t('incidents.openedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((incident) => (
              <tr key={incident.id} data-testid="incident-row">
                <td data-label={t('incidents.caseNumber')}>
                  <a href={`/incidents/${encodeURIComponent(incident.id)}`}>
                    <strong>{incident.caseNumber}</strong>
                  </a>
                </td>
                <td data-label={t('incidents.type')}>{t(`incidents.typeName.${incident.type}`)}</td>
                <td data-label={t('incidents.statusLabel')}>
                  <span className={`chip chip--incident-${incident.status}`}>
                    {t(`incidents.status.${incident.status}`)}
                  </span>
                </td>
                <td data-label={t('incidents.place')}>
                  {incident.address ? (
                    <>
                      {incident.address}
                      <div className="muted">{incident.unitName}</div>
                    </>
                  ) : (
                    incident.unitName
                  )}
                </td>
                <td data-label={t('incidents.window')}>
                  {formatDateTime(incident.from, language)} –{' '}
                  {formatDateTime(incident.to, language)}
                </td>
                <td data-label={t('incidents.openedAt')}>
                  {formatDateTime(incident.openedAt, language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
