import type { LiveStream } from './live-viewer';

/** The registry columns that decide where a live stream comes from. */
export interface StreamFacts {
  id: string;
  main_stream_enc: string | null;
  sub_stream_enc: string | null;
}

export type StreamPlan =
  | { stream: LiveStream; source: 'recorder' }
  | { stream: LiveStream; source: 'ondemand'; sealedUrl: string };

/**
 * Where a viewer's stream comes from. The sub stream needs its own connection (one ffmpeg for
 * all its viewers); a camera without one falls back to the main stream. The main stream comes
 * from the recorder's pipe when this process records the camera (no second RTSP connection),
 * else from one on-demand connection. Null: the camera has no stream at all.
 */
export function planStream(
  camera: StreamFacts,
  requested: LiveStream,
  recorded: boolean,
): StreamPlan | null {
  if (requested === 'sub' && camera.sub_stream_enc !== null) {
    return { stream: 'sub', source: 'ondemand', sealedUrl: camera.sub_stream_enc };
  }
  if (recorded) return { stream: 'main', source: 'recorder' };
  if (camera.main_stream_enc !== null) {
    return { stream: 'main', source: 'ondemand', sealedUrl: camera.main_stream_enc };
  }
  return null;
}

/** The channel of one camera stream: all its viewers share it. */
export const channelKey = (cameraId: string, stream: LiveStream) => `${cameraId}:${stream}`;
