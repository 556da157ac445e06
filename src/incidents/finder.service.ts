import { inScope, type Actor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { IncidentTable } from '../platform/db/schema';
import { badRequest, forbidden } from '../platform/http/errors';
import type { Span } from '../playback/timeline';
import {
  availabilities,
  findCameras,
  parseFinderQuery,
  radiusLimits,
  requirePointInUnit,
  type FinderInput,
  type FinderQuery,
  type FinderResult,
  type FoundCamera,
} from './finder';
import { finderCandidates, recordedCoverage } from './finder.repo';
import { cameraFacts } from './incident.repo';
import type { FinderResultJson, FoundJson } from './incident.schemas';
import { unitAtPoint } from './unit-at-point';

// The finder as the API serves it: the candidates and coverage from the repo, the ranking from
// finder.ts, then only the cameras the officer may work with (their jurisdiction), named.

/** The open finder's radius rule, for a case's finder too. */
export function checkRadius(radiusM: number): void {
  if (!Number.isFinite(radiusM) || radiusM < radiusLimits.minM || radiusM > radiusLimits.maxM) {
    throw badRequest(
      `radiusM must be between ${radiusLimits.minM} and ${radiusLimits.maxM} metres`,
      'radiusM',
    );
  }
}

/** Every camera that could have seen the point in the window, whoever asks. */
export async function runFinder(ctx: AppContext, query: FinderQuery): Promise<FinderResult> {
  const now = ctx.now();
  const cameras = await finderCandidates(ctx.db, query, now);
  const coverage = await recordedCoverage(
    ctx.db,
    cameras.map((camera) => camera.id),
    query,
  );
  return findCameras(query, cameras, coverage, now.getTime());
}

/** The finder around a case's point over its window (default radius 200 m). */
export async function incidentFinder(
  ctx: AppContext,
  incident: IncidentTable,
  radiusM?: number,
): Promise<FinderResult> {
  const query: FinderQuery = {
    latitude: incident.latitude,
    longitude: incident.longitude,
    radiusM: radiusM ?? radiusLimits.defaultM,
    fromMs: Number(incident.from_ms),
    toMs: Number(incident.to_ms),
  };
  if (radiusM !== undefined) checkRadius(radiusM);
  return runFinder(ctx, query);
}

export interface NamedFinderResult {
  result: FinderResult;
  names: Map<string, string>;
}

/** Keeps the cameras in the actor's jurisdiction (all for an admin) and recounts. */
export async function scopeFinderResult(
  ctx: AppContext,
  actor: Actor,
  result: FinderResult,
): Promise<NamedFinderResult> {
  const all = availabilities.flatMap((availability) => result.groups[availability]);
  const facts = await cameraFacts(
    ctx.db,
    all.map((found) => found.camera.id),
  );
  const visible = (found: FoundCamera) => {
    const path = facts.get(found.camera.id)?.path;
    return path !== undefined && (actor.role === 'admin' || inScope(actor, path));
  };
  const groups = { ...result.groups };
  for (const availability of availabilities) {
    groups[availability] = result.groups[availability].filter(visible);
  }
  const kept = availabilities.flatMap((availability) => groups[availability]);
  const seeing = kept.filter((found) => found.sees).length;
  const names = new Map([...facts].map(([id, fact]) => [id, fact.name]));
  return { result: { ...result, groups, seeing, nearby: kept.length - seeing }, names };
}

/** The open finder: the point must lie in a unit within the actor's jurisdiction. */
export async function finderAt(
  ctx: AppContext,
  actor: Actor,
  input: FinderInput,
): Promise<FinderResultJson> {
  const query = parseFinderQuery(input, ctx.now().getTime());
  const unit = await unitAtPoint(ctx.db, query.latitude, query.longitude, ctx.now());
  requirePointInUnit(unit?.unitId ?? null);
  if (actor.role !== 'admin' && !inScope(actor, unit!.path)) {
    throw forbidden('this place is outside your jurisdiction');
  }
  return finderJson(await scopeFinderResult(ctx, actor, await runFinder(ctx, query)));
}

const iso = (ms: number) => new Date(ms).toISOString();
const spansJson = (spans: readonly Span[]) =>
  spans.map((span) => ({ from: iso(span.startMs), to: iso(span.endMs) }));

function foundJson(found: FoundCamera, names: Map<string, string>): FoundJson {
  const { camera } = found;
  return {
    camera: {
      id: camera.id,
      code: camera.code,
      name: names.get(camera.id) ?? camera.code,
      latitude: camera.latitude,
      longitude: camera.longitude,
      heading: camera.heading,
      fov: camera.fov,
      rangeM: camera.rangeM,
      status: camera.status,
      consentTier: camera.consentTier,
      ownerKind: camera.ownerKind,
      recording: camera.recording,
    },
    distanceM: Math.round(found.distanceM * 10) / 10,
    bearing: Math.round(found.bearing * 10) / 10,
    offAxis: Math.round(found.offAxis * 10) / 10,
    sees: found.sees,
    withinRadius: found.withinRadius,
    availability: found.availability,
    coverage: found.coverage,
    recorded: spansJson(found.recorded),
    gaps: spansJson(found.gaps),
    recordedSeconds: found.recordedSeconds,
  };
}

export function finderJson({ result, names }: NamedFinderResult): FinderResultJson {
  const { query } = result;
  return {
    query: {
      latitude: query.latitude,
      longitude: query.longitude,
      radiusM: query.radiusM,
      from: iso(query.fromMs),
      to: iso(query.toMs),
    },
    seeing: result.seeing,
    nearby: result.nearby,
    groups: {
      recorded: result.groups.recorded.map((found) => foundJson(found, names)),
      on_request: result.groups.on_request.map((found) => foundJson(found, names)),
      registry_only: result.groups.registry_only.map((found) => foundJson(found, names)),
      offline: result.groups.offline.map((found) => foundJson(found, names)),
    },
  };
}
