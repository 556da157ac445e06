import { describe, expect, it } from 'vitest';
import { isDayFolder, partialStartMs, quarantinePath, segmentStartMs } from './reconcile-paths';

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
});
