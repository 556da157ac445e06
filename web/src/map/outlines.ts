// Administrative unit boundaries under the cameras, in their own pane so they never
// catch the clicks meant for a camera.
import type { OutlineCollection } from '../api/types';
import L from './leaflet';

const levelStyle: Record<string, L.PathOptions> = {
  province: { color: '#37474f', weight: 3, fill: false },
  district: { color: '#546e7a', weight: 2, dashArray: '8 6', fill: false },
  commune: { color: '#263238', weight: 2.5, fillColor: '#90a4ae', fillOpacity: 0.06 },
  residential_group: { color: '#607d8b', weight: 1.2, dashArray: '3 4', fill: false },
};

/** Ward and group names are printed on the map; provinces and districts are too large to label. */
const labelledLevels = new Set(['commune', 'residential_group']);

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function outlineLayer(collection: OutlineCollection): L.GeoJSON {
  // Only areas: a unit known by its centre point alone has no outline to draw.
  const areas = collection.features.filter(
    (f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
  );
  return L.geoJSON({ type: 'FeatureCollection', features: areas } as GeoJSON.FeatureCollection, {
    pane: 'outlines',
    interactive: false,
    style: (feature) => {
      const level = text((feature?.properties as Record<string, unknown> | null)?.level);
      return { ...(levelStyle[level] ?? levelStyle.commune), className: 'unit-outline' };
    },
    onEachFeature: (feature, layer) => {
      const properties = feature.properties as Record<string, unknown> | null;
      const level = text(properties?.level);
      if (!labelledLevels.has(level)) return;
      const label = `${text(properties?.kind)} ${text(properties?.name)}`.trim();
      if (label) {
        layer.bindTooltip(label, {
          permanent: true,
          direction: 'center',
          className: `unit-label unit-label--${level}`,
        });
      }
    },
  });
}
