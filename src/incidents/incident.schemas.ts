import Type, { type Static, type TSchema } from 'typebox';
import { consentTiers, literals } from '../cameras/camera.types';
import { availabilities } from './finder';
import { helpedByValues, incidentStatuses, incidentTypes } from './incident.vocabulary';

// The JSON shapes of cases and of the finder, as the API sends them and the web app reads them.

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Instant = Type.String({ description: 'ISO-8601, UTC' });

export const IncidentSchema = Type.Object({
  id: Type.String(),
  caseNumber: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  jurisdictionPath: Type.String(),
  type: literals(incidentTypes),
  description: Type.String(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  address: Nullable(Type.String()),
  from: Instant,
  to: Instant,
  reporterName: Nullable(Type.String()),
  reporterPhone: Nullable(Type.String()),
  status: literals(incidentStatuses),
  openedAt: Instant,
  investigatingAt: Nullable(Instant),
  resolvedAt: Nullable(Instant),
  closedAt: Nullable(Instant),
  outcome: Type.Object({
    footageHelped: Nullable(Type.Boolean()),
    helpedBy: Type.Array(literals(helpedByValues)),
    note: Nullable(Type.String()),
  }),
  createdBy: Nullable(Type.String()),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Incident = Static<typeof IncidentSchema>;

const SpanSchema = Type.Object({ from: Instant, to: Instant });

export const FoundSchema = Type.Object({
  camera: Type.Object({
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    latitude: Type.Number(),
    longitude: Type.Number(),
    heading: Type.Number(),
    fov: Type.Number(),
    rangeM: Type.Number(),
    status: Type.String(),
    consentTier: literals(consentTiers),
    ownerKind: Type.String(),
    recording: Type.Boolean(),
  }),
  distanceM: Type.Number(),
  bearing: Type.Number(),
  offAxis: Type.Number(),
  sees: Type.Boolean(),
  withinRadius: Type.Boolean(),
  availability: literals(availabilities),
  coverage: literals(['full', 'partial', 'none']),
  recorded: Type.Array(SpanSchema),
  gaps: Type.Array(SpanSchema),
  recordedSeconds: Type.Number(),
});
export type FoundJson = Static<typeof FoundSchema>;

export const FinderResultSchema = Type.Object({
  query: Type.Object({
    latitude: Type.Number(),
    longitude: Type.Number(),
    radiusM: Type.Number(),
    from: Instant,
    to: Instant,
  }),
  seeing: Type.Integer(),
  nearby: Type.Integer(),
  groups: Type.Object({
    recorded: Type.Array(FoundSchema),
    on_request: Type.Array(FoundSchema),
    registry_only: Type.Array(FoundSchema),
    offline: Type.Array(FoundSchema),
  }),
});
export type FinderResultJson = Static<typeof FinderResultSchema>;
