// Row types for every table, shared by SQLite and PostgreSQL.
// Times are ISO-8601 UTC strings; booleans are 0/1 integers so both dialects agree.

import type {
  IncidentTable,
  IncidentHoldTable,
  FootageRequestTable,
  NotificationTable,
  NotificationDeliveryTable,
  EvidenceItemTable,
  CustodyEventTable,
  EvidencePackageTable,
} from './schema-investigation';
import type {
  RoadImportTable,
  RoadSegmentTable,
  PlannedSiteTable,
  PlannedSitePhotoTable,
  CoverageTargetTable,
  CampaignTable,
  DonationTable,
  ExpenseTable,
} from './schema-planning';

export type * from './schema-investigation';
export type * from './schema-planning';

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
