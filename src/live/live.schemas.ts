import Type, { type Static } from 'typebox';

// The live API's shapes: validated on the way in, documented in OpenAPI.

const Instant = Type.String({ format: 'date-time' });

export const LiveStreamQuery = Type.Object({
  stream: Type.Optional(Type.Enum(['main', 'sub'], { default: 'main' })),
  /** Checked by the service (3–500 characters, trimmed) so the error names `reason`. */
  reason: Type.Optional(
    Type.String({ description: 'why you watch (required unless it is yours)' }),
  ),
});

export const SnapshotQuery = Type.Object({
  reason: Type.Optional(Type.String({ description: 'why you look (required unless it is yours)' })),
});

export const LiveAccessQuery = Type.Object({
  stream: Type.Optional(Type.Enum(['main', 'sub'], { default: 'main' })),
});

export const LiveAccessSchema = Type.Object({
  allowed: Type.Boolean(),
  /** A reason must be sent with `reason` (and is audited). */
  reasonRequired: Type.Boolean(),
  /** Why not, when not allowed. */
  message: Type.Union([Type.String(), Type.Null()]),
  /** Which stream URLs the camera has; a missing sub stream falls back to the main one. */
  streams: Type.Object({ main: Type.Boolean(), sub: Type.Boolean() }),
  /** When the active alarm or incident grant ends. */
  grantedUntil: Type.Union([Instant, Type.Null()]),
  /** People watching this camera live through this server now. */
  viewers: Type.Integer(),
});
export type LiveAccess = Static<typeof LiveAccessSchema>;

export const LiveGrantSchema = Type.Object({
  id: Type.String(),
  cameraId: Type.String(),
  source: Type.Enum(['alarm', 'incident']),
  sourceId: Type.Union([Type.String(), Type.Null()]),
  from: Instant,
  to: Instant,
  note: Type.String(),
  /** Username of who raised it; null when the system did. */
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Instant,
});
export type LiveGrant = Static<typeof LiveGrantSchema>;

export const LiveGrantListSchema = Type.Object({ items: Type.Array(LiveGrantSchema) });

export const AlarmBodySchema = Type.Object(
  {
    minutes: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 240,
        default: 30,
        description: 'how long live view opens',
      }),
    ),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const AlarmResultSchema = Type.Object({
  grant: LiveGrantSchema,
  /** False when the camera is not shared as `live_on_alarm`: the alarm is recorded only. */
  opensLiveView: Type.Boolean(),
});
