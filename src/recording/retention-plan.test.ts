import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  overlapsHold,
  planRetention,
  spaceNeeded,
  type PlanInput,
  type SegmentCandidate,
} from './retention-plan';

const now = Date.UTC(2025, 10, 20, 12, 0, 0);

function segment(
  id: string,
  cameraId: string,
  ageDays: number,
  bytes = 100,
  missing = false,
): SegmentCandidate {
  const startMs = now - ageDays * DAY_MS;
  return { id, cameraId, startMs, endMs: startMs + 10_000, bytes, path: `${id}.mp4`, missing };
}

function plan(overrides: Partial<PlanInput>) {
  return planRetention({
    nowMs: now,
    segments: [],
    retentionDays: new Map(),
    holds: [],
    quotaExcessBytes: 0,
    diskShortfallBytes: 0,
    ...overrides,
  });
}

const ids = (result: ReturnType<typeof plan>) => result.deletions.map((d) => d.segment.id);

describe('planRetention', () => {
  it('deletes only segments past their own camera’s retention days', () => {
    const result = plan({
      segments: [
        segment('a-old', 'a', 8),
        segment('a-new', 'a', 6),
        segment('b-old', 'b', 8),
        segment('b-older', 'b', 31),
      ],
      retentionDays: new Map([
        ['a', 7],
        ['b', 30],
      ]),
    });
    expect(ids(result)).toEqual(['b-older', 'a-old']);
    expect(result.deletions.every((d) => d.reason === 'age')).toBe(true);
  });

  it('frees quota oldest first across cameras and stops once the quota is met', () => {
    const result = plan({
      segments: [segment('b3', 'b', 3), segment('a1', 'a', 1), segment('a5', 'a', 5)],
      quotaExcessBytes: 150,
    });
    expect(ids(result)).toEqual(['a5', 'b3']);
    expect(result.deletions.map((d) => d.reason)).toEqual(['quota', 'quota']);
    expect(result.quotaExcessBytes).toBe(0);
  });

  it('frees space for the minimum free disk as low_disk once the quota is met', () => {
    const result = plan({
      segments: [segment('s1', 'a', 3), segment('s2', 'a', 2), segment('s3', 'a', 1)],
      quotaExcessBytes: 50,
      diskShortfallBytes: 250,
    });
    expect(ids(result)).toEqual(['s1', 's2', 's3']);
    expect(result.deletions.map((d) => d.reason)).toEqual(['quota', 'low_disk', 'low_disk']);
    expect(result.diskShortfallBytes).toBe(0);
  });

  it('counts an age deletion against the quota too', () => {
    const result = plan({
      segments: [segment('old', 'a', 40), segment('mid', 'a', 2)],
      retentionDays: new Map([['a', 30]]),
      quotaExcessBytes: 100,
    });
    expect(ids(result)).toEqual(['old']);
    expect(result.quotaExcessBytes).toBe(0);
  });

  it('never deletes a segment overlapping an active hold, even past retention or over quota', () => {
    const held = segment('held', 'a', 40);
    const result = plan({
      segments: [held, segment('other-camera', 'b', 40), segment('free', 'a', 39)],
      retentionDays: new Map([
        ['a', 30],
        ['b', 30],
      ]),
      holds: [{ cameraId: 'a', fromMs: held.startMs + 5_000, toMs: held.startMs + 60_000 }],
      quotaExcessBytes: 1_000,
    });
    expect(ids(result)).toEqual(['other-camera', 'free']);
    expect(result.heldSkipped).toEqual({ segments: 1, bytes: 100 });
  });

  it('reports what is left to free when held footage alone exceeds the quota', () => {
    const first = segment('h1', 'a', 2);
    const result = plan({
      segments: [first, segment('h2', 'a', 2 - 10_000 / DAY_MS)],
      holds: [{ cameraId: 'a', fromMs: first.startMs, toMs: first.startMs + 20_000 }],
      quotaExcessBytes: 150,
    });
    expect(result.deletions).toEqual([]);
    expect(result.quotaExcessBytes).toBe(150);
    expect(result.heldSkipped).toEqual({ segments: 2, bytes: 200 });
  });

  it('removes rows of missing files by age but never counts them as freed space', () => {
    const result = plan({
      segments: [segment('gone-old', 'a', 40, 500, true), segment('gone', 'a', 3, 500, true)],
      retentionDays: new Map([['a', 30]]),
      quotaExcessBytes: 100,
    });
    expect(ids(result)).toEqual(['gone-old']);
    expect(result.quotaExcessBytes).toBe(100);
  });
});

describe('overlapsHold', () => {
  const hold = [{ cameraId: 'a', fromMs: 1_000, toMs: 2_000 }];
  it('keeps a segment that only touches the hold at its edge', () => {
    expect(overlapsHold({ startMs: 0, endMs: 1_000 }, hold)).toBe(true);
    expect(overlapsHold({ startMs: 2_000, endMs: 3_000 }, hold)).toBe(true);
  });
  it('lets go of a segment wholly outside the hold', () => {
    expect(overlapsHold({ startMs: 0, endMs: 999 }, hold)).toBe(false);
    expect(overlapsHold({ startMs: 2_001, endMs: 3_000 }, hold)).toBe(false);
  });
});

describe('spaceNeeded', () => {
  it('asks for nothing without a quota and with enough free disk', () => {
    expect(
      spaceNeeded({ indexedBytes: 10, quotaBytes: 0, freeBytes: 100, minFreeBytes: 50 }),
    ).toEqual({ quotaExcessBytes: 0, diskShortfallBytes: 0 });
  });
  it('names the excess over the quota and the shortfall under the free-disk floor', () => {
    expect(
      spaceNeeded({ indexedBytes: 130, quotaBytes: 100, freeBytes: 20, minFreeBytes: 50 }),
    ).toEqual({ quotaExcessBytes: 30, diskShortfallBytes: 30 });
  });
  it('ignores free disk it could not measure', () => {
    expect(
      spaceNeeded({ indexedBytes: 0, quotaBytes: 0, freeBytes: null, minFreeBytes: 50 }),
    ).toEqual({ quotaExcessBytes: 0, diskShortfallBytes: 0 });
  });
});
