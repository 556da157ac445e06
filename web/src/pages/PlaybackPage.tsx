import { cameras } from '../api/endpoints';
import { ErrorMessage } from '../components/ErrorMessage';
import { useResource } from '../hooks/useResource';
import { useT } from '../i18n/i18n';
import type { PageProps } from '../navigation';
import { PlaybackView } from '../views/playback/PlaybackView';

/** `/cameras/:id/playback[?t=ISO]`: recorded footage of one camera. */
export function PlaybackPage({ params }: PageProps) {
  const id = params.id ?? '';
  const t = useT();
  const camera = useResource(() => cameras.get(id), `camera:${id}`);
  if (camera.error) return <ErrorMessage error={camera.error} />;
  if (!camera.data) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="page playback-page">
      <div className="page-header">
        <div>
          <h1>
            {t('playback.title')} · {camera.data.name}
          </h1>
          <p className="muted">
            <code>{camera.data.code}</code> ·{' '}
            <a href={`/cameras/${encodeURIComponent(camera.data.id)}`}>{t('playback.back')}</a>
          </p>
        </div>
      </div>
      <PlaybackView key={camera.data.id} camera={camera.data} />
    </div>
  );
}
