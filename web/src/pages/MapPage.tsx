import { useState } from 'react';
import { jurisdictions, type CameraFilters } from '../api/endpoints';
import { cameraStatuses, consentTiers, ownerKinds, type Unit } from '../api/types';
import { EnumSelect } from '../components/EnumSelect';
import { useMe } from '../hooks/session';
import { useResource } from '../hooks/useResource';
import { useT } from '../i18n/i18n';
import type { MapView } from '../map/useLeafletMap';
import { cameraCreatorRoles } from '../permissions';
import { CameraMapView, savedMapView } from '../views/CameraMapView';

/** Vietnam as a whole, for accounts not tied to one unit. */
const countryView: MapView = { center: [16.2, 106.3], zoom: 6 };
const zoomByLevel: Record<Unit['level'], number> = {
  province: 11,
  district: 13,
  commune: 15,
  residential_group: 17,
};

function viewOfUnit(unit: Unit | undefined): MapView {
  if (!unit || unit.latitude === null || unit.longitude === null) return countryView;
  return { center: [unit.latitude, unit.longitude], zoom: zoomByLevel[unit.level] };
}

export function MapPage() {
  const t = useT();
  const me = useMe();
  const [saved] = useState(savedMapView);
  const home = useResource(
    () => jurisdictions.get(me.jurisdictionId ?? ''),
    !saved && me.jurisdictionId ? `home:${me.jurisdictionId}` : null,
  );
  const [filters, setFilters] = useState<CameraFilters>({});
  const waitingForHome = !saved && me.jurisdictionId !== null && home.loading;
  const initialView = saved ?? (home.error ? countryView : viewOfUnit(home.data));

  return (
    <div className="map-page">
      <div className="map-toolbar">
        <h1>{t('map.title')}</h1>
        <EnumSelect
          id="map-owner-kind"
          ariaLabel={t('camera.ownerKind')}
          value={filters.ownerKind ?? ''}
          values={ownerKinds}
          label={(v) => t(`ownerKind.${v}`)}
          emptyLabel={t('filter.allOwnerKinds')}
          onChange={(ownerKind) => setFilters((f) => ({ ...f, ownerKind }))}
        />
        <EnumSelect
          id="map-status"
          ariaLabel={t('camera.status')}
          value={filters.status ?? ''}
          values={cameraStatuses}
          label={(v) => t(`status.${v}`)}
          emptyLabel={t('filter.allStatuses')}
          onChange={(status) => setFilters((f) => ({ ...f, status }))}
        />
        <EnumSelect
          id="map-consent"
          ariaLabel={t('camera.consentTier')}
          value={filters.consentTier ?? ''}
          values={consentTiers}
          label={(v) => t(`consent.${v}`)}
          emptyLabel={t('filter.allConsentTiers')}
          onChange={(consentTier) => setFilters((f) => ({ ...f, consentTier }))}
        />
        {cameraCreatorRoles.includes(me.role) ? (
          <a className="button primary" href="/cameras/new">
            {t('camera.new')}
          </a>
        ) : null}
      </div>
      {waitingForHome ? (
        <p className="map-waiting">{t('map.loading')}</p>
      ) : (
        <CameraMapView initialView={initialView} filters={filters} />
      )}
    </div>
  );
}
