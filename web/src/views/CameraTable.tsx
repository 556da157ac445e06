import { useMemo } from 'react';
import type { RecordingStatus } from '../api/recording';
import type { Camera } from '../api/types';
import { formatDateTime } from '../i18n/format';
import { useLanguage, useT } from '../i18n/i18n';
import { ownerKindColours } from '../map/style';
import { CameraThumbnail, ThumbnailReasonButton, useThumbnails } from './live/CameraThumbnail';
import { HealthBadge } from './recording/HealthBadge';

/**
 * Cameras as a table; on a phone each row becomes a card (see `.camera-table` in the CSS).
 * With `health`, a column shows each recorder's state (live, from the health events), and for
 * those who may watch live a first column shows each camera's current picture.
 */
export function CameraTable({
  cameras,
  health,
}: {
  cameras: Camera[];
  health?: Record<string, RecordingStatus>;
}) {
  const t = useT();
  const { language } = useLanguage();
  const ids = useMemo(() => cameras.map((camera) => camera.id), [cameras]);
  const thumbnails = useThumbnails(ids, health);
  const pictures = health !== undefined && thumbnails.enabled;
  return (
    <table className="camera-table" data-testid="camera-table">
      <thead>
        <tr>
          {pictures ? (
            <th>
              {t('live.thumbnail.column')}
              <ThumbnailReasonButton thumbnails={thumbnails} />
            </th>
          ) : null}
          <th>{t('camera.code')}</th>
          <th>{t('camera.name')}</th>
          <th>{t('camera.jurisdiction')}</th>
          <th>{t('camera.ownerKind')}</th>
          <th>{t('camera.status')}</th>
          {health ? <th>{t('health.column')}</th> : null}
          <th>{t('camera.consentTier')}</th>
          <th>{t('camera.updatedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {cameras.map((camera) => (
          <tr key={camera.id} data-camera-code={camera.code}>
            {pictures ? (
              <td data-label={t('live.thumbnail.column')}>
                <CameraThumbnail plan={thumbnails.plans[camera.id]} name={camera.name} />
              </td>
            ) : null}
            <td data-label={t('camera.code')}>
              <code>{camera.code}</code>
            </td>
            <td data-label={t('camera.name')}>
              <a href={`/cameras/${encodeURIComponent(camera.id)}`}>{camera.name}</a>
            </td>
            <td data-label={t('camera.jurisdiction')}>{camera.jurisdictionName}</td>
            <td data-label={t('camera.ownerKind')}>
              <span
                className="legend-swatch"
                style={{ background: ownerKindColours[camera.ownerKind] }}
              />
              {t(`ownerKind.${camera.ownerKind}`)}
            </td>
            <td data-label={t('camera.status')}>
              <span className={`status-badge status-badge--${camera.status}`}>
                {t(`status.${camera.status}`)}
              </span>
            </td>
            {health ? (
              <td data-label={t('health.column')} data-testid="health-cell">
                <HealthBadge state={health[camera.id]?.state} />
              </td>
            ) : null}
            <td data-label={t('camera.consentTier')}>{t(`consent.${camera.consentTier}`)}</td>
            <td data-label={t('camera.updatedAt')}>{formatDateTime(camera.updatedAt, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
