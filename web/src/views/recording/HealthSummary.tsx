import { recordingStates, type RecordingState } from '../../api/recording';
import { useT } from '../../i18n/i18n';
import { HealthBadge } from './HealthBadge';

/** How many cameras are in each state; each count is also a filter for the table below. */
export function HealthSummary({
  counts,
  total,
  selected,
  onSelect,
}: {
  counts: Record<RecordingState, number>;
  total: number;
  selected: RecordingState | '';
  onSelect: (state: RecordingState | '') => void;
}) {
  const t = useT();
  return (
    <div className="health-summary" data-testid="health-summary">
      <button type="button" aria-pressed={selected === ''} onClick={() => onSelect('')}>
        <span>{t('health.all')}</span>
        <strong data-testid="health-count-all">{total}</strong>
      </button>
      {recordingStates.map((state) => (
        <button
          key={state}
          type="button"
          aria-pressed={selected === state}
          onClick={() => onSelect(selected === state ? '' : state)}
        >
          <HealthBadge state={state} />
          <strong data-testid={`health-count-${state}`}>{counts[state]}</strong>
        </button>
      ))}
    </div>
  );
}
