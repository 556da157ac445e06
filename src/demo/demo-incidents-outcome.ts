import { vietnamDate } from '../jurisdictions/jurisdiction-tree';
import type { FootageRequestStatus } from '../platform/db/schema';
import { declineReason } from './demo-incidents-story';
import type { Random } from './demo-random';

// What came of a demo case: footage can only help where a camera that shares footage saw the
// place and was already installed on the day; then most cases are solved within hours or days,
// the others in weeks or not at all, and the footage requests made on the way.

/** A camera whose wedge holds a place (as the finder says), with what the plan needs of it. */
export interface SpotCamera {
  id: string;
  installedOn: string | null;
  consentTier: string;
  /** We record it (recording on, a stream registered). */
  recorded: boolean;
  ownerUserId: string | null;
}

/** A place where cases happen, already resolved to its unit. */
export interface Spot {
  latitude: number;
  longitude: number;
  address: string;
  unitPath: string;
  caseUnitId: string;
  caseUnitCode: string;
  /** The finder's `seeing` cameras at this point. */
  seeing: SpotCamera[];
}

export interface PlannedRequest {
  id: string;
  cameraId: string;
  ownerUserId: string | null;
  status: FootageRequestStatus;
  createdAtMs: number;
  decidedAtMs: number | null;
  declineReason: string | null;
}

export type Outcome = 'footage' | 'without' | 'unsolved';

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.integer(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Cameras that saw the place, were up on the day and share footage on request. */
export function availableCameras(spot: Spot, atMs: number): SpotCamera[] {
  const date = vietnamDate(new Date(atMs));
  return spot.seeing.filter(
    (camera) =>
      camera.installedOn !== null &&
      camera.installedOn <= date &&
      camera.consentTier !== 'registry_only',
  );
}

export function outcomeOf(random: Random, available: number): Outcome {
  const roll = random.next();
  if (available > 0) return roll < 0.84 ? 'footage' : roll < 0.9 ? 'without' : 'unsolved';
  return roll < 0.45 ? 'without' : 'unsolved';
}

/** Hours from opening to the answer: footage gives it in hours or days, legwork in weeks. */
export function hoursToResolve(random: Random, outcome: Outcome): number {
  const r = random.next();
  switch (outcome) {
    case 'footage':
      return 3 + r * r * 90;
    case 'without':
      return 36 + r ** 1.5 * 500;
    case 'unsolved':
      return 15 * 24 + r * 45 * 24;
  }
}

export function requestsFor(
  random: Random,
  outcome: Outcome,
  available: SpotCamera[],
  openedAtMs: number,
  resolvedAtMs: number,
): Omit<PlannedRequest, 'id'>[] {
  if (available.length === 0) return [];
  if (outcome !== 'footage' && random.next() < 0.5) return [];
  const count = outcome === 'footage' ? random.integer(1, Math.min(3, available.length)) : 1;
  const span = resolvedAtMs - openedAtMs;
  return shuffled(random, available)
    .slice(0, count)
    .map((camera, index) => {
      const createdAtMs = openedAtMs + span * random.between(0.05, 0.2);
      const decidedAtMs = createdAtMs + (resolvedAtMs - createdAtMs) * random.between(0.2, 0.6);
      // The first request of a case footage solved is the one that delivered.
      const fulfilled =
        outcome === 'footage' ? index === 0 || random.next() < 0.6 : random.next() < 0.5;
      return {
        cameraId: camera.id,
        ownerUserId: camera.ownerUserId,
        status: fulfilled ? 'fulfilled' : 'declined',
        createdAtMs,
        decidedAtMs,
        declineReason: fulfilled ? null : declineReason,
      };
    });
}
