import { useEffect } from 'react';
import { cameras as cameraApi, jurisdictions } from '../api/endpoints';
import { useResource } from '../hooks/useResource';
import { wedgeLayerFor } from './cameraLayers';
import L from './leaflet';
import { outlineLayer } from './outlines';
import { useMapViewport } from './useMapViewport';

/**
 * Unit outlines and the cameras already registered nearby, drawn faintly and without
 * interaction, so someone placing a camera sees what the area already covers (and where
 * they are, even when no map tiles load).
 */
export function useAreaContext(map: L.Map | null, excludeCameraId?: string): void {
  const { settled } = useMapViewport(map);
  const key = settled ? settled.bbox.join(',') : null;
  const bbox = settled?.bbox ?? [0, 0, 0, 0];
  const outlines = useResource(() => jurisdictions.outlines(bbox), key);
  const nearby = useResource(() => cameraApi.map(bbox, {}), key);

  useEffect(() => {
    if (!map || !outlines.data) return;
    const layer = outlineLayer(outlines.data).addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, outlines.data]);

  useEffect(() => {
    if (!map || !nearby.data) return;
    const group = L.layerGroup();
    for (const camera of nearby.data.items) {
      if (camera.id === excludeCameraId || camera.status === 'decommissioned') continue;
      const layer = wedgeLayerFor(camera);
      layer.setStyle({ opacity: 0.45, fillOpacity: 0.08, weight: 1 });
      layer.options.interactive = false;
      group.addLayer(layer);
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, nearby.data, excludeCameraId]);
}
