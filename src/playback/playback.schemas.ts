import Type, { type Static } from 'typebox';

// The shapes of the timeline, playback and download API: validated on the way in, documented
// in OpenAPI. Times are ISO 8601 UTC instants.

const Instant = Type.String({ format: 'date-time' });
const Span = Type.Object({ start: Instant, end: Instant });
const Gap = Type.Object({
  start: Instant,
  end: Instant,
  /** The recorder's reason, `missing` for files gone from disk, null when nothing explains it. */
  reason: Type.Union([Type.String(), Type.Null()]),
});

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const TimelineQuerySchema = Type.Object({
  from: Type.Optional(
    Type.String({ format: 'date-time', description: 'start; default: 24 h before `to`' }),
  ),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'end; default: now' })),
});

const reasonParameter = Type.Optional(
  Type.String({
    maxLength: 2000,
    description: 'why you need the footage (3–500 characters); required unless it is your camera',
  }),
);

export const WindowQuerySchema = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
});

export const MediaQuerySchema = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  reason: reasonParameter,
});

export const TimelineSchema = Type.Object({
  from: Instant,
  to: Instant,
  /** Recorded footage, segments less than 1.5 s apart joined. */
  ranges: Type.Array(Span),
  /** Everything up to now that is not recorded, with why when it is known. */
  gaps: Type.Array(Gap),
  holds: Type.Array(
    Type.Object({ id: Type.String(), from: Instant, to: Instant, reason: Type.String() }),
  ),
  /** Indexed footage whose files are gone. */
  missing: Type.Array(Span),
  recordedSeconds: Type.Number(),
  /** Whether the caller may play this footage back, and must give a reason to. */
  playback: Type.Object({
    allowed: Type.Boolean(),
    reasonRequired: Type.Boolean(),
    message: Type.Union([Type.String(), Type.Null()]),
  }),
});
export type Timeline = Static<typeof TimelineSchema>;

export const PlaybackWindowSchema = Type.Object({
  from: Instant,
  to: Instant,
  /** For `MediaSource.addSourceBuffer`: `video/mp4; codecs="avc1.…,mp4a.40.2"`. */
  mime: Type.String(),
  /** Wall-clock stretches of the stream, and the media time (seconds) each starts at. */
  pieces: Type.Array(Type.Object({ start: Instant, end: Instant, mediaStart: Type.Number() })),
  gaps: Type.Array(Gap),
  missing: Type.Array(Span),
  /** Length of the stream in media time: the sum of the pieces. */
  mediaSeconds: Type.Number(),
  /** The stream itself; add `reason` when one is required. */
  url: Type.String(),
});
export type PlaybackWindow = Static<typeof PlaybackWindowSchema>;
