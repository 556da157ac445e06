import { withQuery } from '../api/client';
import { sites, siteStatuses, type SiteStatus } from '../api/planning';
import { EnumSelect } from '../components/EnumSelect';
import { ErrorMessage } from '../components/ErrorMessage';
import { navigate, useLocation } from '../hooks/router';
import { useMe } from '../hooks/session';
import { useResource } from '../hooks/useResource';
import { formatDate } from '../i18n/format';
import { useLanguage, useT } from '../i18n/i18n';
import { formatVnd } from '../views/funding/money';
import { LifecycleChips } from '../views/planning/LifecycleStepper';
import { SitesMap } from '../views/planning/SitesMap';
import '../styles/planning.css';

/** Hà Nội, for an account with no unit of its own, until sites are drawn and framed. */
const defaultCenter: [number, number] = [21.0737, 105.7905];

/** The planned camera sites in the user's area, by status, on a list and a map. */
export function SitesPage() {
  const t = useT();
  const { language } = useLanguage();
  const me = useMe();
  const { query, url } = useLocation();
  const status: SiteStatus | '' = siteStatuses.find((s) => s === query.get('status')) ?? '';
  const unitId = query.get('unitId') ?? me.jurisdictionId ?? undefined;
  const list = useResource(() => sites.list({ unitId, status }), `sites:${url}`);
  const items = list.data?.items ?? [];

  return (
    <div className="page sites-page" data-testid="sites-page">
      <div className="page-header">
        <h1>{t('sites.title')}</h1>
        <a className="button" href="/coverage">
          {t('sites.toCoverage')}
        </a>
      </div>
      <div className="filter-bar filter-bar--sites">
        <div className="filter">
          <label htmlFor="sites-status">{t('sites.statusLabel')}</label>
          <EnumSelect
            id="sites-status"
            value={status}
            values={siteStatuses}
            label={(value) => t(`sites.status.${value}`)}
            emptyLabel={t('sites.anyStatus')}
            onChange={(value) =>
              navigate(withQuery('/sites', { unitId: query.get('unitId'), status: value }), {
                replace: true,
              })
            }
          />
        </div>
      </div>
      <ErrorMessage error={list.error} />
      {list.data && items.length === 0 ? <p className="empty">{t('sites.empty')}</p> : null}
      {items.length > 0 ? (
        <div className="sites-layout">
          <SitesMap sites={items} fallbackCenter={defaultCenter} />
          <div className="table-scroll">
            <table className="plan-table" data-testid="site-list">
              <thead>
                <tr>
                  <th>{t('sites.name')}</th>
                  <th>{t('sites.statusLabel')}</th>
                  <th>{t('sites.cost')}</th>
                  <th>{t('sites.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((site) => (
                  <tr key={site.id} data-testid="site-row" data-status={site.status}>
                    <td data-label={t('sites.name')}>
                      <a href={`/sites/${encodeURIComponent(site.id)}`}>
                        <strong>{site.name}</strong>
                      </a>
                      <div className="muted">
                        {[site.address, site.unitName].filter(Boolean).join(' · ')}
                      </div>
                    </td>
                    <td data-label={t('sites.statusLabel')}>
                      <span className={`plan-chip plan-chip--${site.status}`}>
                        {t(`sites.status.${site.status}`)}
                      </span>{' '}
                      <LifecycleChips site={site} />
                      {site.cameraCode ? <div className="muted">{site.cameraCode}</div> : null}
                    </td>
                    <td data-label={t('sites.cost')}>
                      {formatVnd(site.estimatedCostVnd, language)}
                    </td>
                    <td data-label={t('sites.updated')}>{formatDate(site.updatedAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </div>
  );
}
