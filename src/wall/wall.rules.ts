import type { Actor, Role } from '../auth/actor';
import { footageRoles, liveAccess } from '../cameras/footage.access';
import { ownsCamera, type CameraAccessFacts } from '../cameras/camera.access';
import { badRequest } from '../platform/http/errors';
import { normalizeText } from '../platform/text';

// What a saved video wall may hold. Pure: the service loads rows and calls these.

/** Who keeps walls: everyone who can watch live (police, and owners for their own cameras). */
export const wallRoles = [...footageRoles, 'camera_owner'] as const satisfies readonly Role[];
export const wallSizes = [1, 4, 9, 16] as const;
export type WallSize = (typeof wallSizes)[number];
export const maxLayoutsPerUser = 50;
export const maxNameLength = 80;
/**
 * Ids in one `GET /api/wall/cameras`: a wall's tiles, or a page of the camera list deciding
 * which thumbnails it may load.
 */
export const maxCameraIdsPerQuery = 100;

export interface LayoutInput {
  name: string;
  size: number;
  cameraIds: (string | null)[];
}

export interface ValidLayout {
  name: string;
  size: WallSize;
  cameraIds: (string | null)[];
}

export const isWallSize = (value: number): value is WallSize =>
  (wallSizes as readonly number[]).includes(value);

/** Checks the shape of a layout (the cameras themselves are checked against the database). */
export function validateLayout(input: LayoutInput): ValidLayout {
  const name = normalizeText(input.name);
  if (name.length < 1 || name.length > maxNameLength)
    throw badRequest(`name must be 1–${maxNameLength} characters`, 'name');
  const { size } = input;
  if (!isWallSize(size)) throw badRequest('size must be 1, 4, 9 or 16', 'size');
  if (input.cameraIds.length !== size)
    throw badRequest(`cameraIds must have one entry per tile (${size})`, 'cameraIds');
  const cameraIds = input.cameraIds.map((id) => (id === null ? null : id.trim() || null));
  const placed = cameraIds.filter((id): id is string => id !== null);
  if (new Set(placed).size !== placed.length)
    throw badRequest('a camera may fill only one tile', 'cameraIds');
  return { name, size, cameraIds };
}

/** The camera ids of a stored layout, padded or cut to its size so one bad row cannot break a wall. */
export function parseCameraIds(json: string, size: number): (string | null)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    // A damaged row shows as an empty wall the user can fill and save again.
    parsed = [];
  }
  const list = Array.isArray(parsed) ? parsed : [];
  return Array.from({ length: size }, (_, index) => {
    const value: unknown = list[index];
    return typeof value === 'string' && value.length > 0 ? value : null;
  });
}

/**
 * Whether a tile may play. `on_alarm`: the owner shares live view only while an alarm or open
 * incident grants it, and none is active now; with an active grant the camera is `allowed`.
 */
export type WallLive = 'allowed' | 'on_alarm' | 'denied';

export interface WallLiveDecision {
  live: WallLive;
  liveMessage: string | null;
  /** Whether viewing needs a reason (everyone's camera but the caller's own). */
  reasonRequired: boolean;
}

/** Whether an active alarm grant would change the answer, so the service need only look then. */
export function grantMatters(actor: Actor, row: CameraAccessFacts, now: Date): boolean {
  return !liveAccess(actor, row, now, false).allowed && liveAccess(actor, row, now, true).allowed;
}

/** `granted`: an alarm or open incident grants live view of the camera right now. */
export function wallLive(
  actor: Actor,
  row: CameraAccessFacts,
  now: Date,
  granted: boolean,
): WallLiveDecision {
  const decision = liveAccess(actor, row, now, granted);
  if (decision.allowed)
    return { live: 'allowed', liveMessage: null, reasonRequired: decision.reasonRequired };
  const live = grantMatters(actor, row, now) ? 'on_alarm' : 'denied';
  return { live, liveMessage: decision.message, reasonRequired: !ownsCamera(actor, row) };
}
