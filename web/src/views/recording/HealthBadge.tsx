import type { RecordingState } from '../../api/recording';
import { useT } from '../../i18n/i18n';
import './recording.css';

/** A recorder's health as a coloured badge with the state's name in the reader's language. */
export function HealthBadge({ state }: { state: RecordingState | null | undefined }) {
  const t = useT();
  if (!state) return <span className="muted">—</span>;
  return (
    <span className={`health-badge health-badge--${state}`} data-health-state={state}>
      {t(`health.${state}`)}
    </span>
  );
}
