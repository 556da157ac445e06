import { useEffect } from 'react';
import type { Site } from '../../api/planning';
import { useClientConfig } from '../../hooks/clientConfig';
import { navigate } from '../../hooks/router';
import { useT } from '../../i18n/i18n';
import { isPanoramic, wedgePolygon } from '../../map/geometry';
import L from '../../map/leaflet';
import { useAreaContext } from '../../map/useAreaContext';
import { useLeafletMap, useTileLayer } from '../../map/useLeafletMap';

/** Planned sites with their intended view; a click on one opens it. */
export function SitesMap(props: { sites: Site[]; fallbackCenter: [number, number] }) {
  const { sites, fallbackCenter } = props;
  const t = useT();
  const { tileUrl } = useClientConfig();
  const first = sites[0];
  const [attach, map] = useLeafletMap({
    center: first ? [first.latitude, first.longitude] : fallbackCenter,
    zoom: 15,
  });
  const tilesUnavailable = useTileLayer(map, tileUrl);
  useAreaContext(map);

  useEffect(() => {
    if (!map) return;
    const group = L.featureGroup();
    for (const site of sites) {
      const style = { color: '#0d3b66', weight: 1.5, fillOpacity: 0.12, interactive: false };
      group.addLayer(
        isPanoramic(site)
          ? L.circle([site.latitude, site.longitude], { ...style, radius: site.rangeM })
          : L.polygon(wedgePolygon(site), style),
      );
      const marker = L.circleMarker([site.latitude, site.longitude], {
        radius: 7,
        color: '#0d3b66',
        weight: 2,
        fillColor: site.status === 'connected' ? '#1b7a3a' : '#f4d35e',
        fillOpacity: 0.95,
        className: `site-marker site-marker--${site.status}`,
      });
      // Names come from users: the tooltip is set as text, never as HTML.
      const label = document.createElement('span');
      label.textContent = `${site.name} · ${t(`sites.status.${site.status}`)}`;
      marker.bindTooltip(label);
      marker.on('click', () => navigate(`/sites/${encodeURIComponent(site.id)}`));
      group.addLayer(marker);
    }
    group.addTo(map);
    const bounds = group.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 18, animate: false });
    return () => {
      group.remove();
    };
  }, [map, sites, t]);

  return (
    <div className="sites-map">
      <div
        ref={attach}
        className="map-canvas"
        data-testid="sites-map"
        aria-label={t('sites.mapLabel')}
      />
      {tilesUnavailable ? <p className="muted">{t('map.tilesUnavailable')}</p> : null}
    </div>
  );
}
