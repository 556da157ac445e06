import { useState } from 'react';
import type { Camera } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { navigate } from '../../hooks/router';
import { useResource } from '../../hooks/useResource';
import { useT } from '../../i18n/i18n';
import '../../styles/playback.css';
import { playbackApi } from './playbackApi';
import { Timeline } from './Timeline';
import { formatSpan } from './timeFormat';
import { dayMs } from './timeMath';

/**
 * The camera page's "Recording / Timeline" card: the last 24 hours as a strip, and the way
 * into playback for those who may watch (a click on the strip starts playback there).
 */
export function TimelineSection({ camera }: { camera: Camera }) {
  const t = useT();
  const [now] = useState(() => Date.now());
  const view = { startMs: now - dayMs, endMs: now };
  const timeline = useResource(
    () => playbackApi.timeline(camera.id, view.startMs, view.endMs),
    `section:${camera.id}:${now}`,
  );
  const playbackPath = `/cameras/${encodeURIComponent(camera.id)}/playback`;
  const data = timeline.data;
  const allowed = data?.playback.allowed ?? false;

  return (
    <section className="card card--wide playback-section" data-testid="playback-section">
      <div className="playback-section-head">
        <h2>{t('playback.section.title')}</h2>
        {allowed ? (
          <a className="button primary" href={playbackPath} data-testid="playback-open">
            {t('playback.section.open')}
          </a>
        ) : null}
      </div>
      <ErrorMessage error={timeline.error} />
      {data ? (
        <>
          <Timeline
            compact
            view={view}
            data={data}
            cursorMs={null}
            onSeek={(ms) => {
              if (allowed) navigate(`${playbackPath}?t=${new Date(ms).toISOString()}`);
            }}
          />
          <p className="muted">
            {data.recordedSeconds > 0
              ? t('playback.section.summary', {
                  recorded: formatSpan(data.recordedSeconds * 1000, t),
                })
              : t('playback.section.none')}
            {!allowed && data.playback.message ? ` ${data.playback.message}` : ''}
          </p>
        </>
      ) : null}
    </section>
  );
}
