// Row types of the investigation tables: incidents, holds of a case, footage requests,
// notifications, evidence items, their custody chain and packages.

export type IncidentStatus = 'open' | 'investigating' | 'solved' | 'unsolved' | 'closed';

/** A case: a place, a time window and a ward-and-year case number. */
export interface IncidentTable {
  id: string;
  case_number: string;
  unit_id: string;
  jurisdiction_path: string;
  case_year: number;
  case_seq: number;
  type: string;
  description: string;
  latitude: number;
  longitude: number;
  address: string | null;
  from_ms: number;
  to_ms: number;
  reporter_name: string | null;
  reporter_phone: string | null;
  status: IncidentStatus;
  opened_at: string;
  investigating_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  /** 1 solved with the help of footage, 0 not, null not yet said. */
  footage_helped: number | null;
  /** JSON array of `suspect`, `vehicle`, `route`, `none`. */
  helped_by: string | null;
  outcome_note: string | null;
  /** Case number, description and address folded for accent-insensitive search. */
  search_text: string | null;
  /** How the case was resolved; kept when a solved or unsolved case is later closed. */
  resolution: 'solved' | 'unsolved' | null;
  /** Cameras whose wedge held the point when the case was filed or its place last changed. */
  candidate_cameras: number | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface IncidentHoldTable {
  incident_id: string;
  hold_id: string;
  created_at: string;
}

export type FootageRequestStatus = 'pending' | 'approved' | 'declined' | 'fulfilled' | 'cancelled';

/** Police asking a camera's owner for footage of a window, for a case. */
export interface FootageRequestTable {
  id: string;
  incident_id: string;
  camera_id: string;
  owner_user_id: string | null;
  from_ms: number;
  to_ms: number;
  reason: string;
  deadline_at: string;
  status: FootageRequestStatus;
  decline_reason: string | null;
  decided_at: string | null;
  decided_by: string | null;
  extraction_state: 'pending' | 'done' | 'failed' | null;
  extraction_error: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  target_type: string | null;
  target_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface NotificationDeliveryTable {
  id: string;
  notification_id: string;
  channel: 'webhook';
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  next_attempt_ms: number;
  delivered_at: string | null;
}

export type EvidenceKind = 'extract' | 'upload' | 'viewing_copy';

/** Bytes exactly as acquired (never modified), with where they came from and their hash. */
export interface EvidenceItemTable {
  id: string;
  incident_id: string;
  request_id: string | null;
  kind: EvidenceKind;
  derived_from: string | null;
  camera_id: string | null;
  /** JSON `EvidenceSource`. */
  source: string;
  file_name: string;
  stored_path: string;
  mime: string;
  bytes: number;
  sha256: string;
  media: string | null;
  requested_from_ms: number | null;
  requested_to_ms: number | null;
  delivered_from_ms: number | null;
  delivered_to_ms: number | null;
  clock_offset_ms: number | null;
  clock_offset_method: 'stream' | 'officer' | null;
  clock_offset_by: string | null;
  clock_offset_at: string | null;
  clock_offset_note: string | null;
  collected_by: string | null;
  collected_at: string;
}

/** One link of an item's custody chain; `hash` covers every other field and `prev_hash`. */
export interface CustodyEventTable {
  id: string;
  item_id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  details: string | null;
  audit_seq: number | null;
  prev_hash: string;
  hash: string;
}

export interface EvidencePackageTable {
  id: string;
  incident_id: string;
  stored_path: string;
  file_name: string;
  bytes: number;
  sha256: string;
  manifest_sha256: string;
  item_count: number;
  created_by: string | null;
  created_at: string;
}
