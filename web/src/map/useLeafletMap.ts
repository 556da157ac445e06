import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import L from './leaflet';

export interface MapView {
  center: [number, number];
  zoom: number;
}

/**
 * Creates a Leaflet map on the element the returned ref is attached to, and removes it when
 * the element goes. The map is state, so effects that draw on it run once it exists.
 */
export function useLeafletMap(
  initial: MapView,
): [(node: HTMLDivElement | null) => void, L.Map | null] {
  const [map, setMap] = useState<L.Map | null>(null);
  const [start] = useState(initial);
  const attach = useCallback(
    (node: HTMLDivElement | null) => {
      if (!node) return;
      // Zoom limits on the map itself: the cluster layer needs them even with no tile layer.
      const created = L.map(node, {
        center: start.center,
        zoom: start.zoom,
        minZoom: 3,
        maxZoom: 19,
      });
      created.attributionControl.setPrefix(false);
      // Unit outlines sit under every camera layer and never take their clicks.
      created.createPane('outlines').style.zIndex = '350';
      // An animated zoom finishes on a timer that touches the map's panes; removing the map
      // under it throws, so a map that is mid-zoom is removed once the zoom ends.
      let zooming = false;
      created.on('zoomanim', () => {
        zooming = true;
      });
      created.on('zoomend', () => {
        zooming = false;
      });
      setMap(created);
      return () => {
        if (zooming) created.once('zoomend', () => created.remove());
        else created.remove();
        setMap(null);
      };
    },
    [start],
  );
  return [attach, map];
}

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** Whether the browser believes it has a network connection. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

/**
 * Adds the configured tile layer and says whether tiles are unavailable. Tiles that cannot
 * load (no network, a wrong URL) leave a plain background: after a few failures with none
 * loaded the layer is taken off the map, so cameras and outlines stay readable and nothing
 * keeps retrying.
 */
export function useTileLayer(map: L.Map | null, tileUrl: string): boolean {
  const online = useOnline();
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!map || !tileUrl || !online) return;
    let loaded = 0;
    let failed = 0;
    const layer = L.tileLayer(tileUrl, { maxZoom: 19, attribution: '&copy; OpenStreetMap' });
    layer.on('tileload', () => {
      loaded++;
    });
    layer.on('tileerror', () => {
      failed++;
      if (loaded === 0 && failed >= 4 && map.hasLayer(layer)) {
        map.removeLayer(layer);
        setFailedUrl(tileUrl);
      }
    });
    layer.addTo(map);
    return () => {
      layer.off();
      if (map.hasLayer(layer)) map.removeLayer(layer);
    };
  }, [map, tileUrl, online]);
  return tileUrl !== '' && (!online || failedUrl === tileUrl);
}
