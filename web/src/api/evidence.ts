// Typed calls to the evidence API: items (extracted or uploaded footage), their custody log,
// browser viewing copies, and the signed packages handed to a court.
import { api, withQuery } from './client';

export type { EvidenceSource, MediaSummary } from '../../../src/evidence/evidence.types';
import type { EvidenceSource, MediaSummary } from '../../../src/evidence/evidence.types';

export interface Span {
  from: string;
  to: string;
}

export interface EvidenceClockOffset {
  ms: number;
  method: 'stream' | 'officer';
  by: string | null;
  byName: string | null;
  at: string;
  note: string | null;
}

export interface EvidenceItem {
  id: string;
  incidentId: string;
  requestId: string | null;
  kind: 'extract' | 'upload' | 'viewing_copy';
  derivedFrom: string | null;
  source: EvidenceSource;
  fileName: string;
  mime: string;
  bytes: number;
  sha256: string;
  media: MediaSummary | null;
  requested: Span | null;
  delivered: Span | null;
  clockOffset: EvidenceClockOffset | null;
  collectedBy: string | null;
  collectedByName: string | null;
  collectedAt: string;
  viewingCopyId: string | null;
}

/** One entry of an item's custody log, hash-chained to the one before. */
export interface CustodyEvent {
  id: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  details: Record<string, unknown> | null;
  auditSeq: number | null;
  prevHash: string;
  hash: string;
}

export interface EvidencePackage {
  id: string;
  incidentId: string;
  fileName: string;
  bytes: number;
  sha256: string;
  manifestSha256: string;
  itemCount: number;
  createdBy: string | null;
  createdAt: string;
}

const itemPath = (id: string, rest = '') =>
  `/api/evidence/${encodeURIComponent(id)}${rest ? `/${rest}` : ''}`;
const casePath = (incidentId: string, rest: string) =>
  `/api/incidents/${encodeURIComponent(incidentId)}/${rest}`;

export const evidence = {
  forIncident: (incidentId: string) =>
    api.get<{ items: EvidenceItem[] }>(casePath(incidentId, 'evidence')),
  extract: (incidentId: string, body: { cameraId: string; from: string; to: string }) =>
    api.post<EvidenceItem>(casePath(incidentId, 'evidence/extract'), body),
  get: (id: string) => api.get<EvidenceItem>(itemPath(id)),
  custody: (id: string) =>
    api.get<{ items: CustodyEvent[]; chainOk: boolean }>(itemPath(id, 'custody')),
  setClockOffset: (id: string, offsetMs: number, note: string) =>
    api.post<EvidenceItem>(itemPath(id, 'clock-offset'), { offsetMs, note }),
  viewUrl: (id: string) => itemPath(id, 'view'),
  originalUrl: (id: string, reason: string) => withQuery(itemPath(id, 'original'), { reason }),
  publicKey: () =>
    api.get<{ publicKeyPem: string; fingerprint: string }>('/api/evidence/public-key'),
};

export const packages = {
  forIncident: (incidentId: string) =>
    api.get<{ items: EvidencePackage[] }>(casePath(incidentId, 'packages')),
  create: (incidentId: string) => api.post<EvidencePackage>(casePath(incidentId, 'packages')),
  downloadUrl: (id: string) => `/api/evidence-packages/${encodeURIComponent(id)}/download`,
};
