// What `camera.health` events say about a recorder, folded over the last loaded status.
// Pure functions, so the rules for `since` are tested without a browser.
import { isRecordingState, type RecordingStatus } from '../api/recording';
import type { ServerEvent } from '../api/events';

export type HealthUpdate = Partial<
  Pick<
    RecordingStatus,
    'state' | 'lastError' | 'since' | 'uptimePct24h' | 'bitrateKbps' | 'fps' | 'recording'
  >
> & {
  /** When this page first heard of the current state (used when the server sent no `since`). */
  heardAt?: string;
  /** The state changed at least once while the page listened. */
  changed?: boolean;
};

const numberOrNull = (value: unknown): number | null | undefined =>
  value === null || (typeof value === 'number' && Number.isFinite(value)) ? value : undefined;
const stringOrNull = (value: unknown): string | null | undefined =>
  value === null || typeof value === 'string' ? value : undefined;

/** The fields of a `camera.health` event this page understands; null when it names no camera. */
export function healthUpdateFrom(
  event: ServerEvent,
): { cameraId: string; update: HealthUpdate } | null {
  const { data } = event;
  if (typeof data.cameraId !== 'string') return null;
  const update: HealthUpdate = {};
  if (isRecordingState(data.state)) {
    update.state = data.state;
    update.heardAt = event.at;
  }
  const lastError = stringOrNull(data.lastError);
  if (lastError !== undefined) update.lastError = lastError;
  const since = stringOrNull(data.since);
  if (since !== undefined) update.since = since;
  for (const key of ['uptimePct24h', 'bitrateKbps', 'fps'] as const) {
    const value = numberOrNull(data[key]);
    if (value !== undefined) update[key] = value;
  }
  if (typeof data.recording === 'boolean') update.recording = data.recording;
  return { cameraId: data.cameraId, update };
}

/** Folds a newer update into what earlier events said about the same camera. */
export function mergeHealth(previous: HealthUpdate | undefined, next: HealthUpdate): HealthUpdate {
  const merged = { ...previous, ...next };
  if (previous?.state !== undefined && next.state !== undefined) {
    if (previous.state === next.state) merged.heardAt = previous.heardAt ?? next.heardAt;
    else merged.changed = true;
  }
  return merged;
}

/** The loaded status with what events said since; `since` moves only when the state changes. */
export function applyHealth(status: RecordingStatus, update: HealthUpdate | undefined) {
  if (!update) return status;
  const { heardAt, changed, ...fields } = update;
  const moved = fields.state !== undefined && (changed === true || fields.state !== status.state);
  const since = fields.since ?? (moved ? (heardAt ?? status.since) : status.since);
  return { ...status, ...fields, since };
}
