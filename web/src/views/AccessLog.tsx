import { cameras } from '../api/endpoints';
import { AuditEventTable } from '../components/AuditEventTable';
import { ErrorMessage } from '../components/ErrorMessage';
import { useResource } from '../hooks/useResource';
import { useT } from '../i18n/i18n';

/** Every access to one camera, from the audit log: who, when, what and why. */
export function AccessLog({ cameraId }: { cameraId: string }) {
  const t = useT();
  const log = useResource(() => cameras.accessLog(cameraId), `access-log:${cameraId}`);
  if (log.error) return <ErrorMessage error={log.error} />;
  if (!log.data) return <p className="muted">{t('common.loading')}</p>;
  if (log.data.items.length === 0) return <p className="muted">{t('accessLog.empty')}</p>;
  return <AuditEventTable events={log.data.items} testId="access-log" />;
}
