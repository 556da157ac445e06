import { useEffect, useRef } from 'react';
import type { CoverageMapData, Suggestion } from '../../api/coverage';
import type { Site } from '../../api/planning';
import { useClientConfig } from '../../hooks/clientConfig';
import { useT, type Translate } from '../../i18n/i18n';
import { isPanoramic, wedgePolygon } from '../../map/geometry';
import L from '../../map/leaflet';
import { useAreaContext } from '../../map/useAreaContext';
import { useLeafletMap, useTileLayer, type MapView } from '../../map/useLeafletMap';

/** Points to frame, and a counter so asking for the same stretch twice still moves the map. */
export interface Focus {
  points: [number, number][];
  seq: number;
}

interface CoverageMapProps {
  unitId: string;
  initialView: MapView;
  /** The unit's own centre, for a unit with no streets to frame. */
  center: [number, number] | null;
  lines: CoverageMapData | undefined;
  suggestions: Suggestion[];
  /** Suggestion rank → the planned site it became. */
  accepted: Record<number, Site>;
  sites: Site[];
  focus: Focus | null;
}

const coveredColour = '#1b7a3a';
const uncoveredColour = '#c62828';

/** Popups are built from DOM nodes, never HTML strings: site and street names come from users. */
function sitePopup(site: Site, t: Translate): HTMLElement {
  const root = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = site.name;
  const status = document.createElement('div');
  status.textContent = t(`sites.status.${site.status}`);
  const link = document.createElement('a');
  link.href = `/sites/${encodeURIComponent(site.id)}`;
  link.textContent = t('sites.open');
  link.className = 'popup-link';
  root.append(title, status, link);
  return root;
}

function wedgeOf(cone: Suggestion | Site, className: string): L.Polygon | L.Circle {
  const style = { color: '#0d3b66', weight: 1.5, fillOpacity: 0.15, className };
  if (isPanoramic(cone)) {
    return L.circle([cone.latitude, cone.longitude], { ...style, radius: cone.rangeM });
  }
  return L.polygon(wedgePolygon(cone), style);
}

/**
 * Covered stretches green and uncovered red over the unit's streets, registered cameras faint
 * underneath, planned sites, and the suggested cameras numbered in the order they were chosen.
 */
export function CoverageMap(props: CoverageMapProps) {
  const { unitId, initialView, center, lines, suggestions, accepted, sites, focus } = props;
  const t = useT();
  const { tileUrl } = useClientConfig();
  const [attach, map] = useLeafletMap(initialView);
  const tilesUnavailable = useTileLayer(map, tileUrl);
  useAreaContext(map);
  const framedUnit = useRef<string | null>(null);

  useEffect(() => {
    if (!map || !lines) return;
    const group = L.featureGroup();
    for (const feature of lines.features) {
      const { covered, name } = feature.properties;
      const latLngs = feature.geometry.coordinates.map(([lng, lat]) => L.latLng(lat, lng));
      const line = L.polyline(latLngs, {
        color: covered ? coveredColour : uncoveredColour,
        weight: covered ? 5 : 4,
        opacity: 0.85,
        className: `coverage-line coverage-line--${covered ? 'covered' : 'uncovered'}`,
      });
      if (name) line.bindTooltip(name, { sticky: true });
      group.addLayer(line);
    }
    group.addTo(map);
    // A unit's first drawing frames its streets; a change of mode keeps the reader's view.
    const bounds = group.getBounds();
    if (bounds.isValid() && framedUnit.current !== unitId) {
      framedUnit.current = unitId;
      map.fitBounds(bounds, { padding: [16, 16], maxZoom: 18, animate: false });
    } else if (!bounds.isValid() && center && framedUnit.current !== unitId) {
      framedUnit.current = unitId;
      map.setView(center, 15, { animate: false });
    }
    return () => {
      group.remove();
    };
  }, [map, lines, unitId, center]);

  useEffect(() => {
    if (!map) return;
    const group = L.featureGroup();
    for (const site of sites) {
      const marker = L.circleMarker([site.latitude, site.longitude], {
        radius: 6,
        color: '#0d3b66',
        weight: 2,
        fillColor: site.status === 'connected' ? coveredColour : '#f4d35e',
        fillOpacity: 0.9,
        className: `site-marker site-marker--${site.status}`,
      });
      marker.bindPopup(() => sitePopup(site, t));
      group.addLayer(marker);
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, sites, t]);

  useEffect(() => {
    if (!map) return;
    const group = L.featureGroup();
    for (const item of suggestions) {
      const isAccepted = accepted[item.rank] !== undefined || item.siteId !== null;
      const state = isAccepted ? 'accepted' : 'open';
      group.addLayer(wedgeOf(item, `suggestion-wedge suggestion-wedge--${state}`));
      const icon = L.divIcon({
        className: `suggestion-marker suggestion-marker--${state}`,
        html: `<span>${item.rank}</span>`,
        iconSize: [24, 24],
      });
      group.addLayer(
        L.marker([item.latitude, item.longitude], {
          icon,
          title: `${item.rank}. ${item.streetName}`,
          keyboard: false,
        }),
      );
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, suggestions, accepted]);

  useEffect(() => {
    if (!map || !focus || focus.points.length === 0) return;
    const bounds = L.latLngBounds(focus.points.map(([lat, lng]) => L.latLng(lat, lng)));
    map.fitBounds(bounds, { padding: [40, 40], maxZoom: 19 });
  }, [map, focus]);

  const covered = lines?.features.filter((f) => f.properties.covered).length ?? 0;
  const total = lines?.features.length ?? 0;
  return (
    <div className="coverage-map">
      <div
        ref={attach}
        className="map-canvas"
        data-testid="coverage-map"
        data-loaded={lines ? 'true' : 'false'}
        data-covered={covered}
        data-uncovered={total - covered}
        aria-label={t('coverage.mapLabel')}
      />
      <div className="coverage-legend" aria-hidden="true">
        <span className="coverage-key coverage-key--covered">{t('coverage.keyCovered')}</span>
        <span className="coverage-key coverage-key--uncovered">{t('coverage.keyUncovered')}</span>
        <span className="coverage-key coverage-key--site">{t('coverage.keySite')}</span>
        {tilesUnavailable ? <span className="muted">{t('map.tilesUnavailable')}</span> : null}
      </div>
    </div>
  );
}
