import { recording } from '../../api/recording';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useResource } from '../../hooks/useResource';
import { formatDateTime } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';

/** Footage on this camera that retention must keep (investigations place the holds). */
export function HoldList({ cameraId }: { cameraId: string }) {
  const t = useT();
  const { language } = useLanguage();
  const holds = useResource(() => recording.holds(cameraId), `holds:${cameraId}`);
  if (holds.error) return <ErrorMessage error={holds.error} />;
  if (!holds.data) return <p className="muted">{t('common.loading')}</p>;
  if (holds.data.items.length === 0) return <p className="muted">{t('holds.empty')}</p>;
  return (
    <table className="health-table" data-testid="hold-list">
      <thead>
        <tr>
          <th>{t('holds.range')}</th>
          <th>{t('common.reason')}</th>
          <th>{t('holds.createdAt')}</th>
          <th>{t('holds.state')}</th>
        </tr>
      </thead>
      <tbody>
        {holds.data.items.map((hold) => (
          <tr key={hold.id}>
            <td data-label={t('holds.range')}>
              {formatDateTime(hold.from, language)} – {formatDateTime(hold.to, language)}
            </td>
            <td data-label={t('common.reason')}>{hold.reason}</td>
            <td data-label={t('holds.createdAt')}>
              {formatDateTime(hold.createdAt, language)}
              {hold.createdByUsername ? ` · ${hold.createdByUsername}` : ''}
            </td>
            <td data-label={t('holds.state')}>
              {hold.releasedAt && !hold.active
                ? t('holds.released', { time: formatDateTime(hold.releasedAt, language) })
                : t('holds.active')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
