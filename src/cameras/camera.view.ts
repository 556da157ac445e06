import type { Actor } from '../auth/actor';
import {
  canChangeConsent,
  canEditCamera,
  contactAccess,
  effectiveConsentTier,
  streamDetailsVisible,
} from './camera.access';
import type { CameraRow } from './camera.repo';
import type { Camera } from './camera.schemas';
import { cameraStatuses, isConsentTier, isOwnerKind, type CameraStatus } from './camera.types';

// Rows to API shapes. Stream URLs are never read here: only the sealed columns' presence and
// the redacted display form (stored at write time) are available to a response.

const asStatus = (value: string): CameraStatus =>
  cameraStatuses.find((s) => s === value) ?? 'planned';

export interface UnitLabel {
  code: string;
  name: string;
}

export function toCamera(
  row: CameraRow,
  unit: UnitLabel | undefined,
  actor: Actor,
  now: Date,
  options: { revealContact?: boolean } = {},
): Camera {
  const hasContact =
    row.owner_name !== null || row.owner_phone !== null || row.owner_email !== null;
  const showContact = contactAccess(actor, row) === 'visible' || options.revealContact === true;
  const showStreams = streamDetailsVisible(actor, row, now);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    ownerKind: isOwnerKind(row.owner_kind) ? row.owner_kind : 'household',
    ownerUserId: row.owner_user_id,
    ownerName: showContact ? row.owner_name : null,
    ownerPhone: showContact ? row.owner_phone : null,
    ownerEmail: showContact ? row.owner_email : null,
    contactHidden: hasContact && !showContact,
    jurisdictionId: row.jurisdiction_id,
    jurisdictionCode: unit?.code ?? '',
    jurisdictionName: unit?.name ?? '',
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    heading: row.heading,
    fov: row.fov,
    rangeM: row.range_m,
    status: asStatus(row.status),
    consentTier: effectiveConsentTier(row, now),
    consentTierGranted: isConsentTier(row.consent_tier) ? row.consent_tier : 'registry_only',
    consentExpiresAt: row.consent_expires_at,
    hasMainStream: row.main_stream_enc !== null,
    hasSubStream: row.sub_stream_enc !== null,
    mainStreamDisplay: showStreams ? row.main_stream_display : null,
    subStreamDisplay: showStreams ? row.sub_stream_display : null,
    recordingEnabled: Boolean(row.recording_enabled),
    retentionDays: row.retention_days,
    signagePosted: Boolean(row.signage_posted),
    installedOn: row.installed_on,
    fundingSource: row.funding_source,
    costVnd: row.cost_vnd === null ? null : Number(row.cost_vnd),
    makeModel: row.make_model,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    decommissionedAt: row.decommissioned_at,
    canEdit: canEditCamera(actor, row),
    canChangeConsent: canChangeConsent(actor, row),
  };
}
