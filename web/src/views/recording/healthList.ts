// Pure helpers of the health page: counting, ordering and filtering recorder states.
import { recordingStates, type RecordingState, type RecordingStatus } from '../../api/recording';

/** Problems first: what needs someone's attention heads the table. */
const attentionOrder: Record<RecordingState, number> = {
  auth_failed: 0,
  error: 1,
  offline: 2,
  connecting: 3,
  online: 4,
  disabled: 5,
};

export function countByState(items: readonly RecordingStatus[]): Record<RecordingState, number> {
  const counts = Object.fromEntries(recordingStates.map((state) => [state, 0])) as Record<
    RecordingState,
    number
  >;
  for (const item of items) counts[item.state] += 1;
  return counts;
}

export function sortForAttention(items: readonly RecordingStatus[]): RecordingStatus[] {
  return [...items].sort(
    (a, b) =>
      attentionOrder[a.state] - attentionOrder[b.state] ||
      a.code.localeCompare(b.code, 'vi', { numeric: true }),
  );
}

export function parseStateFilter(raw: string | null): RecordingState | '' {
  return recordingStates.find((state) => state === raw) ?? '';
}
