import { useEffect, useMemo } from 'react';
import { cameras as cameraApi, jurisdictions, type CameraFilters } from '../api/endpoints';
import type { MapCamera } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { Legend } from '../components/Legend';
import { useClientConfig } from '../hooks/clientConfig';
import { useResource } from '../hooks/useResource';
import { useT } from '../i18n/i18n';
import { clusterLayer, wedgeLayer, wedgeMinZoom } from '../map/cameraLayers';
import L from '../map/leaflet';
import { outlineLayer } from '../map/outlines';
import { useLeafletMap, useTileLayer, type MapView } from '../map/useLeafletMap';
import { useMapViewport } from '../map/useMapViewport';

const viewStorageKey = 'matthan.mapView';

/** The last map view in this tab, so coming back from a camera page returns to the same place. */
export function savedMapView(): MapView | null {
  try {
    const raw = window.sessionStorage.getItem(viewStorageKey);
    if (!raw) return null;
    const view = JSON.parse(raw) as Partial<MapView>;
    if (!Array.isArray(view.center) || typeof view.zoom !== 'number') return null;
    const [lat, lng] = view.center;
    return typeof lat === 'number' && typeof lng === 'number'
      ? { center: [lat, lng], zoom: view.zoom }
      : null;
  } catch {
    // A damaged or unavailable store only costs the remembered position.
    return null;
  }
}

function saveMapView(map: L.Map): void {
  const center = map.getCenter();
  const view: MapView = { center: [center.lat, center.lng], zoom: map.getZoom() };
  try {
    window.sessionStorage.setItem(viewStorageKey, JSON.stringify(view));
  } catch {
    document.documentElement.dataset.mapViewNotSaved = 'true';
  }
}

/** Decommissioned cameras are noise on the map unless someone asks for them by status. */
function visibleCameras(items: MapCamera[], filters: CameraFilters): MapCamera[] {
  return filters.status === 'decommissioned'
    ? items
    : items.filter((c) => c.status !== 'decommissioned');
}

export function CameraMapView({
  initialView,
  filters,
}: {
  initialView: MapView;
  filters: CameraFilters;
}) {
  const t = useT();
  const { tileUrl } = useClientConfig();
  const [attach, map] = useLeafletMap(initialView);
  const tilesUnavailable = useTileLayer(map, tileUrl);
  const { live: viewport, settled } = useMapViewport(map);

  useEffect(() => {
    if (!map) return;
    const save = () => saveMapView(map);
    map.on('moveend', save);
    return () => {
      map.off('moveend', save);
    };
  }, [map]);

  const filterKey = JSON.stringify(filters);
  const bboxKey = settled ? settled.bbox.join(',') : null;
  const cameras = useResource(
    () => cameraApi.map(settled?.bbox ?? [0, 0, 0, 0], filters),
    bboxKey === null ? null : `${bboxKey}|${filterKey}`,
  );
  const outlines = useResource(
    () => jurisdictions.outlines(settled?.bbox ?? [0, 0, 0, 0]),
    bboxKey,
  );

  useEffect(() => {
    if (!map || !outlines.data) return;
    const layer = outlineLayer(outlines.data).addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, outlines.data]);

  const shown = useMemo(
    () => visibleCameras(cameras.data?.items ?? [], filters),
    [cameras.data, filters],
  );
  const showWedges = (viewport?.zoom ?? 0) >= wedgeMinZoom;
  useEffect(() => {
    if (!map) return;
    const layer = showWedges ? wedgeLayer(shown, t) : clusterLayer(shown, t);
    layer.addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, shown, showWedges, t]);

  return (
    <div className="camera-map">
      <div
        ref={attach}
        className="map-canvas"
        data-testid="camera-map"
        data-mode={showWedges ? 'wedges' : 'clusters'}
        data-loaded={cameras.data && !cameras.loading ? 'true' : 'false'}
      />
      <div className="map-overlay map-overlay--top">
        <span className="map-count" data-testid="map-count" data-count={shown.length}>
          {cameras.loading && !cameras.data
            ? t('map.loading')
            : t('map.count', { count: shown.length })}
        </span>
        {!showWedges && shown.length > 0 ? (
          <span className="map-note">{t('map.zoomForWedges')}</span>
        ) : null}
        {cameras.data?.truncated ? <span className="map-note">{t('map.truncated')}</span> : null}
        {tilesUnavailable ? (
          <span className="map-note" data-testid="tiles-unavailable">
            {t('map.tilesUnavailable')}
          </span>
        ) : null}
        <ErrorMessage error={cameras.error} />
      </div>
      <div className="map-overlay map-overlay--legend">
        <Legend />
      </div>
    </div>
  );
}
