// Typed calls to the API, one function per endpoint the web app uses.
import { api, type Query } from './client';
import type {
  AuditEvent,
  Camera,
  CameraInput,
  CameraStatus,
  ClientConfig,
  ConsentTier,
  MapCamera,
  Me,
  OutlineCollection,
  OwnerKind,
  Page,
  Unit,
  UnitDetail,
} from './types';

/** Filters shared by the list, the map and the exports; '' means "any". */
export interface CameraFilters {
  jurisdictionId?: string;
  ownerKind?: OwnerKind | '';
  status?: CameraStatus | '';
  consentTier?: ConsentTier | '';
  q?: string;
}

/** minLng,minLat,maxLng,maxLat, as the API expects. */
export type Bbox = [number, number, number, number];
const bboxParam = (bbox: Bbox) => bbox.map((n) => n.toFixed(5)).join(',');

export const clientConfig = () => api.get<ClientConfig>('/api/client-config');

export const auth = {
  me: () => api.get<{ user: Me }>('/api/auth/me'),
  login: (username: string, password: string) =>
    api.post<{ user: Me }>('/api/auth/login', { username, password }),
  logout: () => api.post<unknown>('/api/auth/logout'),
};

export const cameras = {
  list: (filters: CameraFilters & { limit: number; offset: number }) =>
    api.get<Page<Camera>>('/api/cameras', { ...filters }),
  map: (bbox: Bbox, filters: CameraFilters) =>
    api.get<{ items: MapCamera[]; truncated?: boolean }>('/api/cameras/map', {
      ...filters,
      bbox: bboxParam(bbox),
    }),
  mine: () => api.get<{ items: Camera[] }>('/api/cameras/mine'),
  get: (id: string, query?: Query) =>
    api.get<Camera>(`/api/cameras/${encodeURIComponent(id)}`, query),
  create: (input: CameraInput) => api.post<Camera>('/api/cameras', input),
  update: (id: string, input: Partial<CameraInput>) =>
    api.patch<Camera>(`/api/cameras/${encodeURIComponent(id)}`, input),
  decommission: (id: string, reason: string) =>
    api.post<Camera>(`/api/cameras/${encodeURIComponent(id)}/decommission`, { reason }),
  setConsent: (id: string, consentTier: ConsentTier, consentExpiresAt: string | null) =>
    api.put<Camera>(`/api/cameras/${encodeURIComponent(id)}/consent`, {
      consentTier,
      consentExpiresAt,
    }),
  accessLog: (id: string) =>
    api.get<{ items: AuditEvent[] }>(`/api/cameras/${encodeURIComponent(id)}/access-log`),
  import: (csv: Blob, dryRun: boolean) =>
    api.upload<{ imported: number; dryRun?: boolean }>('/api/cameras/import', csv, 'text/csv', {
      dryRun: dryRun ? 'true' : undefined,
    }),
};

export const jurisdictions = {
  search: (query: { q?: string; level?: string; parentId?: string }) =>
    api.get<{ items: Unit[] }>('/api/jurisdictions', query),
  get: (id: string) => api.get<UnitDetail>(`/api/jurisdictions/${encodeURIComponent(id)}`),
  outlines: (bbox: Bbox) =>
    api.get<OutlineCollection>('/api/jurisdictions/outlines', { bbox: bboxParam(bbox) }),
};

export interface AuditQuery {
  action?: string;
  targetType?: string;
  targetId?: string;
  limit?: number;
  /** Events older than this sequence number: the next page. */
  before?: number;
}

export const audit = {
  list: (query: AuditQuery) => api.get<{ items: AuditEvent[] }>('/api/audit', { ...query }),
  verify: () =>
    api.get<{ ok: boolean; events: number; firstBadSeq?: number; problem?: string }>(
      '/api/audit/verify',
    ),
};
