import { useEffect } from 'react';
import type { MapCamera } from '../api/types';
import { useClientConfig } from '../hooks/clientConfig';
import { useT } from '../i18n/i18n';
import { wedgeLayerFor } from '../map/cameraLayers';
import { useLeafletMap, useTileLayer } from '../map/useLeafletMap';

/** One camera's position and view cone, for its detail page. */
export function CameraMiniMap({ camera }: { camera: MapCamera }) {
  const t = useT();
  const { tileUrl } = useClientConfig();
  const [attach, map] = useLeafletMap({ center: [camera.latitude, camera.longitude], zoom: 17 });
  const tilesUnavailable = useTileLayer(map, tileUrl);
  useEffect(() => {
    if (!map) return;
    const layer = wedgeLayerFor(camera).addTo(map);
    map.fitBounds(layer.getBounds(), { maxZoom: 18, padding: [20, 20], animate: false });
    return () => {
      layer.remove();
    };
  }, [map, camera]);
  return (
    <div className="mini-map">
      <div ref={attach} className="map-canvas" aria-label={t('camera.position')} />
      {tilesUnavailable ? <span className="map-note">{t('map.tilesUnavailable')}</span> : null}
    </div>
  );
}
