import { useEffect, useRef } from 'react';
import type { FoundCamera } from '../../api/incidents';
import { useClientConfig } from '../../hooks/clientConfig';
import { useT } from '../../i18n/i18n';
import { isPanoramic, wedgePolygon } from '../../map/geometry';
import L from '../../map/leaflet';
import { useAreaContext } from '../../map/useAreaContext';
import { useLeafletMap, useTileLayer } from '../../map/useLeafletMap';
import { wedgeLook } from './incidentRules';

export interface IncidentPoint {
  latitude: number;
  longitude: number;
}

interface FinderMapProps {
  point: IncidentPoint | null;
  /** Given when the point may be placed (click) and moved (drag). */
  onPoint?: (point: IncidentPoint) => void;
  radiusM: number;
  found: FoundCamera[];
  fallbackCenter: [number, number];
  testId: string;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** The popup names the camera and its distance, built from DOM nodes (names come from users). */
function popupFor(found: FoundCamera): HTMLElement {
  const root = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = found.camera.name;
  const code = document.createElement('div');
  code.textContent = `${found.camera.code} · ${Math.round(found.distanceM)} m`;
  root.append(title, code);
  return root;
}

/**
 * The incident point, the search radius and every candidate camera's view, coloured by how its
 * footage can be had. On the new-incident form a click places the point and a drag moves it.
 */
export function FinderMap(props: FinderMapProps) {
  const { point, onPoint, radiusM, found, fallbackCenter, testId } = props;
  const t = useT();
  const { tileUrl } = useClientConfig();
  const [attach, map] = useLeafletMap({
    center: point ? [point.latitude, point.longitude] : fallbackCenter,
    zoom: point ? 18 : 16,
  });
  const tilesUnavailable = useTileLayer(map, tileUrl);
  // Unit outlines and registered cameras, faintly, so an officer finds the street to click on
  // even where no map tiles load.
  useAreaContext(map);
  const onPointRef = useRef(onPoint);
  useEffect(() => {
    onPointRef.current = onPoint;
  });
  const editable = onPoint !== undefined;

  useEffect(() => {
    if (!map || !editable) return;
    const onClick = (event: L.LeafletMouseEvent) =>
      onPointRef.current?.({
        latitude: round6(event.latlng.lat),
        longitude: round6(event.latlng.lng),
      });
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
    };
  }, [map, editable]);

  const latitude = point?.latitude;
  const longitude = point?.longitude;
  useEffect(() => {
    if (!map || latitude === undefined || longitude === undefined) return;
    const marker = L.marker([latitude, longitude], {
      draggable: editable,
      keyboard: false,
      icon: L.divIcon({ className: 'incident-point', iconSize: [20, 20] }),
      title: t('incidents.point'),
    });
    marker.on('dragend', () => {
      const at = marker.getLatLng();
      onPointRef.current?.({ latitude: round6(at.lat), longitude: round6(at.lng) });
    });
    const circle = L.circle([latitude, longitude], {
      radius: radiusM,
      color: '#0d3b66',
      weight: 1.5,
      dashArray: '4 4',
      fill: false,
      interactive: false,
      className: 'finder-radius',
    });
    circle.addTo(map);
    marker.addTo(map);
    return () => {
      marker.remove();
      circle.remove();
    };
  }, [map, latitude, longitude, radiusM, editable, t]);

  useEffect(() => {
    if (!map) return;
    const group = L.featureGroup();
    for (const item of found) {
      const look = {
        ...wedgeLook(item),
        className: `finder-wedge finder-wedge--${item.availability}`,
      };
      const { camera } = item;
      const layer = isPanoramic(camera)
        ? L.circle([camera.latitude, camera.longitude], { ...look, radius: camera.rangeM })
        : L.polygon(wedgePolygon(camera), look);
      layer.bindPopup(() => popupFor(item));
      group.addLayer(layer);
      group.addLayer(
        L.circleMarker([camera.latitude, camera.longitude], {
          radius: 3,
          color: look.color,
          weight: 1,
          fillOpacity: 1,
          className: 'finder-camera',
        }).bindPopup(() => popupFor(item)),
      );
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, found]);

  // On the case page the map frames the whole search circle, whatever the screen's size.
  useEffect(() => {
    if (!map || latitude === undefined || longitude === undefined || editable) return;
    const bounds = L.latLng(latitude, longitude).toBounds(radiusM * 2);
    map.fitBounds(bounds, { padding: [12, 12], maxZoom: 18, animate: false });
  }, [map, latitude, longitude, radiusM, editable]);

  return (
    <div className="finder-map">
      <div
        ref={attach}
        className="map-canvas"
        data-testid={testId}
        data-point={point ? `${point.latitude},${point.longitude}` : ''}
        aria-label={t('incidents.mapLabel')}
      />
      <p className="picker-help" role="status">
        {editable && !point ? t('incidents.clickToPlace') : null}
        {point
          ? t(editable ? 'incidents.pointAt' : 'incidents.pointAtFixed', {
              lat: point.latitude.toFixed(6),
              lng: point.longitude.toFixed(6),
            })
          : null}
        {tilesUnavailable ? ` ${t('map.tilesUnavailable')}` : ''}
      </p>
    </div>
  );
}
