import { describe, expect, it } from 'vitest';
import { downloadFileName, downloadPlan, playbackPlan, type PlannedSegment } from './footage-plan';

const t0 = Date.parse('2025-03-01T00:00:00Z');
const seg = (startS: number, endS: number, present = true): PlannedSegment => ({
  startMs: t0 + startS * 1000,
  endMs: t0 + endS * 1000,
  path: `/m/${startS}.mp4`,
  present,
});

describe('playback plan', () => {
  it('gives each file its indexed duration, so media time is their sum', () => {
    const plan = playbackPlan([seg(0, 10), seg(10, 19.98), seg(19.98, 30)]);
    expect(plan.entries).toEqual([
      { path: '/m/0.mp4', durationSeconds: 10 },
      { path: '/m/10.mp4', durationSeconds: 9.98 },
      { path: '/m/19.98.mp4', durationSeconds: 10.02 },
    ]);
    expect(plan.mediaSeconds).toBeCloseTo(30, 9);
    // Back-to-back files are one piece on the wall clock.
    expect(plan.pieces).toEqual([{ startMs: t0, endMs: t0 + 30_000, mediaStartSeconds: 0 }]);
  });

  it('skips gaps and missing files in media time and starts a new piece after each', () => {
    const plan = playbackPlan([seg(0, 10), seg(10, 20, false), seg(20, 30), seg(60, 70)]);
    expect(plan.entries.map((entry) => entry.path)).toEqual(['/m/0.mp4', '/m/20.mp4', '/m/60.mp4']);
    expect(plan.pieces).toEqual([
      { startMs: t0, endMs: t0 + 10_000, mediaStartSeconds: 0 },
      { startMs: t0 + 20_000, endMs: t0 + 30_000, mediaStartSeconds: 10 },
      { startMs: t0 + 60_000, endMs: t0 + 70_000, mediaStartSeconds: 20 },
    ]);
    expect(plan.missing).toEqual([{ startMs: t0 + 10_000, endMs: t0 + 20_000 }]);
  });

  it('drops a duplicate that lies wholly inside an earlier file', () => {
    const plan = playbackPlan([seg(0, 10), seg(2, 8), seg(10, 20)]);
    expect(plan.entries.map((entry) => entry.path)).toEqual(['/m/0.mp4', '/m/10.mp4']);
  });

  it('is empty when every file is gone', () => {
    const plan = playbackPlan([seg(0, 10, false)]);
    expect(plan.entries).toEqual([]);
    expect(plan.pieces).toEqual([]);
  });
});

describe('download plan', () => {
  it('cuts the first file from the start and the last at the end', () => {
    const plan = downloadPlan([seg(0, 10), seg(10, 20), seg(20, 30)], t0 + 4_000, t0 + 25_500);
    expect(plan.entries).toEqual([
      { path: '/m/0.mp4', inpointSeconds: 4, durationSeconds: 6 },
      { path: '/m/10.mp4', durationSeconds: 10 },
      { path: '/m/20.mp4', outpointSeconds: 5.5 },
    ]);
    expect(plan.mediaSeconds).toBeCloseTo(21.5, 9);
  });

  it('cuts both ends of a range inside one file', () => {
    const plan = downloadPlan([seg(0, 10)], t0 + 2_000, t0 + 7_000);
    expect(plan.entries).toEqual([{ path: '/m/0.mp4', inpointSeconds: 2, outpointSeconds: 7 }]);
  });

  it('takes whole files that lie inside the range as they are', () => {
    const plan = downloadPlan([seg(0, 10), seg(10, 20)], t0 - 5_000, t0 + 60_000);
    expect(plan.entries).toEqual([
      { path: '/m/0.mp4', durationSeconds: 10 },
      { path: '/m/10.mp4', durationSeconds: 10 },
    ]);
  });

  it('reports missing files of the range only', () => {
    const plan = downloadPlan(
      [seg(0, 10, false), seg(10, 20), seg(50, 60, false)],
      t0,
      t0 + 30_000,
    );
    expect(plan.missing).toEqual([{ startMs: t0, endMs: t0 + 10_000 }]);
  });
});

describe('download file name', () => {
  it('is the camera code and the start in Vietnam time', () => {
    expect(downloadFileName('TX1-01', Date.parse('2025-03-01T17:30:05Z'))).toBe(
      'TX1-01_20250302-003005.mp4',
    );
  });

  it('keeps only safe characters of the code', () => {
    expect(downloadFileName('Cổng "A"/1', t0)).toBe('C_ng_A_1_20250301-070000.mp4');
  });
});
