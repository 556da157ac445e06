import Type, { type Static } from 'typebox';
import { healthStates } from './health';

// The recording API's shapes: validated on the way in, documented in OpenAPI.

const Instant = Type.String({ format: 'date-time' });
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const RecordingStatusSchema = Type.Object({
  cameraId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  state: Type.Enum([...healthStates]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  /** When the camera entered this state. */
  since: Type.Union([Instant, Type.Null()]),
  uptimePct24h: NullableNumber,
  bitrateKbps: NullableNumber,
  fps: NullableNumber,
  /** Recording is switched on for the camera. */
  recording: Type.Boolean(),
  /** The caller may switch recording on or off. */
  canControl: Type.Boolean(),
  /** People watching the camera live (main and sub streams) through this server now. */
  viewers: Type.Integer(),
});
/** What the recording service composes; the route adds the live domain's `viewers`. */
export type RecordingStatus = Omit<Static<typeof RecordingStatusSchema>, 'viewers'>;
export type RecordingStatusWithViewers = Static<typeof RecordingStatusSchema>;

export const RecordingStatusListSchema = Type.Object({ items: Type.Array(RecordingStatusSchema) });

export const SegmentSchema = Type.Object({
  id: Type.String(),
  startAt: Instant,
  endAt: Instant,
  durationMs: Type.Integer(),
  bytes: Type.Integer(),
  codec: Type.Union([Type.String(), Type.Null()]),
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
  hasAudio: Type.Boolean(),
  state: Type.Enum(['ok', 'missing']),
});

export const GapSchema = Type.Object({
  startAt: Instant,
  /** Null while the gap is open: the camera has not come back yet. */
  endAt: Type.Union([Instant, Type.Null()]),
  reason: Type.String(),
});

export const SegmentListSchema = Type.Object({
  items: Type.Array(SegmentSchema),
  gaps: Type.Array(GapSchema),
});
export type SegmentList = Static<typeof SegmentListSchema>;

export const SegmentQuerySchema = Type.Object({
  from: Type.Optional(
    Type.String({
      format: 'date-time',
      description: 'start (ISO 8601); default: 24 h before `to`',
    }),
  ),
  to: Type.Optional(
    Type.String({ format: 'date-time', description: 'end (ISO 8601); default: now' }),
  ),
});

export const SetRecordingSchema = Type.Object(
  {
    enabled: Type.Boolean(),
    reason: Type.String({ minLength: 1, maxLength: 500, description: 'recorded in the audit log' }),
  },
  { additionalProperties: false },
);

export const StatusQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 1000 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
