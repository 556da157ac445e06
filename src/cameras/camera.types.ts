import Type, { type Static } from 'typebox';

export {
  cameraStatuses,
  consentTiers,
  ownerKinds,
  type CameraStatus,
  type ConsentTier,
  type OwnerKind,
} from './camera.vocabulary';
import {
  cameraStatuses,
  consentTiers,
  ownerKinds,
  type ConsentTier,
  type OwnerKind,
} from './camera.vocabulary';

/** A closed set of strings, typed as their union (`Type.Union` over a mapped array would lose it). */
export const literals = <const T extends string[]>(values: readonly [...T]) => Type.Enum<T>(values);

/**
 * What a client sends to create a camera (the API body and each CSV row, after parsing).
 * Stream URLs are write-only: responses carry only `hasMainStream` and a redacted display form.
 */
export const CameraInputSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    ownerKind: literals(ownerKinds),
    ownerName: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    ownerPhone: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    ownerEmail: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    /** The owning user (self-service registration sets it to the caller). */
    ownerUserId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    /** Either the unit's id or its official code. */
    jurisdictionId: Type.Optional(Type.String()),
    jurisdictionCode: Type.Optional(Type.String()),
    address: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
    latitude: Type.Number({ minimum: -90, maximum: 90 }),
    longitude: Type.Number({ minimum: -180, maximum: 180 }),
    heading: Type.Integer({ minimum: 0, maximum: 359 }),
    fov: Type.Integer({ minimum: 1, maximum: 360 }),
    rangeM: Type.Integer({ minimum: 1, maximum: 1000 }),
    status: Type.Optional(literals(cameraStatuses)),
    consentTier: Type.Optional(literals(consentTiers)),
    consentExpiresAt: Type.Optional(
      Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    ),
    mainStreamUrl: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
    subStreamUrl: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
    recordingEnabled: Type.Optional(Type.Boolean()),
    retentionDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
    signagePosted: Type.Optional(Type.Boolean()),
    installedOn: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
    fundingSource: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    costVnd: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
    makeModel: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    notes: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CameraInput = Static<typeof CameraInputSchema>;

/** Owner kinds a camera owner may register themselves; the others belong to a unit. */
export const selfServiceOwnerKinds: readonly OwnerKind[] = [
  'household',
  'business',
  'school',
  'agency',
];
/** Owner kinds whose contact details are private: police and officials see them only with a reason. */
export const contactProtectedOwnerKinds: readonly OwnerKind[] = ['household', 'business', 'school'];

export const isOwnerKind = (value: string): value is OwnerKind =>
  (ownerKinds as readonly string[]).includes(value);
export const isConsentTier = (value: string): value is ConsentTier =>
  (consentTiers as readonly string[]).includes(value);

/** A partial input, for PATCH: the same fields, each optional. */
export const CameraPatchSchema = Type.Partial(CameraInputSchema);
export type CameraPatch = Static<typeof CameraPatchSchema>;

/** The filters shared by the list, the map and the exports. */
export const CameraFilterQuerySchema = Type.Object({
  jurisdictionId: Type.Optional(Type.String({ minLength: 1 })),
  ownerKind: Type.Optional(literals(ownerKinds)),
  status: Type.Optional(literals(cameraStatuses)),
  consentTier: Type.Optional(literals(consentTiers)),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  bbox: Type.Optional(
    Type.String({
      description: 'minLng,minLat,maxLng,maxLat',
      examples: ['105.78,21.06,105.80,21.08'],
    }),
  ),
});
export type CameraFilterQuery = Static<typeof CameraFilterQuerySchema>;

/**
 * The CSV columns, in order, and the input field each one fills. Import accepts them in any
 * order (the required ones must be present); export writes them in this order, minus stream URLs.
 */
export const csvColumns = {
  code: 'code',
  name: 'name',
  owner_kind: 'ownerKind',
  owner_name: 'ownerName',
  owner_phone: 'ownerPhone',
  jurisdiction_code: 'jurisdictionCode',
  address: 'address',
  latitude: 'latitude',
  longitude: 'longitude',
  heading: 'heading',
  fov: 'fov',
  range_m: 'rangeM',
  status: 'status',
  consent_tier: 'consentTier',
  main_stream_url: 'mainStreamUrl',
  recording_enabled: 'recordingEnabled',
  retention_days: 'retentionDays',
  signage_posted: 'signagePosted',
  installed_on: 'installedOn',
  funding_source: 'fundingSource',
  cost_vnd: 'costVnd',
} as const satisfies Record<string, keyof CameraInput>;
/** Accepted on import besides the standard columns. */
export const optionalCsvColumns = {
  owner_email: 'ownerEmail',
  consent_expires_at: 'consentExpiresAt',
  sub_stream_url: 'subStreamUrl',
  make_model: 'makeModel',
  notes: 'notes',
} as const satisfies Record<string, keyof CameraInput>;
export type CsvColumn = keyof typeof csvColumns | keyof typeof optionalCsvColumns;
export const requiredCsvColumns: readonly CsvColumn[] = [
  'code',
  'name',
  'owner_kind',
  'jurisdiction_code',
  'latitude',
  'longitude',
  'heading',
  'fov',
  'range_m',
];
