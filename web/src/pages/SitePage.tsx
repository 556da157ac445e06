import { useState } from 'react';
import { sites, type Site } from '../api/planning';
import { ErrorMessage } from '../components/ErrorMessage';
import { useMe } from '../hooks/session';
import { useResource } from '../hooks/useResource';
import { formatDateTime } from '../i18n/format';
import { useLanguage, useT } from '../i18n/i18n';
import type { PageProps } from '../navigation';
import { planningWriterRoles } from '../permissions';
import { formatVnd } from '../views/funding/money';
import { LifecycleStepper } from '../views/planning/LifecycleStepper';
import { NextStepForm } from '../views/planning/NextStepForm';
import { PhotoGallery } from '../views/planning/PhotoGallery';
import { SiteEditForm } from '../views/planning/SiteEditForm';
import { SitesMap } from '../views/planning/SitesMap';
import '../styles/planning.css';

/** One planned site: where and which way, its lifecycle, who answers for it, its photos. */
export function SitePage({ params }: PageProps) {
  const id = params.id ?? '';
  const t = useT();
  const { language } = useLanguage();
  const me = useMe();
  const loaded = useResource(() => sites.get(id), `site:${id}`);
  const [updated, setUpdated] = useState<Site | null>(null);
  const site = updated?.id === id ? updated : loaded.data;
  const canWrite = planningWriterRoles.includes(me.role);

  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!site) return <p className="muted">{t('common.loading')}</p>;

  return (
    <div className="page site-page" data-testid="site-page" data-site-id={site.id}>
      <div className="page-header">
        <div>
          <h1 data-testid="site-name">{site.name}</h1>
          <p className="muted">
            <span className={`plan-chip plan-chip--${site.status}`} data-testid="site-status">
              {t(`sites.status.${site.status}`)}
            </span>{' '}
            {[site.address, site.unitName].filter(Boolean).join(' · ')}
          </p>
        </div>
        <a className="button" href="/sites">
          {t('sites.backToList')}
        </a>
      </div>
      <LifecycleStepper site={site} />
      <div className="detail-grid">
        <section className="card">
          <dl className="facts">
            <dt>{t('sites.position')}</dt>
            <dd>
              {site.latitude.toFixed(6)}, {site.longitude.toFixed(6)}
            </dd>
            <dt>{t('sites.view')}</dt>
            <dd>
              {t('sites.viewValue', { heading: site.heading, fov: site.fov, range: site.rangeM })}
            </dd>
            <dt>{t('sites.cost')}</dt>
            <dd>{formatVnd(site.estimatedCostVnd, language)}</dd>
            <dt>{t('sites.source')}</dt>
            <dd>{t(`sites.sourceName.${site.source}`)}</dd>
            <dt>{t('sites.camera')}</dt>
            <dd data-testid="site-camera-code">
              {site.cameraId ? (
                <a href={`/cameras/${encodeURIComponent(site.cameraId)}`}>
                  {site.cameraCode ?? site.cameraId}
                </a>
              ) : (
                '—'
              )}
            </dd>
            <dt>{t('sites.created')}</dt>
            <dd>{formatDateTime(site.createdAt, language)}</dd>
          </dl>
          {canWrite ? (
            <>
              <h2>{t('sites.nextStep')}</h2>
              <NextStepForm key={site.status} site={site} onSaved={setUpdated} />
            </>
          ) : null}
        </section>
        <SitesMap sites={[site]} fallbackCenter={[site.latitude, site.longitude]} />
        {canWrite ? (
          <SiteEditForm key={site.id} site={site} onSaved={setUpdated} />
        ) : (
          <section className="card">
            <h2>{t('sites.responsibility')}</h2>
            <p>
              {[site.responsibleName, site.responsiblePhone].filter(Boolean).join(' · ') || '—'}
            </p>
            <p>{site.notes}</p>
          </section>
        )}
        <PhotoGallery
          site={site}
          canUpload={canWrite}
          onUploaded={(photo) => setUpdated({ ...site, photos: [...site.photos, photo] })}
        />
      </div>
    </div>
  );
}
