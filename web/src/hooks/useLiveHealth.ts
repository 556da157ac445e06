// Camera health as it changes: `camera.health` events from the server, kept per camera and
// laid over the last loaded status, so badges change without a reload.
import { useState } from 'react';
import { healthUpdateFrom, mergeHealth, type HealthUpdate } from './healthUpdates';
import { useServerEvent, useServerEventsConnection } from './useServerEvents';

export interface LiveHealth {
  updates: Record<string, HealthUpdate>;
  /** Changes at every (re)connection: reload the status then, events may have been missed. */
  opens: number;
}

export function useLiveHealth(): LiveHealth {
  const { opens } = useServerEventsConnection();
  const [updates, setUpdates] = useState<Record<string, HealthUpdate>>({});
  const [seenOpens, setSeenOpens] = useState(opens);
  // After a reconnection the page reloads the status, which replaces what events had said.
  if (seenOpens !== opens) {
    setSeenOpens(opens);
    setUpdates({});
  }
  useServerEvent('camera.health', (event) => {
    const parsed = healthUpdateFrom(event);
    if (!parsed) return;
    setUpdates((all) => ({
      ...all,
      [parsed.cameraId]: mergeHealth(all[parsed.cameraId], parsed.update),
    }));
  });
  return { updates, opens };
}
