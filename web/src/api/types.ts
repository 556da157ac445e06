// Shapes of the HTTP API as the web app consumes them (see the shared API contract).

// The word lists are the server's own, from dependency-free modules.
export { isRole, roles, type Role } from '../../../src/auth/roles';
export {
  cameraStatuses,
  consentTiers,
  ownerKinds,
  type CameraStatus,
  type ConsentTier,
  type OwnerKind,
} from '../../../src/cameras/camera.vocabulary';
import type { CameraStatus, ConsentTier, OwnerKind } from '../../../src/cameras/camera.vocabulary';
import type { Role } from '../../../src/auth/roles';

export const unitLevels = ['province', 'district', 'commune', 'residential_group'] as const;
export type UnitLevel = (typeof unitLevels)[number];

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  jurisdictionId: string | null;
  jurisdictionName: string | null;
}

export interface ClientConfig {
  tileUrl: string;
  demo: boolean;
}

export interface Unit {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  kind: string;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  successorId: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface UnitDetail extends Unit {
  ancestors: Unit[];
  children: Unit[];
  current: Unit;
}

/** What the map needs for one camera: position and view, nothing personal. */
export interface MapCamera {
  id: string;
  code: string;
  name: string;
  latitude: number;
  longitude: number;
  heading: number;
  fov: number;
  rangeM: number;
  ownerKind: OwnerKind;
  status: CameraStatus;
  consentTier: ConsentTier;
}

/** The editable fields of a camera, as sent to POST/PATCH (stream URLs are write-only). */
export interface CameraInput {
  code: string;
  name: string;
  ownerKind: OwnerKind;
  ownerName?: string | null;
  ownerPhone?: string | null;
  ownerEmail?: string | null;
  jurisdictionId?: string;
  address?: string | null;
  latitude: number;
  longitude: number;
  heading: number;
  fov: number;
  rangeM: number;
  status?: CameraStatus;
  consentTier?: ConsentTier;
  consentExpiresAt?: string | null;
  mainStreamUrl?: string | null;
  subStreamUrl?: string | null;
  recordingEnabled?: boolean;
  retentionDays?: number;
  signagePosted?: boolean;
  installedOn?: string | null;
  fundingSource?: string | null;
  costVnd?: number | null;
  makeModel?: string | null;
  notes?: string | null;
}

/**
 * A camera as the API shows it to the caller. `consentTier` is the tier in force now (a lapsed
 * consent counts as registry only); `consentTierGranted` is what the owner chose.
 */
export interface Camera extends MapCamera {
  /** Null when hidden from the caller; `contactHidden` says a reason would reveal it. */
  ownerName: string | null;
  ownerPhone: string | null;
  ownerEmail: string | null;
  contactHidden: boolean;
  ownerUserId: string | null;
  jurisdictionId: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  address: string | null;
  consentTierGranted: ConsentTier;
  consentExpiresAt: string | null;
  recordingEnabled: boolean;
  retentionDays: number;
  signagePosted: boolean;
  installedOn: string | null;
  fundingSource: string | null;
  costVnd: number | null;
  makeModel: string | null;
  notes: string | null;
  hasMainStream: boolean;
  hasSubStream: boolean;
  mainStreamDisplay: string | null;
  subStreamDisplay: string | null;
  createdAt: string;
  updatedAt: string;
  decommissionedAt: string | null;
  canEdit: boolean;
  canChangeConsent: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  reason: string | null;
  ip: string | null;
  details: unknown;
}

export interface ImportRowError {
  line: number;
  column: string | null;
  reason: string;
}

/** GeoJSON of unit outlines for the map. */
export interface OutlineCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: string; coordinates: unknown } | null;
    properties: Record<string, unknown> | null;
  }[];
}
