// Row types for every table, shared by SQLite and PostgreSQL.
// Times are ISO-8601 UTC strings; booleans are 0/1 integers so both dialects agree.

export interface JurisdictionTable {
  id: string;
  code: string;
  name: string;
  search_text: string;
  level: 'province' | 'district' | 'commune' | 'residential_group';
  kind: string;
  parent_id: string | null;
  path: string;
  valid_from: string;
  valid_to: string | null;
  successor_id: string | null;
  latitude: number | null;
  longitude: number | null;
  boundary: string | null;
  population: number | null;
  created_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  jurisdiction_id: string | null;
  phone: string | null;
  email: string | null;
  created_at: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface CameraTable {
  id: string;
  code: string;
  name: string;
  search_text: string;
  owner_kind: string;
  owner_user_id: string | null;
  owner_name: string | null;
  owner_phone: string | null;
  owner_email: string | null;
  jurisdiction_id: string;
  jurisdiction_path: string;
  address: string | null;
  latitude: number;
  longitude: number;
  /** floor(latitude * 100): lets a bounding-box query seek one index range per 0.01° band. */
  lat_cell: number;
  heading: number;
  fov: number;
  range_m: number;
  status: string;
  consent_tier: string;
  consent_expires_at: string | null;
  main_stream_enc: string | null;
  sub_stream_enc: string | null;
  main_stream_display: string | null;
  sub_stream_display: string | null;
  recording_enabled: number;
  retention_days: number;
  signage_posted: number;
  installed_on: string | null;
  funding_source: string | null;
  cost_vnd: number | null;
  make_model: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  decommissioned_at: string | null;
}

export interface AuditEventTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** The user who owns the target (a camera's owner), so owners can see every access. */
  target_owner_id: string | null;
  /** Jurisdiction path of the target, so auditors see events in their scope. */
  jurisdiction_path: string | null;
  reason: string | null;
  ip: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
}

export interface Database {
  jurisdictions: JurisdictionTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  cameras: CameraTable;
  audit_events: AuditEventTable;
  segments: SegmentTable;
  recording_gaps: RecordingGapTable;
  holds: HoldTable;
  camera_health_log: CameraHealthLogTable;
  live_grants: LiveGrantTable;
  wall_layouts: WallLayoutTable;
  incidents: IncidentTable;
  incident_holds: IncidentHoldTable;
  footage_requests: FootageRequestTable;
  notifications: NotificationTable;
  notification_deliveries: NotificationDeliveryTable;
  evidence_items: EvidenceItemTable;
  custody_events: CustodyEventTable;
  evidence_packages: EvidencePackageTable;
  road_imports: RoadImportTable;
  road_segments: RoadSegmentTable;
  planned_sites: PlannedSiteTable;
  planned_site_photos: PlannedSitePhotoTable;
  coverage_targets: CoverageTargetTable;
  campaigns: CampaignTable;
  donations: DonationTable;
  expenses: ExpenseTable;
}

export interface SegmentTable {
  id: string;
  camera_id: string;
  stream: string;
  start_ms: number;
  end_ms: number;
  bytes: number;
  path: string;
  codec: string | null;
  width: number | null;
  height: number | null;
  has_audio: number;
  state: 'ok' | 'missing';
  created_at: string;
}

export interface RecordingGapTable {
  id: string;
  camera_id: string;
  start_ms: number;
  end_ms: number | null;
  reason: string;
}

export interface HoldTable {
  id: string;
  camera_id: string;
  from_ms: number;
  to_ms: number;
  reason: string;
  created_by: string | null;
  created_at: string;
  released_at: string | null;
  released_by: string | null;
}

export interface CameraHealthLogTable {
  camera_id: string;
  at_ms: number;
  state: string;
  error: string | null;
}

/** A user's saved video wall; `camera_ids` is a JSON array of `size` camera ids or nulls. */
export interface WallLayoutTable {
  id: string;
  user_id: string;
  name: string;
  size: number;
  camera_ids: string;
  created_at: string;
  updated_at: string;
}

/** A window during which a `live_on_alarm` camera may be watched live (an alarm, an incident). */
export interface LiveGrantTable {
  id: string;
  camera_id: string;
  source: 'alarm' | 'incident';
  source_id: string | null;
  from_ms: number;
  to_ms: number;
  note: string;
  created_by: string | null;
  created_at: string;
}

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

export interface RoadImportTable {
  id: string;
  unit_id: string;
  file_name: string;
  features: number;
  segments: number;
  length_m: number;
  created_by: string | null;
  created_at: string;
}

/** One straight piece of a street, between two consecutive points of its way. */
export interface RoadSegmentTable {
  id: string;
  import_id: string;
  unit_id: string;
  jurisdiction_path: string;
  way_id: string;
  name: string;
  kind: string;
  seq: number;
  lat1: number;
  lng1: number;
  lat2: number;
  lng2: number;
  length_m: number;
  min_lat: number;
  max_lat: number;
  min_lng: number;
  max_lng: number;
}

export type PlannedSiteStatus =
  'proposed' | 'surveyed' | 'agreed' | 'funded' | 'installed' | 'connected';

export interface PlannedSiteTable {
  id: string;
  unit_id: string;
  jurisdiction_path: string;
  name: string;
  address: string | null;
  latitude: number;
  longitude: number;
  heading: number;
  fov: number;
  range_m: number;
  status: PlannedSiteStatus;
  proposed_at: string;
  surveyed_at: string | null;
  agreed_at: string | null;
  funded_at: string | null;
  installed_at: string | null;
  connected_at: string | null;
  responsible_name: string | null;
  responsible_phone: string | null;
  notes: string | null;
  estimated_cost_vnd: number | null;
  camera_id: string | null;
  source: 'manual' | 'suggestion';
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlannedSitePhotoTable {
  id: string;
  site_id: string;
  file_name: string;
  stored_path: string;
  mime: string;
  bytes: number;
  created_by: string | null;
  created_at: string;
}

export interface CoverageTargetTable {
  id: string;
  unit_id: string;
  jurisdiction_path: string;
  metric: 'cameras' | 'coverage_pct';
  target_value: number;
  due_on: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface CampaignTable {
  id: string;
  unit_id: string;
  jurisdiction_path: string;
  name: string;
  description: string;
  goal_vnd: number;
  starts_on: string;
  ends_on: string;
  bank_bin: string;
  bank_name: string;
  account_number: string;
  account_name: string;
  status: 'active' | 'closed';
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DonationTable {
  id: string;
  campaign_id: string;
  donor_name: string | null;
  donor_public: number;
  amount_vnd: number;
  donated_on: string;
  channel: 'cash' | 'bank_transfer' | 'vietqr' | 'other';
  receipt_number: string | null;
  note: string | null;
  recorded_by: string | null;
  created_at: string;
}

export interface ExpenseTable {
  id: string;
  campaign_id: string;
  item: string;
  supplier: string | null;
  amount_vnd: number;
  spent_on: string;
  camera_ids: string;
  site_ids: string;
  receipt_number: string | null;
  note: string | null;
  over_balance: number;
  recorded_by: string | null;
  created_at: string;
}
