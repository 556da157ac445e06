// Builds the Leaflet layers for cameras: clustered dots when zoomed out, field-of-view
// wedges when close enough for a wedge to mean something.
import type { MapCamera } from '../api/types';
import type { Translate } from '../i18n/i18n';
import { isPanoramic, wedgePolygon } from './geometry';
import L from './leaflet';
import { cameraColour, dotClass, wedgeStyle } from './style';

/** From this zoom on (about 2 m per pixel) a 50 m view cone is big enough to read. */
export const wedgeMinZoom = 15;

function row(parent: HTMLElement, label: string, value: string): void {
  const line = document.createElement('div');
  const term = document.createElement('span');
  term.className = 'popup-label';
  term.textContent = `${label}: `;
  const text = document.createElement('span');
  text.textContent = value;
  line.append(term, text);
  parent.append(line);
}

/** Popup body built from DOM nodes, never HTML strings: names come from users. */
export function cameraPopup(camera: MapCamera, t: Translate): HTMLElement {
  const root = document.createElement('div');
  root.className = 'camera-popup';
  const title = document.createElement('strong');
  title.textContent = camera.name;
  root.append(title);
  row(root, t('camera.code'), camera.code);
  row(root, t('camera.ownerKind'), t(`ownerKind.${camera.ownerKind}`));
  row(root, t('camera.status'), t(`status.${camera.status}`));
  row(root, t('camera.consentTier'), t(`consent.${camera.consentTier}`));
  const link = document.createElement('a');
  link.href = `/cameras/${encodeURIComponent(camera.id)}`;
  link.textContent = t('map.openCamera');
  link.className = 'popup-link';
  root.append(link);
  return root;
}

export function wedgeLayerFor(camera: MapCamera): L.Polygon | L.Circle {
  const style = { ...wedgeStyle(camera.ownerKind, camera.status), className: 'camera-wedge' };
  const center: L.LatLngExpression = [camera.latitude, camera.longitude];
  if (isPanoramic(camera)) return L.circle(center, { ...style, radius: camera.rangeM });
  return L.polygon(wedgePolygon(camera), style);
}

export function wedgeLayer(cameras: MapCamera[], t: Translate): L.FeatureGroup {
  const group = L.featureGroup();
  for (const camera of cameras) {
    const layer = wedgeLayerFor(camera);
    layer.bindPopup(() => cameraPopup(camera, t));
    group.addLayer(layer);
    // The camera itself, so a camera with a tiny range can still be clicked.
    const dot = L.circleMarker([camera.latitude, camera.longitude], {
      radius: 3,
      color: cameraColour(camera.ownerKind, camera.status),
      weight: 1,
      fillOpacity: 1,
      className: 'camera-position',
    });
    dot.bindPopup(() => cameraPopup(camera, t));
    group.addLayer(dot);
  }
  return group;
}

export function clusterLayer(cameras: MapCamera[], t: Translate): L.MarkerClusterGroup {
  const group = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 50,
    chunkedLoading: true,
  });
  const markers = cameras.map((camera) => {
    const icon = L.divIcon({
      className: dotClass(camera.status),
      html: `<span style="--dot:${cameraColour(camera.ownerKind, camera.status)}"></span>`,
      iconSize: [14, 14],
    });
    const marker = L.marker([camera.latitude, camera.longitude], {
      icon,
      title: camera.name,
      keyboard: true,
    });
    marker.bindPopup(() => cameraPopup(camera, t));
    return marker;
  });
  group.addLayers(markers);
  return group;
}
