import Type, { type Static } from 'typebox';

export const ownerKinds = ['ward', 'residential_group', 'household', 'business', 'school', 'agency'] as const;
export type OwnerKind = (typeof ownerKinds)[number];
export const cameraStatuses = ['planned', 'installed', 'online', 'offline', 'decommissioned'] as const;
export type CameraStatus = (typeof cameraStatuses)[number];
export const consentTiers = ['registry_only', 'on_request', 'live_on_alarm', 'live_always'] as const;
export type ConsentTier = (typeof consentTiers)[number];

const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

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
    consentExpiresAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
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
