import type { RecordingStatus } from '../../api/recording';
import { formatDateTime } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { HealthBadge } from './HealthBadge';
import { formatDecimal } from './recordingFormat';

/** One row per camera recorder; on a phone each row becomes a labelled card. */
export function HealthTable({ items }: { items: RecordingStatus[] }) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <table className="health-table" data-testid="health-table">
      <thead>
        <tr>
          <th>{t('camera.code')}</th>
          <th>{t('camera.name')}</th>
          <th>{t('health.state')}</th>
          <th>{t('recording.since')}</th>
          <th>{t('recording.uptime24h')}</th>
          <th>{t('recording.bitrate')}</th>
          <th>{t('recording.fps')}</th>
          <th>{t('recording.lastError')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.cameraId} data-camera-id={item.cameraId} data-camera-code={item.code}>
            <td data-label={t('camera.code')}>
              <code>{item.code}</code>
            </td>
            <td data-label={t('camera.name')}>
              <a href={`/cameras/${encodeURIComponent(item.cameraId)}`}>{item.name}</a>
            </td>
            <td data-label={t('health.state')}>
              <HealthBadge state={item.state} />
              {item.recording ? null : <small className="muted"> · {t('recording.off')}</small>}
            </td>
            <td data-label={t('recording.since')}>{formatDateTime(item.since, language)}</td>
            <td data-label={t('recording.uptime24h')}>
              {item.uptimePct24h === null ? '—' : `${formatDecimal(item.uptimePct24h, language)} %`}
            </td>
            <td data-label={t('recording.bitrate')}>
              {item.bitrateKbps === null
                ? '—'
                : t('recording.kbps', { value: formatDecimal(item.bitrateKbps, language, 0) })}
            </td>
            <td data-label={t('recording.fps')}>{formatDecimal(item.fps, language)}</td>
            <td data-label={t('recording.lastError')}>{item.lastError || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
