import { useRef, useState } from 'react';
import type { PointerEvent } from 'react';
import { navigate } from '../../hooks/router';
import { useT } from '../../i18n/i18n';
import { LivePlayer } from '../live/LivePlayer';
import type { TileStatus, WallCamera } from './wallLayout';

interface WallTileProps {
  index: number;
  cameraId: string | null;
  camera: WallCamera | undefined;
  status: TileStatus;
  selected: boolean;
  onSelect: () => void;
  onClear: () => void;
}

/** Two taps or clicks this close together open the camera; phones send no reliable dblclick. */
const doubleTapMs = 400;

/**
 * One tile: the camera's name over its live sub stream, or a plain sentence saying why there
 * is no video (offline, not shared, gone) rather than a black box.
 */
export function WallTile({
  index,
  cameraId,
  camera,
  status,
  selected,
  onSelect,
  onClear,
}: WallTileProps) {
  const t = useT();
  const lastTap = useRef(0);
  const [playerState, setPlayerState] = useState<string | null>(null);
  const cameraUrl = cameraId ? `/cameras/${encodeURIComponent(cameraId)}` : null;
  const number = index + 1;

  const onPointerUp = (event: PointerEvent<HTMLElement>) => {
    // Controls inside the tile keep their own meaning.
    if ((event.target as HTMLElement).closest('button, a')) return;
    onSelect();
    const now = event.timeStamp;
    if (cameraUrl && now - lastTap.current < doubleTapMs) {
      lastTap.current = 0;
      navigate(cameraUrl);
    } else lastTap.current = now;
  };

  return (
    <section
      className={`wall-tile wall-tile--${status}${selected ? ' wall-tile--selected' : ''}`}
      data-testid="wall-tile"
      data-index={index}
      data-status={status}
      data-camera-id={cameraId ?? ''}
      data-player-state={playerState ?? ''}
      aria-label={
        camera ? `${t('wall.tile', { n: number })}: ${camera.name}` : t('wall.tile', { n: number })
      }
      onPointerUp={onPointerUp}
    >
      <header className="wall-tile-bar">
        <button
          type="button"
          className="wall-tile-select"
          aria-pressed={selected}
          aria-label={t('wall.selectTile', { n: number })}
          onClick={onSelect}
        >
          {number}
        </button>
        <span className="wall-tile-name" title={camera?.name}>
          {camera?.name ?? ''}
        </span>
        {cameraUrl ? (
          <a className="wall-tile-open" href={cameraUrl} aria-label={t('wall.openCamera')}>
            ↗
          </a>
        ) : null}
        {cameraId ? (
          <button
            type="button"
            className="wall-tile-clear"
            aria-label={t('wall.clear')}
            onClick={onClear}
          >
            ×
          </button>
        ) : null}
      </header>
      <div className="wall-tile-body">
        {status === 'play' && cameraId ? (
          <LivePlayer key={cameraId} cameraId={cameraId} stream="sub" onState={setPlayerState} />
        ) : (
          <p className="wall-tile-status" role="status" data-testid="wall-tile-status">
            {statusText(status, camera, t)}
          </p>
        )}
      </div>
    </section>
  );
}

function statusText(
  status: TileStatus,
  camera: WallCamera | undefined,
  t: ReturnType<typeof useT>,
): string {
  switch (status) {
    case 'empty':
    case 'play':
      return t('wall.emptyTile');
    case 'loading':
      return t('wall.status.loading');
    case 'unavailable':
      return t('wall.status.unavailable');
    case 'denied':
      // The server's own words follow: they say which rule applies (tier, area, role).
      return camera?.liveMessage
        ? `${t('wall.status.denied')} (${camera.liveMessage})`
        : t('wall.status.denied');
    case 'decommissioned':
      return t('wall.status.decommissioned');
    case 'offline':
      return t('wall.status.offline');
    case 'auth_failed':
      return t('wall.status.auth_failed');
    case 'error':
      return t('wall.status.error');
  }
}
