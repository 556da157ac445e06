import { useEffect, useRef } from 'react';
import { useClientConfig } from '../hooks/clientConfig';
import { useT } from '../i18n/i18n';
import { bearingBetween, distanceBetween, offsetPoint, wedgePolygon } from '../map/geometry';
import L from '../map/leaflet';
import { useAreaContext } from '../map/useAreaContext';
import { useLeafletMap, useTileLayer } from '../map/useLeafletMap';

export interface PickedView {
  latitude: number | null;
  longitude: number | null;
  heading: number;
  fov: number;
  rangeM: number;
}

interface MapPickerProps {
  value: PickedView;
  onChange: (change: Partial<PickedView>) => void;
  /** Where the map opens when no position is set yet (the user's unit). */
  fallbackCenter: [number, number];
  errors: Partial<Record<keyof PickedView, string>>;
  /** The camera being edited, left out of the nearby cameras drawn for context. */
  cameraId?: string;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
const clampRange = (metres: number) => Math.min(1000, Math.max(1, Math.round(metres)));

interface PickerLayers {
  wedge: L.Polygon;
  position: L.Marker;
  handle: L.Marker;
  /** True while the handle is dragged, so redraws do not fight the pointer. */
  dragging: boolean;
  dispose: () => void;
}

function createLayers(map: L.Map, onChange: (change: Partial<PickedView>) => void): PickerLayers {
  const wedge = L.polygon([], {
    color: '#1565c0',
    weight: 2,
    fillOpacity: 0.25,
    className: 'picker-wedge',
  });
  const position = L.marker([0, 0], {
    draggable: true,
    icon: L.divIcon({ className: 'picker-position', iconSize: [18, 18] }),
    keyboard: false,
  });
  const handle = L.marker([0, 0], {
    draggable: true,
    icon: L.divIcon({ className: 'picker-handle', iconSize: [22, 22] }),
    keyboard: false,
  });
  const onMapClick = (event: L.LeafletMouseEvent) => {
    onChange({ latitude: round6(event.latlng.lat), longitude: round6(event.latlng.lng) });
  };
  map.on('click', onMapClick);
  const layers: PickerLayers = {
    wedge,
    position,
    handle,
    dragging: false,
    dispose: () => {
      map.off('click', onMapClick);
      for (const layer of [wedge, position, handle]) layer.remove();
    },
  };
  position.on('dragend', () => {
    const at = position.getLatLng();
    onChange({ latitude: round6(at.lat), longitude: round6(at.lng) });
  });
  handle.on('dragstart', () => {
    layers.dragging = true;
  });
  handle.on('drag', () => {
    const from = position.getLatLng();
    const to = handle.getLatLng();
    onChange({
      heading: bearingBetween([from.lat, from.lng], [to.lat, to.lng]),
      rangeM: clampRange(distanceBetween([from.lat, from.lng], [to.lat, to.lng])),
    });
  });
  handle.on('dragend', () => {
    layers.dragging = false;
  });
  return layers;
}

/**
 * Position and view cone on a map: click to place the camera, drag the round handle to aim
 * it (direction and range), or use the sliders; the wedge follows every change.
 */
export function MapPicker({ value, onChange, fallbackCenter, errors, cameraId }: MapPickerProps) {
  const t = useT();
  const { tileUrl } = useClientConfig();
  const hasPosition = value.latitude !== null && value.longitude !== null;
  const [attach, map] = useLeafletMap({
    center: hasPosition ? [value.latitude ?? 0, value.longitude ?? 0] : fallbackCenter,
    zoom: 17,
  });
  const tilesUnavailable = useTileLayer(map, tileUrl);
  useAreaContext(map, cameraId);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const layersRef = useRef<PickerLayers | null>(null);

  useEffect(() => {
    if (!map) return;
    const layers = createLayers(map, (change) => onChangeRef.current(change));
    layersRef.current = layers;
    return () => {
      layers.dispose();
      layersRef.current = null;
    };
  }, [map]);

  const { latitude, longitude, heading, fov, rangeM } = value;
  useEffect(() => {
    const layers = layersRef.current;
    if (!map || !layers) return;
    if (latitude === null || longitude === null) {
      for (const layer of [layers.wedge, layers.position, layers.handle]) layer.remove();
      return;
    }
    layers.wedge.setLatLngs(wedgePolygon({ latitude, longitude, heading, fov, rangeM }));
    layers.position.setLatLng([latitude, longitude]);
    if (!layers.dragging)
      layers.handle.setLatLng(offsetPoint(latitude, longitude, heading, rangeM));
    for (const layer of [layers.wedge, layers.position, layers.handle]) {
      if (!map.hasLayer(layer)) layer.addTo(map);
    }
  }, [map, latitude, longitude, heading, fov, rangeM]);

  const slider = (field: 'heading' | 'fov' | 'rangeM', min: number, max: number, unit: string) => (
    <div className={`picker-slider${errors[field] ? ' field--invalid' : ''}`}>
      <label htmlFor={`camera-${field}`}>
        {t(`camera.${field}`)}:{' '}
        <output htmlFor={`camera-${field}`}>{`${value[field]} ${unit}`}</output>
      </label>
      <input
        id={`camera-${field}`}
        name={field}
        type="range"
        min={min}
        max={max}
        value={value[field]}
        onChange={(event) => onChange({ [field]: Number(event.target.value) })}
      />
      {errors[field] ? (
        <small className="field-error" role="alert" data-field-error={`camera-${field}`}>
          {errors[field]}
        </small>
      ) : null}
    </div>
  );

  return (
    <div className="map-picker">
      <div
        ref={attach}
        className="map-canvas"
        data-testid="map-picker"
        aria-label={t('picker.map')}
      />
      <p className="picker-help" role="status">
        {hasPosition
          ? t('picker.placed', {
              lat: latitude?.toFixed(6) ?? '',
              lng: longitude?.toFixed(6) ?? '',
            })
          : t('picker.clickToPlace')}
        {tilesUnavailable ? ` ${t('map.tilesUnavailable')}` : ''}
      </p>
      {errors.latitude || errors.longitude ? (
        <small className="field-error" role="alert" data-field-error="camera-position">
          {errors.latitude ?? errors.longitude}
        </small>
      ) : null}
      <div className="picker-sliders">
        {slider('heading', 0, 359, '°')}
        {slider('fov', 1, 360, '°')}
        {slider('rangeM', 1, 1000, 'm')}
      </div>
    </div>
  );
}
