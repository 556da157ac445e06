import { sql } from 'kysely';
import { projectionAt, radiusLimits } from '../incidents/finder';
import { runFinder } from '../incidents/finder.service';
import { unitAtPoint } from '../incidents/unit-at-point';
import type { AppContext } from '../platform/context';
import type { Spot, SpotCamera } from './demo-incidents-outcome';
import type { WardStory } from './demo-incidents-story';
import { round5, seededRandom, type Random } from './demo-random';

// The places of the demo's cases, found the way an officer's case would be: a point in front of
// a camera (inside its wedge) or a point on a street no camera sees, resolved to its unit by the
// units' outlines and checked with the camera finder, whose `seeing` count is what a case filed
// there stores as its candidate cameras. A point that falls in another ward is dropped.

interface CameraRow {
  id: string;
  code: string;
  latitude: number;
  longitude: number;
  heading: number;
  fov: number;
  range_m: number;
  address: string | null;
  installed_on: string | null;
  consent_tier: string;
  owner_user_id: string | null;
  recording_enabled: number;
  main_stream_enc: string | null;
}

export interface WardUnit {
  id: string;
  code: string;
  path: string;
  latitude: number | null;
  longitude: number | null;
}

const cameraColumns = [
  'id',
  'code',
  'latitude',
  'longitude',
  'heading',
  'fov',
  'range_m',
  'address',
  'installed_on',
  'consent_tier',
  'owner_user_id',
  'recording_enabled',
  'main_stream_enc',
] as const;

/** The cameras on the street in a unit's subtree (planned ones have not seen anything yet). */
export async function camerasUnder(ctx: AppContext, path: string): Promise<CameraRow[]> {
  return ctx.db.kysely
    .selectFrom('cameras')
    .select([...cameraColumns])
    .where(sql<string>`substr(jurisdiction_path, 1, ${path.length})`, '=', path)
    .where('status', 'not in', ['planned', 'decommissioned'])
    .orderBy('code')
    .execute();
}

function spotCamera(row: CameraRow): SpotCamera {
  return {
    id: row.id,
    installedOn: row.installed_on,
    consentTier: row.consent_tier,
    recorded: Number(row.recording_enabled) === 1 && row.main_stream_enc !== null,
    ownerUserId: row.owner_user_id,
  };
}

/** A point well inside a camera's wedge: mid-range, near its axis. */
function pointInView(random: Random, camera: CameraRow): { latitude: number; longitude: number } {
  const distanceM = camera.range_m * random.between(0.35, 0.7);
  const angle =
    ((camera.heading + random.between(-camera.fov / 4, camera.fov / 4)) * Math.PI) / 180;
  const { northM, eastM } = projectionAt(camera.latitude);
  return {
    latitude: round5(camera.latitude + (distanceM * Math.cos(angle)) / northM),
    longitude: round5(camera.longitude + (distanceM * Math.sin(angle)) / eastM),
  };
}

interface Resolver {
  /** The spot at a point of the ward, or null when the point lies in another unit. */
  spot(point: { latitude: number; longitude: number }, address: string): Promise<Spot | null>;
}

function resolver(ctx: AppContext, ward: WardUnit, known: Map<string, SpotCamera>): Resolver {
  const now = ctx.now();
  return {
    async spot(point, address) {
      const unit = await unitAtPoint(ctx.db, point.latitude, point.longitude, now);
      if (!unit || unit.caseUnitId !== ward.id) return null;
      const found = await runFinder(ctx, {
        ...point,
        radiusM: radiusLimits.defaultM,
        fromMs: now.getTime() - 3_600_000,
        toMs: now.getTime(),
      });
      const seeingIds = Object.values(found.groups)
        .flat()
        .filter((item) => item.sees)
        .map((item) => item.camera.id);
      await learnCameras(ctx, known, seeingIds);
      return {
        ...point,
        address,
        unitPath: unit.path,
        caseUnitId: unit.caseUnitId,
        caseUnitCode: unit.caseUnitCode,
        seeing: seeingIds.map((id) => known.get(id)!),
      };
    },
  };
}

/** Cameras of a neighbouring unit can see across the border: fetch what the plan needs of them. */
async function learnCameras(
  ctx: AppContext,
  known: Map<string, SpotCamera>,
  ids: readonly string[],
): Promise<void> {
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length === 0) return;
  const rows = await ctx.db.kysely
    .selectFrom('cameras')
    .select([...cameraColumns])
    .where('id', 'in', missing)
    .execute();
  for (const row of rows) known.set(row.id, spotCamera(row));
}

/** How many street points a ward tries for the places no camera sees, and how many it keeps. */
const streetTries = 60;
const streetSpots = 12;

/** The watched and unwatched places of one ward of the story. */
export async function wardSpots(
  ctx: AppContext,
  ward: WardUnit,
  story: WardStory,
): Promise<{ watched: Spot[]; unwatched: Spot[] }> {
  const random = seededRandom(`demo-incident-spots|${ward.code}`);
  const cameras = await camerasUnder(ctx, ward.path);
  const known = new Map(cameras.map((row) => [row.id, spotCamera(row)]));
  const resolve = resolver(ctx, ward, known);
  const watched: Spot[] = [];
  for (const camera of cameras) {
    if (story.cameraPrefix !== null && !camera.code.startsWith(story.cameraPrefix)) continue;
    const point = pointInView(random, camera);
    const spot = await resolve.spot(point, camera.address ?? random.pick(story.streets));
    if (spot && spot.seeing.length > 0) watched.push(spot);
  }
  const unwatched: Spot[] = [];
  if (ward.latitude === null || ward.longitude === null) return { watched, unwatched };
  for (let i = 0; i < streetTries && unwatched.length < streetSpots; i++) {
    const point = {
      latitude: round5(ward.latitude + random.between(-0.007, 0.007)),
      longitude: round5(ward.longitude + random.between(-0.007, 0.007)),
    };
    const spot = await resolve.spot(point, random.pick(story.streets));
    if (spot && spot.seeing.length === 0) unwatched.push(spot);
  }
  return { watched, unwatched };
}
