import { evidence } from '../../api/evidence';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useResource } from '../../hooks/useResource';
import { formatDateTime } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { shortHash } from './incidentRules';

/** Every access to an item, and whether the hash chain linking them still holds. */
export function CustodyLog({ itemId, version }: { itemId: string; version: number }) {
  const t = useT();
  const { language } = useLanguage();
  const log = useResource(() => evidence.custody(itemId), `custody:${itemId}:${version}`);
  if (log.error) return <ErrorMessage error={log.error} />;
  if (!log.data) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="custody-log" data-testid="custody-log">
      <span
        className={`chip ${log.data.chainOk ? 'chip--ok' : 'chip--broken'}`}
        data-testid="custody-chain"
        data-ok={log.data.chainOk}
      >
        {t(log.data.chainOk ? 'evidence.chainOk' : 'evidence.chainBroken')}
      </span>
      <ol>
        {log.data.items.map((event) => (
          <li key={event.seq}>
            <span>{formatDateTime(event.at, language)}</span> · <code>{event.action}</code> ·{' '}
            {event.actorUsername ?? t('evidence.system')}
            {typeof event.details?.reason === 'string' ? (
              <span className="muted"> · {event.details.reason}</span>
            ) : null}{' '}
            <code className="muted" title={event.hash}>
              {shortHash(event.hash)}
            </code>
          </li>
        ))}
      </ol>
    </div>
  );
}
