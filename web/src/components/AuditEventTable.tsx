import { isRole, type AuditEvent } from '../api/types';
import { formatDateTime } from '../i18n/format';
import { useLanguage, useT } from '../i18n/i18n';

interface AuditEventTableProps {
  events: AuditEvent[];
  /** The audit page shows what each event touched; a camera's own log does not need to. */
  showTarget?: boolean;
  testId?: string;
}

/** Audit events: when, who (and in what role), what, on what, and why. */
export function AuditEventTable({ events, showTarget, testId }: AuditEventTableProps) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <table className="audit-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('accessLog.at')}</th>
          <th>{t('accessLog.who')}</th>
          <th>{t('accessLog.action')}</th>
          {showTarget ? <th>{t('audit.target')}</th> : null}
          <th>{t('common.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.seq}>
            <td data-label={t('accessLog.at')}>{formatDateTime(event.at, language)}</td>
            <td data-label={t('accessLog.who')}>
              {event.actorUsername ?? t('audit.system')}
              {event.actorRole ? (
                <small>
                  {' '}
                  ({isRole(event.actorRole) ? t(`role.${event.actorRole}`) : event.actorRole})
                </small>
              ) : null}
            </td>
            <td data-label={t('accessLog.action')}>
              <code>{event.action}</code>
            </td>
            {showTarget ? (
              <td data-label={t('audit.target')}>
                {event.targetType ? `${event.targetType} ${event.targetId ?? ''}` : '—'}
              </td>
            ) : null}
            <td data-label={t('common.reason')}>{event.reason ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
