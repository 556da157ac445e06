import { describe, expect, it } from 'vitest';
import {
  dayFolderOf,
  isDayFolder,
  partialStartMs,
  quarantinePath,
  segmentStartMs,
  startupFromDay,
  sweepBeforeDay,
} from './reconcile-paths';

const at = Date.UTC(2025, 10, 20, 7, 5, 30);

describe('media layout', () => {
  it('reads a finished segment’s start from its day folder and name (UTC)', () => {
    expect(segmentStartMs('2025-11-20', '070530.mp4')).toBe(at);
    expect(segmentStartMs('2025-11-20', '070530-2.mp4')).toBe(at);
  });

  it('refuses names that give no real instant', () => {
    expect(segmentStartMs('2025-11-20', 'clip.mp4')).toBeNull();
    expect(segmentStartMs('2025-02-30', '070530.mp4')).toBeNull();
    expect(segmentStartMs('2025-11-20', '250000.mp4')).toBeNull();
    expect(segmentStartMs('2025-11-20', '070530.mkv')).toBeNull();
    expect(isDayFolder('2025-11-20')).toBe(true);
    expect(isDayFolder('.partial')).toBe(false);
    expect(isDayFolder('2025-13-01')).toBe(false);
  });

  it('reads the start ffmpeg stamped on an in-progress file', () => {
    expect(partialStartMs('segments/c1/.partial/k3x-20251120T070530Z.mp4')).toBe(at);
    expect(partialStartMs('segments/c1/.partial/whatever.mp4')).toBeNull();
  });

  it('quarantines under the day of the move, keeping the place below segments/', () => {
    const now = Date.UTC(2025, 11, 1, 0, 0, 1);
    expect(quarantinePath('segments/c1/2025-11-20/070530.mp4', now)).toBe(
      'quarantine/2025-12-01/c1/2025-11-20/070530.mp4',
    );
    expect(quarantinePath('segments/c1/.partial/a.mp4', now, 1)).toBe(
      'quarantine/2025-12-01/c1/.partial/a.mp4.1',
    );
  });

  it('reads the day folder a segment path lies in', () => {
    expect(dayFolderOf('segments/c1/2025-11-20/070530.mp4')).toBe('2025-11-20');
    expect(dayFolderOf('segments/c1/.partial/a.mp4')).toBeNull();
    expect(dayFolderOf('elsewhere.mp4')).toBeNull();
  });
});

describe('the start-up window and the sweep’s days', () => {
  const now = Date.UTC(2025, 11, 1, 0, 30);

  it('starts the start-up pass the day before the camera’s last indexed segment', () => {
    expect(startupFromDay(Date.UTC(2025, 11, 1, 0, 10), now)).toBe('2025-11-30');
    expect(startupFromDay(Date.UTC(2025, 10, 20, 23, 59, 50), now)).toBe('2025-11-19');
  });

  it('starts no later than yesterday, with no index or an index ahead of the clock', () => {
    expect(startupFromDay(null, now)).toBe('2025-11-30');
    expect(startupFromDay(Date.UTC(2026, 0, 5), now)).toBe('2025-11-30');
  });

  it('leaves yesterday and today to the recorder', () => {
    expect(sweepBeforeDay(now)).toBe('2025-11-30');
    expect(sweepBeforeDay(Date.UTC(2025, 11, 1, 23, 59, 59))).toBe('2025-11-30');
  });
});
