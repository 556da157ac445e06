// The camera form keeps what the inputs hold (mostly text); these functions convert between
// that and the API's CameraInput, so the form itself only renders.
import type { Camera, CameraInput, CameraStatus, ConsentTier, OwnerKind, Role } from '../api/types';
import { fromLocalInput, toLocalInput } from '../i18n/format';

export interface CameraFormState {
  code: string;
  name: string;
  ownerKind: OwnerKind;
  jurisdictionId: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  heading: number;
  fov: number;
  rangeM: number;
  status: CameraStatus;
  consentTier: ConsentTier;
  consentExpiresAt: string;
  ownerName: string;
  ownerPhone: string;
  ownerEmail: string;
  mainStreamUrl: string;
  subStreamUrl: string;
  recordingEnabled: boolean;
  retentionDays: string;
  signagePosted: boolean;
  installedOn: string;
  fundingSource: string;
  costVnd: string;
  makeModel: string;
  notes: string;
}

/** A new camera: owners register their household's camera, staff usually a ward one. */
export function emptyCameraForm(role: Role, jurisdictionId: string | null): CameraFormState {
  const owner = role === 'camera_owner';
  return {
    code: '',
    name: '',
    ownerKind: owner ? 'household' : 'ward',
    jurisdictionId: jurisdictionId ?? '',
    address: '',
    latitude: null,
    longitude: null,
    heading: 0,
    fov: 90,
    rangeM: 50,
    status: owner ? 'installed' : 'planned',
    consentTier: owner ? 'on_request' : 'live_always',
    consentExpiresAt: '',
    ownerName: '',
    ownerPhone: '',
    ownerEmail: '',
    mainStreamUrl: '',
    subStreamUrl: '',
    recordingEnabled: false,
    retentionDays: '30',
    signagePosted: false,
    installedOn: '',
    fundingSource: '',
    costVnd: '',
    makeModel: '',
    notes: '',
  };
}

export function cameraFormFrom(camera: Camera): CameraFormState {
  return {
    code: camera.code,
    name: camera.name,
    ownerKind: camera.ownerKind,
    jurisdictionId: camera.jurisdictionId,
    address: camera.address ?? '',
    latitude: camera.latitude,
    longitude: camera.longitude,
    heading: camera.heading,
    fov: camera.fov,
    rangeM: camera.rangeM,
    status: camera.status,
    consentTier: camera.consentTier,
    consentExpiresAt: toLocalInput(camera.consentExpiresAt),
    ownerName: camera.ownerName ?? '',
    ownerPhone: camera.ownerPhone ?? '',
    ownerEmail: camera.ownerEmail ?? '',
    // Stream URLs are write-only: an empty box means "leave as it is".
    mainStreamUrl: '',
    subStreamUrl: '',
    recordingEnabled: camera.recordingEnabled,
    retentionDays: String(camera.retentionDays),
    signagePosted: camera.signagePosted,
    installedOn: camera.installedOn ?? '',
    fundingSource: camera.fundingSource ?? '',
    costVnd: camera.costVnd === null ? '' : String(camera.costVnd),
    makeModel: camera.makeModel ?? '',
    notes: camera.notes ?? '',
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

/** The body for POST /api/cameras. A missing position is left for the caller to report. */
export function cameraInputFrom(state: CameraFormState): CameraInput {
  const retention = numberOrNull(state.retentionDays);
  return {
    code: state.code.trim(),
    name: state.name.trim(),
    ownerKind: state.ownerKind,
    jurisdictionId: state.jurisdictionId || undefined,
    address: orNull(state.address),
    latitude: state.latitude ?? Number.NaN,
    longitude: state.longitude ?? Number.NaN,
    heading: state.heading,
    fov: state.fov,
    rangeM: state.rangeM,
    status: state.status,
    consentTier: state.consentTier,
    consentExpiresAt: fromLocalInput(state.consentExpiresAt),
    ownerName: orNull(state.ownerName),
    ownerPhone: orNull(state.ownerPhone),
    ownerEmail: orNull(state.ownerEmail),
    mainStreamUrl: orNull(state.mainStreamUrl),
    subStreamUrl: orNull(state.subStreamUrl),
    recordingEnabled: state.recordingEnabled,
    retentionDays: retention ?? undefined,
    signagePosted: state.signagePosted,
    installedOn: orNull(state.installedOn),
    fundingSource: orNull(state.fundingSource),
    costVnd: numberOrNull(state.costVnd),
    makeModel: orNull(state.makeModel),
    notes: orNull(state.notes),
  };
}

/**
 * The body for PATCH: only what changed, so an edit never rewrites fields the editor did
 * not touch (or may not see, like the owner's contact).
 */
export function cameraPatchFrom(
  original: CameraFormState,
  state: CameraFormState,
): Partial<CameraInput> {
  const before = cameraInputFrom(original);
  const after = cameraInputFrom(state);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof CameraInput)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) patch[key] = after[key];
  }
  // Empty stream boxes mean "unchanged", never "remove".
  if (patch.mainStreamUrl === null) delete patch.mainStreamUrl;
  if (patch.subStreamUrl === null) delete patch.subStreamUrl;
  return patch;
}
