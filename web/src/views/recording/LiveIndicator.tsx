import { useServerEventsConnection } from '../../hooks/useServerEvents';
import { useT } from '../../i18n/i18n';
import './recording.css';

/** Whether the page is hearing live changes, or waiting to reconnect. */
export function LiveIndicator() {
  const t = useT();
  const { status } = useServerEventsConnection();
  return (
    <span
      className={`live-indicator live-indicator--${status}`}
      data-testid="live-indicator"
      data-status={status}
    >
      {t(status === 'open' ? 'live.open' : 'live.reconnecting')}
    </span>
  );
}
