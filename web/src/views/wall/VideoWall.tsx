import type { CSSProperties } from 'react';
import { useRecordingHealth } from '../../hooks/useRecordingHealth';
import { useResource } from '../../hooks/useResource';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/i18n';
import '../../styles/wall.css';
import { CameraPicker } from './CameraPicker';
import { useWall } from './useWall';
import { wallApi } from './wallApi';
import { columnsFor, tileStatus } from './wallLayout';
import { WallTile } from './WallTile';
import { WallToolbar } from './WallToolbar';

/** 1, 4, 9 or 16 live tiles, the cameras to fill them from, and the user's saved layouts. */
export function VideoWall() {
  const t = useT();
  const wall = useWall();
  const { draft, selected } = wall;
  const health = useRecordingHealth();

  const ids = [...new Set(draft.tiles.filter((id): id is string => id !== null))].sort();
  const idsKey = ids.join(',');
  const described = useResource(
    () => wallApi.cameras(idsKey.split(',')),
    idsKey ? `wall-cameras:${idsKey}` : null,
  );
  const byId = new Map((described.data?.items ?? []).map((camera) => [camera.id, camera]));
  // A camera missing from a fresh answer is one this user may no longer read.
  const camerasLoaded = !described.loading && described.data !== undefined;

  return (
    <div className="page wall-page">
      <div className="wall-header">
        <h1>{t('wall.title')}</h1>
        <p className="muted">{t('wall.intro')}</p>
      </div>
      <WallToolbar wall={wall} />
      <ErrorMessage error={wall.loadError ?? wall.error ?? described.error} />
      <div className="wall-body">
        <div
          className={`wall-grid wall-grid--${draft.size}`}
          style={{ '--wall-columns': columnsFor(draft.size) } as CSSProperties}
          data-testid="wall-grid"
          data-size={draft.size}
        >
          {draft.tiles.map((cameraId, index) => {
            const camera = cameraId ? byId.get(cameraId) : undefined;
            return (
              <WallTile
                // Position and camera: moving a camera to another tile starts a fresh player.
                key={`${index}:${cameraId ?? ''}`}
                index={index}
                cameraId={cameraId}
                camera={camera}
                status={tileStatus(
                  cameraId,
                  camera,
                  camerasLoaded,
                  cameraId ? health?.[cameraId]?.state : undefined,
                )}
                selected={index === selected}
                onSelect={() => wall.setSelected(index)}
                onClear={() => wall.clear(index)}
              />
            );
          })}
        </div>
        <CameraPicker tiles={draft.tiles} selected={selected} onPick={wall.place} />
      </div>
    </div>
  );
}
