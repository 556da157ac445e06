// Row types of the planning tables: streets, planned sites, targets and community funding.

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
