import { useState } from 'react';
import { cameras } from '../../api/endpoints';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useDebounced, useResource } from '../../hooks/useResource';
import { useT } from '../../i18n/i18n';
import type { Tiles } from './wallLayout';
import { WallMapPicker } from './WallMapPicker';

interface CameraPickerProps {
  tiles: Tiles;
  selected: number;
  onPick: (cameraId: string) => void;
}

const pageSize = 30;

/** Where the next camera comes from: a searchable list, or the cameras on a map. */
export function CameraPicker({ tiles, selected, onPick }: CameraPickerProps) {
  const t = useT();
  const [tab, setTab] = useState<'list' | 'map'>('list');
  const number = selected + 1;

  return (
    <aside className="wall-picker" aria-labelledby="wall-picker-title">
      <h2 id="wall-picker-title">{t('wall.picker.title', { n: number })}</h2>
      <div className="wall-picker-tabs" role="tablist">
        {(['list', 'map'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`wall-picker-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`wall-picker-${name}`}
            className={tab === name ? 'primary' : 'secondary'}
            onClick={() => setTab(name)}
          >
            {t(name === 'list' ? 'wall.picker.list' : 'wall.picker.map')}
          </button>
        ))}
      </div>
      <div
        id={`wall-picker-${tab}`}
        role="tabpanel"
        aria-labelledby={`wall-picker-tab-${tab}`}
        className="wall-picker-panel"
      >
        {tab === 'list' ? (
          <CameraSearch tiles={tiles} selected={selected} onPick={onPick} />
        ) : (
          <WallMapPicker tiles={tiles} onPick={onPick} />
        )}
      </div>
    </aside>
  );
}

function CameraSearch({ tiles, selected, onPick }: CameraPickerProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 250);
  const found = useResource(() => cameras.list({ q, limit: pageSize, offset: 0 }), `wall-q:${q}`);
  const items = found.data?.items ?? [];

  return (
    <div className="wall-search">
      <input
        type="search"
        id="wall-camera-search"
        aria-label={t('wall.picker.search')}
        placeholder={t('wall.picker.search')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <ErrorMessage error={found.error} />
      {found.data && items.length === 0 ? <p className="muted">{t('wall.picker.none')}</p> : null}
      <ul
        className="wall-search-results"
        data-testid="wall-camera-results"
        aria-busy={found.loading}
      >
        {items.map((camera) => {
          const onTile = tiles.indexOf(camera.id);
          return (
            <li key={camera.id}>
              <button
                type="button"
                data-camera-id={camera.id}
                data-camera-code={camera.code}
                aria-label={`${t('wall.picker.put', { n: selected + 1 })}: ${camera.name}`}
                onClick={() => onPick(camera.id)}
              >
                <span className="wall-search-name">{camera.name}</span>
                <small className="muted">
                  <code>{camera.code}</code> · {t(`status.${camera.status}`)}
                  {onTile >= 0 ? ` · ${t('wall.picker.onTile', { n: onTile + 1 })}` : ''}
                </small>
              </button>
            </li>
          );
        })}
      </ul>
      {found.data && found.data.total > items.length ? (
        <p className="muted">{t('wall.picker.more')}</p>
      ) : null}
    </div>
  );
}
