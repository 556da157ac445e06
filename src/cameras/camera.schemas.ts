import Type, { type Static, type TSchema } from 'typebox';
import { cameraStatuses, consentTiers, literals, ownerKinds } from './camera.types';

// Response shapes. They double as the serialiser's whitelist: a field not listed here never
// leaves the server, which is a second guard (after the view mapper) for stream credentials.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const CameraSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  ownerKind: literals(ownerKinds),
  ownerUserId: nullable(Type.String()),
  /** Null when the caller may not see the owner's contact (see `contactHidden`). */
  ownerName: nullable(Type.String()),
  ownerPhone: nullable(Type.String()),
  ownerEmail: nullable(Type.String()),
  /** True when contact details exist but need a `reason` (GET one with `?reason=`) to be shown. */
  contactHidden: Type.Boolean(),
  jurisdictionId: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  address: nullable(Type.String()),
  latitude: Type.Number(),
  longitude: Type.Number(),
  heading: Type.Integer(),
  fov: Type.Integer(),
  rangeM: Type.Integer(),
  status: literals(cameraStatuses),
  /** The tier in force now: a granted tier past its expiry counts as `registry_only`. */
  consentTier: literals(consentTiers),
  consentTierGranted: literals(consentTiers),
  consentExpiresAt: nullable(Type.String({ format: 'date-time' })),
  hasMainStream: Type.Boolean(),
  hasSubStream: Type.Boolean(),
  /** The stream URL without credentials; null when the consent tier does not let the caller see it. */
  mainStreamDisplay: nullable(Type.String()),
  subStreamDisplay: nullable(Type.String()),
  recordingEnabled: Type.Boolean(),
  retentionDays: Type.Integer(),
  signagePosted: Type.Boolean(),
  installedOn: nullable(Type.String()),
  fundingSource: nullable(Type.String()),
  costVnd: nullable(Type.Number()),
  makeModel: nullable(Type.String()),
  notes: nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  decommissionedAt: nullable(Type.String({ format: 'date-time' })),
  canEdit: Type.Boolean(),
  canChangeConsent: Type.Boolean(),
});
export type Camera = Static<typeof CameraSchema>;

export const MapCameraSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  heading: Type.Integer(),
  fov: Type.Integer(),
  rangeM: Type.Integer(),
  ownerKind: literals(ownerKinds),
  status: literals(cameraStatuses),
  consentTier: literals(consentTiers),
});
export type MapCamera = Static<typeof MapCameraSchema>;

export const CameraListSchema = Type.Object({
  items: Type.Array(CameraSchema),
  total: Type.Integer(),
});
export const CameraItemsSchema = Type.Object({ items: Type.Array(CameraSchema) });
export const MapCameraListSchema = Type.Object({
  items: Type.Array(MapCameraSchema),
  /** True when the viewport held more cameras than the map answer carries: zoom in. */
  truncated: Type.Boolean(),
});

export const ImportResultSchema = Type.Object({ imported: Type.Integer(), dryRun: Type.Boolean() });
