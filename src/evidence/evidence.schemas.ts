import Type, { type TSchema } from 'typebox';
import { custodyActions } from './evidence.types';

// Request and response shapes of the evidence routes (OpenAPI is generated from these).

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Instant = Type.String({ format: 'date-time', description: 'ISO-8601, UTC' });
const Interval = Nullable(Type.Object({ from: Type.String(), to: Type.String() }));

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const MediaSummarySchema = Type.Object({
  format: Type.String(),
  durationS: Nullable(Type.Number()),
  video: Nullable(
    Type.Object({
      codec: Type.String(),
      width: Nullable(Type.Number()),
      height: Nullable(Type.Number()),
    }),
  ),
  audio: Nullable(Type.Object({ codec: Type.String() })),
});

export const EvidenceSourceSchema = Type.Object({
  cameraId: Nullable(Type.String()),
  cameraCode: Nullable(Type.String()),
  cameraName: Nullable(Type.String()),
  ownerKind: Nullable(Type.String()),
  ownerName: Nullable(Type.String()),
  address: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  heading: Nullable(Type.Number()),
  makeModel: Nullable(Type.String()),
});

export const EvidenceItemSchema = Type.Object({
  id: Type.String(),
  incidentId: Type.String(),
  requestId: Nullable(Type.String()),
  kind: Type.Union([Type.Literal('extract'), Type.Literal('upload'), Type.Literal('viewing_copy')]),
  derivedFrom: Nullable(Type.String()),
  source: EvidenceSourceSchema,
  fileName: Type.String(),
  mime: Type.String(),
  bytes: Type.Number(),
  sha256: Type.String(),
  media: Nullable(MediaSummarySchema),
  requested: Interval,
  delivered: Interval,
  clockOffset: Nullable(
    Type.Object({
      ms: Type.Number(),
      method: Type.Union([Type.Literal('stream'), Type.Literal('officer')]),
      by: Nullable(Type.String()),
      byName: Nullable(Type.String()),
      at: Type.String(),
      note: Nullable(Type.String()),
    }),
  ),
  collectedBy: Nullable(Type.String()),
  collectedByName: Nullable(Type.String()),
  collectedAt: Type.String(),
  viewingCopyId: Nullable(Type.String()),
});

export const CustodyEventSchema = Type.Object({
  id: Type.String(),
  seq: Type.Number(),
  at: Type.String(),
  actorId: Nullable(Type.String()),
  actorUsername: Nullable(Type.String()),
  action: Type.String({ description: custodyActions.join(', ') }),
  details: Type.Unknown({ description: 'an object, or null' }),
  auditSeq: Nullable(Type.Number()),
  prevHash: Type.String(),
  hash: Type.String(),
});

export const CustodySchema = Type.Object({
  items: Type.Array(CustodyEventSchema),
  chainOk: Type.Boolean(),
  problem: Nullable(Type.String({ description: 'the first broken link, when chainOk is false' })),
});

export const ExtractBody = Type.Object(
  {
    cameraId: Type.String({ minLength: 1, maxLength: 100 }),
    from: Instant,
    to: Instant,
  },
  { additionalProperties: false },
);

export const ClockOffsetBody = Type.Object(
  {
    offsetMs: Type.Integer({
      minimum: -7 * 24 * 3_600_000,
      maximum: 7 * 24 * 3_600_000,
      description: 'camera clock minus true time (positive: the camera runs ahead)',
    }),
    note: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const ReasonQuery = Type.Object({
  reason: Type.Optional(Type.String({ maxLength: 1000 })),
});
