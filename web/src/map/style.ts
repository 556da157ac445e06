// How a camera looks on the map: colour says who owns it, line and fill say its status.
import type { PathOptions } from 'leaflet';
import type { CameraStatus, OwnerKind } from '../api/types';

export const ownerKindColours: Record<OwnerKind, string> = {
  ward: '#c62828',
  residential_group: '#ef6c00',
  household: '#1565c0',
  business: '#6a1b9a',
  school: '#2e7d32',
  agency: '#00838f',
};

const offlineGrey = '#8a8a8a';

export function cameraColour(ownerKind: OwnerKind, status: CameraStatus): string {
  return status === 'offline' || status === 'decommissioned'
    ? offlineGrey
    : ownerKindColours[ownerKind];
}

/** Planned cameras are hollow and dashed; offline ones grey; decommissioned faint and dotted. */
export function wedgeStyle(ownerKind: OwnerKind, status: CameraStatus): PathOptions {
  const colour = cameraColour(ownerKind, status);
  switch (status) {
    case 'planned':
      return { color: colour, weight: 2, dashArray: '6 5', fillOpacity: 0.04, fillColor: colour };
    case 'installed':
      return { color: colour, weight: 1.5, fillOpacity: 0.22, fillColor: colour };
    case 'online':
      return { color: colour, weight: 2, fillOpacity: 0.35, fillColor: colour };
    case 'offline':
      return { color: colour, weight: 1.5, fillOpacity: 0.25, fillColor: colour };
    case 'decommissioned':
      return { color: colour, weight: 1, dashArray: '2 4', fillOpacity: 0, opacity: 0.7 };
  }
}

/** The CSS class a marker dot gets, so the same rules apply to markers and the legend. */
export function dotClass(status: CameraStatus): string {
  return `camera-dot camera-dot--${status}`;
}
