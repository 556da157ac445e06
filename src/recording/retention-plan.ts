// Which segments retention deletes, decided without touching the database or the disk, so every
// rule (age per camera, quota, free disk, holds) is unit-tested on plain arrays.

export const DAY_MS = 86_400_000;

/** One indexed segment as retention sees it. */
export interface SegmentCandidate {
  id: string;
  cameraId: string;
  startMs: number;
  endMs: number;
  bytes: number;
  /** Relative to the media folder. */
  path: string;
  /** The row's file is already gone: deleting it frees nothing on disk. */
  missing: boolean;
}

/** An active hold: footage of this camera in [fromMs, toMs] must be kept. */
export interface HoldRange {
  cameraId: string;
  fromMs: number;
  toMs: number;
}

export type DeletionReason = 'age' | 'quota' | 'low_disk';

export interface Deletion {
  segment: SegmentCandidate;
  reason: DeletionReason;
}

export interface PlanInput {
  nowMs: number;
  /** Candidates; the planner considers them oldest first whatever order they come in. */
  segments: readonly SegmentCandidate[];
  /** Days each camera keeps; a camera missing here is not limited by age. */
  retentionDays: ReadonlyMap<string, number>;
  holds: readonly HoldRange[];
  /** Bytes above the storage quota still to free (0 when there is no quota or it is met). */
  quotaExcessBytes: number;
  /** Bytes missing to reach the minimum free disk (0 when there is enough). */
  diskShortfallBytes: number;
}

export interface RetentionPlan {
  deletions: Deletion[];
  /** What is still to free after these deletions. */
  quotaExcessBytes: number;
  diskShortfallBytes: number;
  /** Segments that would have been deleted but lie under a hold. */
  heldSkipped: { segments: number; bytes: number };
}

/** Holds grouped by camera, so each segment is checked against its own camera's holds only. */
export function holdsByCamera(holds: readonly HoldRange[]): Map<string, HoldRange[]> {
  const byCamera = new Map<string, HoldRange[]>();
  for (const hold of holds) {
    const list = byCamera.get(hold.cameraId);
    if (list) list.push(hold);
    else byCamera.set(hold.cameraId, [hold]);
  }
  return byCamera;
}

/**
 * A segment touching a hold's range at all is kept: a segment that ends exactly where a hold
 * starts may still hold its first frame, and keeping 10 s too much costs nothing.
 */
export function overlapsHold(
  segment: Pick<SegmentCandidate, 'startMs' | 'endMs'>,
  holds: readonly HoldRange[] | undefined,
): boolean {
  if (!holds) return false;
  return holds.some((hold) => segment.startMs <= hold.toMs && segment.endMs >= hold.fromMs);
}

/** True when the camera's retention period has passed for the whole segment. */
export function isExpired(
  segment: Pick<SegmentCandidate, 'cameraId' | 'endMs'>,
  retentionDays: ReadonlyMap<string, number>,
  nowMs: number,
): boolean {
  const days = retentionDays.get(segment.cameraId);
  if (days === undefined || days <= 0) return false;
  return segment.endMs <= nowMs - days * DAY_MS;
}

export function oldestFirst(a: SegmentCandidate, b: SegmentCandidate): number {
  return a.startMs - b.startMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Bytes to free for the quota and for the minimum free disk. Both are met by deleting the same
 * oldest footage, so they are tracked apart and each deletion counts against both.
 */
export function spaceNeeded(figures: {
  indexedBytes: number;
  quotaBytes: number;
  freeBytes: number | null;
  minFreeBytes: number;
}): { quotaExcessBytes: number; diskShortfallBytes: number } {
  const quotaExcessBytes =
    figures.quotaBytes > 0 ? Math.max(0, figures.indexedBytes - figures.quotaBytes) : 0;
  const diskShortfallBytes =
    figures.minFreeBytes > 0 && figures.freeBytes !== null
      ? Math.max(0, figures.minFreeBytes - figures.freeBytes)
      : 0;
  return { quotaExcessBytes, diskShortfallBytes };
}

/**
 * Oldest first: a segment past its camera's retention goes for `age`; otherwise, while the quota
 * or the free-disk floor is not met, it goes for `quota` (then `low_disk`). A segment under an
 * active hold is never planned, whatever the pressure; it is counted so the caller can say
 * that held footage is what stands in the way.
 */
export function planRetention(input: PlanInput): RetentionPlan {
  const holds = holdsByCamera(input.holds);
  let quotaExcess = Math.max(0, input.quotaExcessBytes);
  let diskShortfall = Math.max(0, input.diskShortfallBytes);
  const deletions: Deletion[] = [];
  const heldSkipped = { segments: 0, bytes: 0 };

  for (const segment of [...input.segments].sort(oldestFirst)) {
    const expired = isExpired(segment, input.retentionDays, input.nowMs);
    // A row whose file is gone frees no space: only age removes it.
    const spaceWanted = !segment.missing && (quotaExcess > 0 || diskShortfall > 0);
    if (!expired && !spaceWanted) continue;
    if (overlapsHold(segment, holds.get(segment.cameraId))) {
      heldSkipped.segments += 1;
      heldSkipped.bytes += segment.bytes;
      continue;
    }
    const reason: DeletionReason = expired ? 'age' : quotaExcess > 0 ? 'quota' : 'low_disk';
    deletions.push({ segment, reason });
    if (!segment.missing) {
      quotaExcess = Math.max(0, quotaExcess - segment.bytes);
      diskShortfall = Math.max(0, diskShortfall - segment.bytes);
    }
  }
  return {
    deletions,
    quotaExcessBytes: quotaExcess,
    diskShortfallBytes: diskShortfall,
    heldSkipped,
  };
}
