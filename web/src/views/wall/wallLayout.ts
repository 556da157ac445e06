// The wall's arrangement as plain data: how many tiles, which camera sits where, and what a
// tile should say when it cannot show video. Free of React so the rules are tested alone.
import type { Role } from '../../api/types';

/** Who has a wall: those who can watch live (police, and owners for their own cameras). */
export const wallRoles: readonly Role[] = [
  'admin',
  'provincial_police',
  'ward_police',
  'camera_owner',
];

export const wallSizes = [1, 4, 9, 16] as const;
export type WallSize = (typeof wallSizes)[number];
export type Tiles = (string | null)[];

export const isWallSize = (value: number): value is WallSize =>
  (wallSizes as readonly number[]).includes(value);

/** Columns on a wide screen; phones use at most two (see wall.css). */
export const columnsFor = (size: WallSize): number => Math.sqrt(size);

export const emptyTiles = (size: WallSize): Tiles => Array<string | null>(size).fill(null);

/**
 * Changes the number of tiles keeping cameras in reading order: growing adds empty tiles,
 * shrinking keeps the first cameras placed (gaps close up before a camera is dropped).
 */
export function resizeTiles(tiles: Tiles, size: WallSize): Tiles {
  if (tiles.length <= size) return [...tiles, ...emptyTiles(size)].slice(0, size);
  const placed = tiles.filter((id): id is string => id !== null).slice(0, size);
  return [...placed, ...emptyTiles(size)].slice(0, size);
}

/** Puts a camera in a tile; a camera already on the wall moves there (one tile per camera). */
export function placeCamera(tiles: Tiles, index: number, cameraId: string): Tiles {
  if (index < 0 || index >= tiles.length) return tiles;
  return tiles.map((id, at) => (at === index ? cameraId : id === cameraId ? null : id));
}

export function clearTile(tiles: Tiles, index: number): Tiles {
  return tiles.map((id, at) => (at === index ? null : id));
}

/** The tile to fill next: the selected one if empty, else the first empty one, else the selected. */
export function nextTile(tiles: Tiles, selected: number): number {
  if (tiles[selected] === null) return selected;
  const empty = tiles.indexOf(null);
  return empty === -1 ? selected : empty;
}

export const sameTiles = (a: Tiles, b: Tiles): boolean =>
  a.length === b.length && a.every((id, index) => id === b[index]);

/** What the server says about a tile's camera (GET /api/wall/cameras). */
export interface WallCamera {
  id: string;
  code: string;
  name: string;
  status: string;
  consentTier: string;
  live: 'allowed' | 'on_alarm' | 'denied';
  liveMessage: string | null;
}

export type TileStatus =
  | 'empty'
  | 'loading'
  /** Deleted, or no longer readable by this user. */
  | 'unavailable'
  | 'denied'
  | 'decommissioned'
  | 'offline'
  | 'auth_failed'
  | 'error'
  | 'play';

/** Recorder states in which there is no video to show. */
const downStates = new Set(['offline', 'auth_failed', 'error']);

/**
 * Whether a tile plays or shows a status instead. `health` is the recorder's state from
 * `camera.health` events (undefined when unknown: the player is tried and speaks for itself).
 */
export function tileStatus(
  cameraId: string | null,
  camera: WallCamera | undefined,
  camerasLoaded: boolean,
  health: string | undefined,
): TileStatus {
  if (cameraId === null) return 'empty';
  if (!camera) return camerasLoaded ? 'unavailable' : 'loading';
  if (camera.live === 'denied') return 'denied';
  if (camera.status === 'decommissioned') return 'decommissioned';
  if (health !== undefined && downStates.has(health)) return health as TileStatus;
  return 'play';
}

/** Where the last used layout of each user is remembered in this browser. */
export const lastLayoutKey = (userId: string) => `matthan.wall.last.${userId}`;
