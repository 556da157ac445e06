import { recording, type StorageFigures as Figures } from '../../api/recording';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useResource } from '../../hooks/useResource';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useLanguage, useT, vi, type MessageKey, type Translate } from '../../i18n/i18n';
import { formatBytes } from './recordingFormat';

const perCameraShown = 20;

/** A word from the server (`low_disk`) in the reader's language, when there is a key for it. */
function label(prefix: 'retentionReason' | 'retentionTrigger', word: string, t: Translate) {
  const key = `${prefix}.${word}`;
  return key in vi ? t(key as MessageKey) : word;
}

/** `age,quota` → "quá số ngày lưu trữ, vượt hạn mức"; the trigger follows. */
function retentionWhy(run: NonNullable<Figures['lastRetention']>, t: Translate): string {
  const reasons = run.reason
    .split(',')
    .map((reason) => label('retentionReason', reason.trim(), t))
    .join(', ');
  return run.trigger ? `${reasons}; ${label('retentionTrigger', run.trigger, t)}` : reasons;
}

/** How full the media store is, against the quota (which counts every camera) or the disk. */
function usedShare(figures: Figures): number | null {
  if (figures.quotaBytes > 0)
    return Math.min(
      100,
      ((figures.quotaUsedBytes ?? figures.totalBytes) / figures.quotaBytes) * 100,
    );
  const disk = figures.disk;
  if (!disk?.totalBytes) return null;
  return Math.min(100, ((disk.totalBytes - disk.freeBytes) / disk.totalBytes) * 100);
}

/** The media store: used, held, quota, free disk, oldest footage, and the last clean-up. */
export function StorageFigures({ reloadKey }: { reloadKey: string }) {
  const t = useT();
  const { language } = useLanguage();
  const storage = useResource(() => recording.storage(), `storage:${reloadKey}`);
  if (storage.error) return <ErrorMessage error={storage.error} />;
  const figures = storage.data;
  if (!figures) return <p className="muted">{t('common.loading')}</p>;
  const share = usedShare(figures);
  const bytes = (value: number | null | undefined) => formatBytes(value, language);
  const run = figures.lastRetention;
  const biggest = [...figures.perCamera].sort((a, b) => b.bytes - a.bytes).slice(0, perCameraShown);

  return (
    <div data-testid="storage-figures">
      {figures.warnings?.map((warning) => (
        <p key={warning} className="error-message" role="alert">
          {warning}
        </p>
      ))}
      {figures.scope === 'jurisdiction' ? (
        <p className="muted">{t('storage.scopeJurisdiction')}</p>
      ) : null}
      {share === null ? null : (
        <div
          className="storage-bar"
          role="img"
          aria-label={t('storage.usedShare', { share: share.toFixed(0) })}
        >
          <span style={{ width: `${share.toFixed(2)}%` }} />
        </div>
      )}
      <dl className="recording-facts">
        <dt>{t('storage.used')}</dt>
        <dd data-testid="storage-used">
          {t('storage.usedValue', {
            size: bytes(figures.totalBytes),
            segments: formatNumber(figures.segmentCount, language),
          })}
        </dd>
        <dt>{t('storage.held')}</dt>
        <dd>{bytes(figures.heldBytes)}</dd>
        <dt>{t('storage.quota')}</dt>
        <dd>
          {figures.quotaBytes > 0
            ? t('storage.quotaValue', {
                used: bytes(figures.quotaUsedBytes ?? figures.totalBytes),
                quota: bytes(figures.quotaBytes),
              })
            : t('storage.noQuota')}
        </dd>
        <dt>{t('storage.freeDisk')}</dt>
        <dd>
          {figures.disk
            ? t('storage.freeOf', {
                free: bytes(figures.disk.freeBytes),
                total: bytes(figures.disk.totalBytes),
              })
            : '—'}
          {figures.minFreeBytes > 0
            ? ` · ${t('storage.minFree', { size: bytes(figures.minFreeBytes) })}`
            : ''}
        </dd>
        <dt>{t('storage.oldest')}</dt>
        <dd>{formatDateTime(figures.oldestSegmentAt, language)}</dd>
        <dt>{t('storage.lastRetention')}</dt>
        <dd data-testid="storage-last-retention">
          {run
            ? t('storage.retentionRun', {
                time: formatDateTime(run.at, language),
                segments: formatNumber(run.deletedSegments, language),
                size: bytes(run.deletedBytes),
                reason: retentionWhy(run, t),
              })
            : t('storage.retentionNever')}
        </dd>
      </dl>
      {biggest.length > 0 ? (
        <details className="export-box">
          <summary>{t('storage.perCamera')}</summary>
          <table className="health-table">
            <thead>
              <tr>
                <th>{t('camera.code')}</th>
                <th>{t('storage.size')}</th>
                <th>{t('storage.segments')}</th>
                <th>{t('storage.oldest')}</th>
                <th>{t('camera.retentionDays')}</th>
              </tr>
            </thead>
            <tbody>
              {biggest.map((row) => (
                <tr key={row.cameraId}>
                  <td data-label={t('camera.code')}>
                    <a href={`/cameras/${encodeURIComponent(row.cameraId)}`}>
                      <code>{row.code}</code>
                    </a>
                  </td>
                  <td data-label={t('storage.size')}>{bytes(row.bytes)}</td>
                  <td data-label={t('storage.segments')}>{formatNumber(row.segments, language)}</td>
                  <td data-label={t('storage.oldest')}>{formatDateTime(row.oldestAt, language)}</td>
                  <td data-label={t('camera.retentionDays')}>{row.retentionDays}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </div>
  );
}
