import { useMemo } from 'react';
import { recording, type RecordingStatus } from '../api/recording';
import { applyHealth } from './healthUpdates';
import { useLiveHealth } from './useLiveHealth';
import { useResource } from './useResource';

/**
 * Every recorder in the caller's area by camera id, kept current by `camera.health` events;
 * undefined until the first answer. Reloaded after each reconnection of the events socket.
 */
export function useRecordingHealth(): Record<string, RecordingStatus> | undefined {
  const live = useLiveHealth();
  const loaded = useResource(() => recording.status(), `recording-status:${live.opens}`);
  const items = loaded.data?.items;
  return useMemo(() => {
    if (!items) return undefined;
    const byCamera: Record<string, RecordingStatus> = {};
    for (const item of items)
      byCamera[item.cameraId] = applyHealth(item, live.updates[item.cameraId]);
    return byCamera;
  }, [items, live.updates]);
}
