import { useEffect, useRef, useState } from 'react';
import { cameras as cameraApi, jurisdictions } from '../../api/endpoints';
import type { MapCamera, Unit } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useClientConfig } from '../../hooks/clientConfig';
import { useMe } from '../../hooks/session';
import { useResource } from '../../hooks/useResource';
import { useT } from '../../i18n/i18n';
import L from '../../map/leaflet';
import { cameraColour } from '../../map/style';
import { useLeafletMap, useTileLayer, type MapView } from '../../map/useLeafletMap';
import { useMapViewport } from '../../map/useMapViewport';
import { savedMapView } from '../CameraMapView';
import type { Tiles } from './wallLayout';

interface WallMapPickerProps {
  tiles: Tiles;
  onPick: (cameraId: string) => void;
}

const countryView: MapView = { center: [16.2, 106.3], zoom: 6 };
const zoomByLevel: Record<Unit['level'], number> = {
  province: 11,
  district: 13,
  commune: 15,
  residential_group: 17,
};

/** Opens where the main map was last left, else on the user's own unit. */
export function WallMapPicker(props: WallMapPickerProps) {
  const t = useT();
  const me = useMe();
  const [saved] = useState(savedMapView);
  const home = useResource(
    () => jurisdictions.get(me.jurisdictionId ?? ''),
    !saved && me.jurisdictionId ? `home:${me.jurisdictionId}` : null,
  );
  if (!saved && home.loading) return <p className="muted">{t('common.loading')}</p>;
  const unit = home.data;
  const view =
    saved ??
    (unit && unit.latitude !== null && unit.longitude !== null
      ? {
          center: [unit.latitude, unit.longitude] as [number, number],
          zoom: zoomByLevel[unit.level],
        }
      : countryView);
  return <CameraMarkers {...props} initialView={view} />;
}

/** Every camera in view as a dot; a click puts it in the selected tile. */
function CameraMarkers({
  tiles,
  onPick,
  initialView,
}: WallMapPickerProps & { initialView: MapView }) {
  const t = useT();
  const { tileUrl } = useClientConfig();
  const [attach, map] = useLeafletMap(initialView);
  const tilesUnavailable = useTileLayer(map, tileUrl);
  const { settled } = useMapViewport(map);
  const bboxKey = settled ? settled.bbox.join(',') : null;
  const found = useResource(
    () => cameraApi.map(settled?.bbox ?? [0, 0, 0, 0], {}),
    bboxKey === null ? null : `wall-map:${bboxKey}`,
  );
  const onPickRef = useRef(onPick);
  useEffect(() => {
    onPickRef.current = onPick;
  });
  const tilesKey = tiles.join(',');

  useEffect(() => {
    if (!map || !found.data) return;
    const onWall = new Set(tilesKey.split(','));
    const group = L.featureGroup();
    for (const camera of found.data.items) {
      if (camera.status === 'decommissioned') continue;
      group.addLayer(markerFor(camera, onWall.has(camera.id), () => onPickRef.current(camera.id)));
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, found.data, tilesKey]);

  return (
    <div className="wall-map">
      <div
        ref={attach}
        className="map-canvas wall-map-canvas"
        data-testid="wall-map"
        data-loaded={found.data ? 'true' : 'false'}
        aria-label={t('wall.picker.map')}
      />
      <p className="muted" role="status">
        {t('wall.picker.mapHelp')}
        {found.data?.truncated ? ` ${t('wall.picker.zoomIn')}` : ''}
        {tilesUnavailable ? ` ${t('map.tilesUnavailable')}` : ''}
      </p>
      <ErrorMessage error={found.error} />
    </div>
  );
}

function markerFor(camera: MapCamera, onWall: boolean, pick: () => void): L.CircleMarker {
  const marker = L.circleMarker([camera.latitude, camera.longitude], {
    radius: onWall ? 9 : 7,
    color: onWall ? '#082a4a' : '#ffffff',
    weight: onWall ? 3 : 2,
    fillColor: cameraColour(camera.ownerKind, camera.status),
    fillOpacity: 0.95,
    className: `wall-map-camera${onWall ? ' wall-map-camera--on-wall' : ''}`,
  });
  marker.bindTooltip(`${camera.name} (${camera.code})`);
  // Leaflet draws a bare SVG path; the id lets tests and assistive tools tell markers apart.
  marker.on('add', () => marker.getElement()?.setAttribute('data-camera-id', camera.id));
  marker.on('click', pick);
  return marker;
}
