import Type, { type TSchema } from 'typebox';

// Request and response shapes of the footage-request routes (OpenAPI is generated from these).

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Instant = Type.String({ format: 'date-time', description: 'ISO-8601, UTC' });
/** Lengths are checked after NFC normalisation and trimming, so the error names the field. */
const Reason = Type.String({ maxLength: 2000 });

const statuses = ['pending', 'approved', 'declined', 'fulfilled', 'cancelled'] as const;
export const StatusSchema = Type.Enum(statuses);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const FootageRequestSchema = Type.Object({
  id: Type.String(),
  incidentId: Type.String(),
  caseNumber: Type.String(),
  cameraId: Type.String(),
  cameraCode: Type.String(),
  cameraName: Type.String(),
  address: Nullable(Type.String()),
  ownerUserId: Nullable(Type.String()),
  from: Type.String(),
  to: Type.String(),
  reason: Type.String(),
  deadline: Type.String(),
  status: StatusSchema,
  declineReason: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  extraction: Nullable(Type.Enum(['pending', 'done', 'failed'] as const)),
  extractionError: Nullable(Type.String()),
  itemIds: Type.Array(Type.String()),
  createdAt: Type.String(),
  createdByName: Nullable(Type.String()),
  recordedByUs: Type.Boolean(),
});

export const RequestList = Type.Object({ items: Type.Array(FootageRequestSchema) });

export const CreateBody = Type.Object(
  {
    cameraIds: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200 }),
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
    reason: Reason,
    deadline: Instant,
  },
  { additionalProperties: false },
);

export const ReasonBody = Type.Object({ reason: Reason }, { additionalProperties: false });

export const MyRequestsQuery = Type.Object(
  {
    status: Type.Optional(StatusSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);

export const UploadQuery = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 255 }),
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
  },
  { additionalProperties: false },
);
