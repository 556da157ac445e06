// Typed calls to the incidents API: cases, the camera finder around a case, and the holds that
// keep its footage from retention.
import { api } from './client';
import type { Hold } from './recording';
import type { CameraStatus, ConsentTier, OwnerKind } from './types';

export type { Hold } from './recording';

export {
  helpedByValues as helpedByChoices,
  incidentStatuses,
  incidentTypes,
  type HelpedBy,
  type IncidentStatusName as IncidentStatus,
  type IncidentType,
} from '../../../src/incidents/incident.vocabulary';
import type {
  HelpedBy,
  IncidentStatusName as IncidentStatus,
  IncidentType,
} from '../../../src/incidents/incident.vocabulary';

export interface Incident {
  id: string;
  caseNumber: string;
  unitId: string;
  unitName: string;
  jurisdictionPath: string;
  type: IncidentType;
  description: string;
  latitude: number;
  longitude: number;
  address: string | null;
  from: string;
  to: string;
  reporterName: string | null;
  reporterPhone: string | null;
  status: IncidentStatus;
  openedAt: string;
  investigatingAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  outcome: { footageHelped: boolean | null; helpedBy: HelpedBy[]; note: string | null };
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface IncidentInput {
  type: IncidentType;
  description: string;
  latitude: number;
  longitude: number;
  address?: string;
  from: string;
  to: string;
  reporterName?: string;
  reporterPhone?: string;
}

export interface StatusChange {
  status: IncidentStatus;
  footageHelped?: boolean;
  helpedBy?: HelpedBy[];
  note?: string;
}

export const availabilities = ['recorded', 'on_request', 'registry_only', 'offline'] as const;
export type Availability = (typeof availabilities)[number];

export interface Span {
  from: string;
  to: string;
}

export interface FoundCamera {
  camera: {
    id: string;
    code: string;
    name: string;
    latitude: number;
    longitude: number;
    heading: number;
    fov: number;
    rangeM: number;
    status: CameraStatus;
    consentTier: ConsentTier;
    ownerKind: OwnerKind;
    recording: boolean;
  };
  distanceM: number;
  bearing: number;
  offAxis: number;
  sees: boolean;
  withinRadius: boolean;
  availability: Availability;
  coverage: 'full' | 'partial' | 'none';
  recorded: Span[];
  gaps: Span[];
  recordedSeconds: number;
}

export interface FinderResult {
  query: { latitude: number; longitude: number; radiusM: number; from: string; to: string };
  seeing: number;
  nearby: number;
  groups: Record<Availability, FoundCamera[]>;
}

export interface IncidentFilters {
  status?: IncidentStatus | '';
  type?: IncidentType | '';
  q?: string;
}

const incidentPath = (id: string, rest = '') =>
  `/api/incidents/${encodeURIComponent(id)}${rest ? `/${rest}` : ''}`;

export const incidents = {
  list: (filters: IncidentFilters & { limit?: number; before?: string }) =>
    api.get<{ items: Incident[] }>('/api/incidents', { ...filters }),
  get: (id: string) => api.get<Incident>(incidentPath(id)),
  create: (input: IncidentInput) => api.post<Incident>('/api/incidents', input),
  update: (id: string, change: Partial<IncidentInput>) =>
    api.patch<Incident>(incidentPath(id), change),
  setStatus: (id: string, change: StatusChange) =>
    api.post<Incident>(incidentPath(id, 'status'), change),
  finder: (id: string, radiusM: number) =>
    api.get<FinderResult>(incidentPath(id, 'finder'), { radiusM }),
  /** The finder for a place and window not saved yet (the new-incident form's preview). */
  preview: (query: {
    latitude: number;
    longitude: number;
    radiusM: number;
    from: string;
    to: string;
  }) => api.get<FinderResult>('/api/finder', { ...query }),
  holds: (id: string) => api.get<{ items: Hold[] }>(incidentPath(id, 'holds')),
  hold: (id: string, body: { reason?: string; radiusM?: number; cameraIds?: string[] }) =>
    api.post<{ items: Hold[] }>(incidentPath(id, 'holds'), body),
  releaseHolds: (id: string, reason: string) =>
    api.post<{ items: Hold[] }>(incidentPath(id, 'holds/release'), { reason }),
};
