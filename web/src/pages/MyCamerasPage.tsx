import { useMemo, useState } from 'react';
import { cameras } from '../api/endpoints';
import type { Camera } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { useRecordingHealth } from '../hooks/useRecordingHealth';
import { useResource } from '../hooks/useResource';
import { formatDateTime } from '../i18n/format';
import { useLanguage, useT } from '../i18n/i18n';
import { ownerKindColours } from '../map/style';
import { ConsentEditor } from '../views/ConsentEditor';
import { CameraThumbnail, useThumbnails } from '../views/live/CameraThumbnail';

/** An owner's own cameras, laid out for a phone: register one, decide what police may see. */
export function MyCamerasPage() {
  const t = useT();
  const { language } = useLanguage();
  const mine = useResource(() => cameras.mine(), 'mine');
  const [edited, setEdited] = useState<Record<string, Camera>>({});
  const items = (mine.data?.items ?? []).map((camera) => edited[camera.id] ?? camera);
  const loaded = mine.data?.items;
  const ids = useMemo(() => (loaded ?? []).map((camera) => camera.id), [loaded]);
  // Owners see their own cameras without giving a reason, so no button is needed here.
  const health = useRecordingHealth();
  const thumbnails = useThumbnails(ids, health);

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('mine.title')}</h1>
        <a className="button primary" href="/cameras/new">
          {t('mine.register')}
        </a>
      </div>
      <p className="muted">{t('mine.explain')}</p>
      <ErrorMessage error={mine.error} />
      {mine.data && items.length === 0 ? <p className="empty">{t('mine.empty')}</p> : null}
      <div className="card-list">
        {items.map((camera) => (
          <article key={camera.id} className="card my-camera" data-camera-code={camera.code}>
            <header>
              <span
                className="legend-swatch"
                style={{ background: ownerKindColours[camera.ownerKind] }}
              />
              <a href={`/cameras/${encodeURIComponent(camera.id)}`}>
                <strong>{camera.name}</strong>
              </a>{' '}
              <span className={`status-badge status-badge--${camera.status}`}>
                {t(`status.${camera.status}`)}
              </span>
            </header>
            {thumbnails.enabled ? (
              <CameraThumbnail plan={thumbnails.plans[camera.id]} name={camera.name} />
            ) : null}
            <p className="muted">
              <code>{camera.code}</code> · {camera.address || camera.jurisdictionName} ·{' '}
              {t('mine.updated', { time: formatDateTime(camera.updatedAt, language) })}
            </p>
            {camera.canChangeConsent ? (
              <ConsentEditor
                camera={camera}
                onSaved={(saved) => setEdited((all) => ({ ...all, [saved.id]: saved }))}
              />
            ) : (
              <p>{t(`consent.${camera.consentTier}`)}</p>
            )}
          </article>
        ))}
      </div>
    </div>
  );
}
