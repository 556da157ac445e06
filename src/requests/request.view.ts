import type { FootageRequestStatus } from '../platform/db/schema';
import type { RequestRow } from './request.repo';
import type { RequestFacts } from './request.messages';

// A footage request as the API shows it (police and the owner see the same shape).

export interface FootageRequest {
  id: string;
  incidentId: string;
  caseNumber: string;
  cameraId: string;
  cameraCode: string;
  cameraName: string;
  address: string | null;
  ownerUserId: string | null;
  from: string;
  to: string;
  reason: string;
  deadline: string;
  status: FootageRequestStatus;
  /** Why the owner declined, or why the police cancelled. */
  declineReason: string | null;
  decidedAt: string | null;
  extraction: 'pending' | 'done' | 'failed' | null;
  extractionError: string | null;
  itemIds: string[];
  createdAt: string;
  createdByName: string | null;
  /** We hold recorded footage of the window: approving it needs no upload. */
  recordedByUs: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

export const recordedByUs = (row: Pick<RequestRow, 'recording_enabled' | 'recorded'>): boolean =>
  row.recording_enabled === 1 && row.recorded === 1;

export function toFootageRequest(row: RequestRow, itemIds: readonly string[]): FootageRequest {
  return {
    id: row.id,
    incidentId: row.incident_id,
    caseNumber: row.case_number,
    cameraId: row.camera_id,
    cameraCode: row.camera_code,
    cameraName: row.camera_name,
    address: row.camera_address,
    ownerUserId: row.camera_owner_user_id,
    from: iso(row.from_ms),
    to: iso(row.to_ms),
    reason: row.reason,
    deadline: row.deadline_at,
    status: row.status,
    declineReason: row.decline_reason,
    decidedAt: row.decided_at,
    extraction: row.extraction_state,
    extractionError: row.extraction_error,
    itemIds: [...itemIds],
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    recordedByUs: recordedByUs(row),
  };
}

export function factsOf(row: RequestRow): RequestFacts {
  return {
    cameraCode: row.camera_code,
    caseNumber: row.case_number,
    fromMs: row.from_ms,
    toMs: row.to_ms,
    deadline: row.deadline_at,
  };
}
