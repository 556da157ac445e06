// Typed calls to the planning API: planned camera sites through their lifecycle, their photos,
// and the targets set for units.
import { api } from './client';

/** The lifecycle, in order; a site only moves forward. */
export const siteStatuses = [
  'proposed',
  'surveyed',
  'agreed',
  'funded',
  'installed',
  'connected',
] as const;
export type SiteStatus = (typeof siteStatuses)[number];

export interface SitePhoto {
  id: string;
  fileName: string;
  mime: string;
  bytes: number;
  createdAt: string;
}

export interface Site {
  id: string;
  unitId: string;
  unitName: string;
  name: string;
  address: string | null;
  latitude: number;
  longitude: number;
  heading: number;
  fov: number;
  rangeM: number;
  status: SiteStatus;
  dates: Record<SiteStatus, string | null>;
  responsibleName: string | null;
  responsiblePhone: string | null;
  notes: string | null;
  estimatedCostVnd: number | null;
  cameraId: string | null;
  cameraCode: string | null;
  source: 'manual' | 'suggestion';
  photos: SitePhoto[];
  createdAt: string;
  updatedAt: string;
}

export interface SiteInput {
  name: string;
  address?: string;
  latitude: number;
  longitude: number;
  heading: number;
  fov: number;
  rangeM: number;
  responsibleName?: string;
  responsiblePhone?: string;
  notes?: string;
  estimatedCostVnd?: number;
  source?: 'manual' | 'suggestion';
}

export interface SiteChange {
  name?: string;
  address?: string | null;
  responsibleName?: string | null;
  responsiblePhone?: string | null;
  notes?: string | null;
  estimatedCostVnd?: number | null;
}

export interface StatusStep {
  status: SiteStatus;
  /** The day it happened (YYYY-MM-DD, Vietnam calendar); today when absent. */
  on?: string;
  cameraId?: string;
}

export const targetMetrics = ['cameras', 'coverage_pct'] as const;
export type TargetMetric = (typeof targetMetrics)[number];

export interface Projection {
  ratePerMonth: number;
  projectedOn: string | null;
  willMeet: boolean;
  basis: string;
}

export interface Target {
  id: string;
  unitId: string;
  unitName: string;
  metric: TargetMetric;
  targetValue: number;
  dueOn: string;
  note: string | null;
  current: number;
  progressPct: number;
  projection: Projection;
}

export interface TargetInput {
  unitId: string;
  metric: TargetMetric;
  targetValue: number;
  dueOn: string;
  note?: string;
}

const sitePath = (id: string, rest = '') =>
  `/api/planned-sites/${encodeURIComponent(id)}${rest ? `/${rest}` : ''}`;

export const sites = {
  list: (query: { unitId?: string; status?: SiteStatus | '' }) =>
    api.get<{ items: Site[] }>('/api/planned-sites', { ...query }),
  get: (id: string) => api.get<Site>(sitePath(id)),
  create: (input: SiteInput) => api.post<Site>('/api/planned-sites', input),
  update: (id: string, change: SiteChange) => api.patch<Site>(sitePath(id), change),
  advance: (id: string, step: StatusStep) => api.post<Site>(sitePath(id, 'status'), step),
  uploadPhoto: (id: string, file: File) =>
    api.upload<SitePhoto>(sitePath(id, 'photos'), file, file.type || 'application/octet-stream', {
      fileName: file.name,
    }),
  photoUrl: (id: string, photoId: string) => sitePath(id, `photos/${encodeURIComponent(photoId)}`),
};

export const targets = {
  list: (unitId: string) => api.get<{ items: Target[] }>('/api/targets', { unitId }),
  create: (input: TargetInput) => api.post<Target>('/api/targets', input),
  remove: (id: string) => api.delete<unknown>(`/api/targets/${encodeURIComponent(id)}`),
};
