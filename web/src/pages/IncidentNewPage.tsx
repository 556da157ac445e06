import { jurisdictions } from '../api/endpoints';
import { navigate, useLocation } from '../hooks/router';
import { useMe } from '../hooks/session';
import { useResource } from '../hooks/useResource';
import { useT } from '../i18n/i18n';
import { IncidentForm } from '../views/incidents/IncidentForm';
import '../styles/incidents.css';

/** Hà Nội's centre, for accounts whose unit has no coordinates. */
const defaultCenter: [number, number] = [21.0285, 105.8542];

/** A coordinate pair from the address (`?lat=21.07&lng=105.78`), to open the map there. */
function centerFrom(query: URLSearchParams): [number, number] | null {
  const lat = Number(query.get('lat'));
  const lng = Number(query.get('lng'));
  if (!query.get('lat') || !query.get('lng') || !Number.isFinite(lat) || !Number.isFinite(lng))
    return null;
  return [lat, lng];
}

export function IncidentNewPage() {
  const t = useT();
  const me = useMe();
  const { query } = useLocation();
  const asked = centerFrom(query);
  const home = useResource(
    () => jurisdictions.get(me.jurisdictionId ?? ''),
    !asked && me.jurisdictionId ? `home:${me.jurisdictionId}` : null,
  );
  // The map opens once, where it should: wait for the officer's unit before drawing it.
  const waiting = !asked && me.jurisdictionId !== null && !home.data && !home.error;
  const unit = home.data?.current ?? home.data;
  const center: [number, number] =
    asked ??
    (unit?.latitude !== null && unit?.latitude !== undefined && unit.longitude !== null
      ? [unit.latitude, unit.longitude]
      : defaultCenter);

  return (
    <div className="page">
      <h1>{t('incidents.newTitle')}</h1>
      <p className="muted">{t('incidents.newExplain')}</p>
      {waiting ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <IncidentForm
          center={center}
          onCreated={(incident) => navigate(`/incidents/${encodeURIComponent(incident.id)}`)}
        />
      )}
    </div>
  );
}
