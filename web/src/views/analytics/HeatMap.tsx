import { useEffect } from 'react';
import { useClientConfig } from '../../hooks/clientConfig';
import { formatNumber } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import L from '../../map/leaflet';
import { useLeafletMap, useTileLayer } from '../../map/useLeafletMap';
import { heatRadius } from './analyticsRules';

interface HeatCell {
  lat: number;
  lng: number;
  n: number;
}

/** Where cases happened: a circle per place (or small grid cell), its size by the count. */
export function HeatMap({ cells }: { cells: HeatCell[] }) {
  const t = useT();
  const { language } = useLanguage();
  const { tileUrl } = useClientConfig();
  const first = cells[0];
  const [attach, map] = useLeafletMap({
    center: first ? [first.lat, first.lng] : [21.03, 105.85],
    zoom: 14,
  });
  const tilesUnavailable = useTileLayer(map, tileUrl);

  useEffect(() => {
    if (!map) return;
    const max = Math.max(0, ...cells.map((cell) => cell.n));
    const group = L.featureGroup();
    for (const cell of cells) {
      const circle = L.circleMarker([cell.lat, cell.lng], {
        radius: heatRadius(cell.n, max),
        color: '#b3261e',
        weight: 1,
        fillColor: '#e4572e',
        fillOpacity: 0.45,
        className: 'heat-circle',
      });
      circle.bindTooltip(t('analytics.incidents.heatCount', { n: formatNumber(cell.n, language) }));
      group.addLayer(circle);
    }
    group.addTo(map);
    const bounds = group.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 17, animate: false });
    return () => {
      group.remove();
    };
  }, [map, cells, t, language]);

  return (
    <div className="heat-map">
      <div
        ref={attach}
        className="map-canvas"
        data-testid="heat-map"
        data-cells={cells.length}
        aria-label={t('analytics.incidents.heat')}
      />
      {tilesUnavailable ? <p className="muted">{t('map.tilesUnavailable')}</p> : null}
    </div>
  );
}
