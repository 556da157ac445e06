import { useEffect, useState } from 'react';
import type { Bbox } from '../api/endpoints';
import { useDebounced } from '../hooks/useResource';
import type L from './leaflet';

export interface Viewport {
  bbox: Bbox;
  zoom: number;
}

/** Fetches a little beyond the visible area so small pans need no new request. */
function viewportOf(map: L.Map): Viewport {
  const bounds = map.getBounds().pad(0.2);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    bbox: [
      round(bounds.getWest()),
      round(bounds.getSouth()),
      round(bounds.getEast()),
      round(bounds.getNorth()),
    ],
    zoom: map.getZoom(),
  };
}

/**
 * The map's current viewport, and the same once panning has paused for `delayMs`; requests
 * key on the settled one so a drag across town sends one request, not fifty.
 */
export function useMapViewport(
  map: L.Map | null,
  delayMs = 300,
): { live: Viewport | null; settled: Viewport | null } {
  const [live, setLive] = useState<Viewport | null>(null);
  useEffect(() => {
    if (!map) return;
    const update = () => setLive(viewportOf(map));
    map.on('moveend', update);
    map.whenReady(update);
    return () => {
      map.off('moveend', update);
    };
  }, [map]);
  const settled = useDebounced(live, delayMs);
  return { live, settled };
}
