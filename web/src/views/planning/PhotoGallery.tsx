import { useState } from 'react';
import { toApiError, type ApiError } from '../../api/client';
import { sites, type Site, type SitePhoto } from '../../api/planning';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';

/** The survey photos of a site, and an upload (JPEG, PNG or WebP, sent as the file itself). */
export function PhotoGallery(props: {
  site: Site;
  canUpload: boolean;
  onUploaded: (photo: SitePhoto) => void;
}) {
  const { site, canUpload, onUploaded } = props;
  const t = useT();
  const { language } = useLanguage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const upload = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      onUploaded(await sites.uploadPhoto(site.id, file));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" data-testid="site-photos">
      <h2>{t('sites.photos')}</h2>
      {site.photos.length === 0 ? <p className="empty">{t('sites.noPhotos')}</p> : null}
      <ul className="photo-grid">
        {site.photos.map((photo) => {
          const url = sites.photoUrl(site.id, photo.id);
          return (
            <li key={photo.id} data-testid="site-photo">
              <a href={url} target="_blank" rel="noreferrer">
                <img src={url} alt={photo.fileName} loading="lazy" />
              </a>
              <small>{formatDateTime(photo.createdAt, language)}</small>
            </li>
          );
        })}
      </ul>
      {canUpload ? (
        <div className="import-controls">
          <label htmlFor="site-photo-file">{t('sites.addPhoto')}</label>
          <input
            id="site-photo-file"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            disabled={busy}
            onChange={(event) => {
              void upload(event.target.files);
              event.target.value = '';
            }}
          />
          {busy ? <span className="muted">{t('sites.uploading')}</span> : null}
        </div>
      ) : null}
      <ErrorMessage error={error} />
    </section>
  );
}
