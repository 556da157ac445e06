// The MSE player's life in React: made once the <video> exists and the viewer may watch
// (with a reason when one is needed), destroyed on unmount or when the camera changes.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { MsePlayer, type PlayerSnapshot } from './MsePlayer';

const initial: PlayerSnapshot = { status: 'idle', wallMs: null, rate: 1, error: null };

export function usePlayer(
  videoRef: RefObject<HTMLVideoElement | null>,
  cameraId: string,
  access: { ready: boolean; reason: string | null },
  startMs: number | null,
): { snapshot: PlayerSnapshot; player: MsePlayer | null } {
  const [snapshot, setSnapshot] = useState<PlayerSnapshot>(initial);
  const [player, setPlayer] = useState<MsePlayer | null>(null);
  const startRef = useRef(startMs);
  useEffect(() => {
    startRef.current = startMs;
  });

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !access.ready) return;
    const created = new MsePlayer(video, {
      cameraId,
      reason: access.reason,
      onChange: setSnapshot,
    });
    setPlayer(created);
    if (startRef.current !== null) void created.seek(startRef.current);
    return () => {
      created.destroy();
      setPlayer(null);
    };
  }, [videoRef, cameraId, access.ready, access.reason]);

  return { snapshot, player };
}
