import { describe, expect, it } from 'vitest';
import { parseSegmentListLine, segmentRelativePath, StreamClock } from './segment-list';

describe('segment list lines', () => {
  it('reads a CSV line of ffmpeg’s segment list', () => {
    expect(parseSegmentListLine('c1-20251129T171324Z.mp4,0.000000,4.640000')).toEqual({
      file: 'c1-20251129T171324Z.mp4',
      startSeconds: 0,
      endSeconds: 4.64,
    });
  });
  it('unquotes a quoted name', () => {
    expect(parseSegmentListLine('"a,""b"".mp4",1.5,2.5')?.file).toBe('a,"b".mp4');
  });
  it('ignores lines that are not segments', () => {
    expect(parseSegmentListLine('')).toBeNull();
    expect(parseSegmentListLine('garbage')).toBeNull();
    expect(parseSegmentListLine('x.mp4,5,4')).toBeNull();
  });
});

describe('stream clock', () => {
  it('places segments by the least-delayed fragment arrival and makes them contiguous', () => {
    const clock = new StreamClock();
    // A fragment is flushed when the next one's first frame arrives: its arrival time is the
    // wall time of the next fragment's start (plus lag). Stream time 0 is at wall time `zero`.
    const zero = 1_000_000;
    clock.fragment(zero + 2600, 0); // flushed late, in the burst after probing
    clock.fragment(zero + 4650, 2); // → zero + 600
    clock.fragment(zero + 6030, 4); // → zero + 650
    clock.fragment(zero + 8010, 6); // → zero + 30
    clock.fragment(zero + 10_020, 8); // → zero + 10
    expect(clock.offsetMs()).toBe(zero + 10);
    expect(clock.place({ file: 'a', startSeconds: 0, endSeconds: 4 }, zero + 10_100)).toEqual({
      startMs: zero + 10,
      endMs: zero + 4010,
    });
    clock.fragment(zero + 12_005, 10); // → zero + 20
    clock.fragment(zero + 14_000, 12); // → zero + 5: a better estimate must not open a seam
    expect(clock.place({ file: 'b', startSeconds: 4, endSeconds: 8 }, zero + 14_100)).toEqual({
      startMs: zero + 4010,
      endMs: zero + 8005,
    });
  });

  it('without fragments, takes a segment to end now, and never places one in the future', () => {
    const clock = new StreamClock();
    expect(clock.place({ file: 'a', startSeconds: 0, endSeconds: 3 }, 50_000)).toEqual({
      startMs: 47_000,
      endMs: 50_000,
    });
    const late = new StreamClock();
    late.fragment(10_000, 0);
    late.fragment(12_500, 2);
    expect(late.place({ file: 'a', startSeconds: 0, endSeconds: 4 }, 13_000)).toEqual({
      startMs: 8_000,
      endMs: 12_000,
    });
    expect(late.place({ file: 'b', startSeconds: 4, endSeconds: 6 }, 13_100).endMs).toBe(13_100);
  });

  it('follows a drifting camera clock through its sliding window', () => {
    const clock = new StreamClock(3);
    // From the seventh fragment on, frames arrive half a second later: the camera's clock drifted.
    for (let k = 0; k < 10; k++) clock.fragment(1000 + k * 2000 + (k > 5 ? 500 : 0), k * 2);
    expect(clock.offsetMs()).toBe(-500);
  });
});

describe('segment paths', () => {
  it('names a segment by its UTC day and start time, with a suffix when taken', () => {
    const start = Date.parse('2025-11-20T23:59:58.400Z');
    expect(segmentRelativePath('cam-1', start)).toBe('segments/cam-1/2025-11-20/235958.mp4');
    expect(segmentRelativePath('cam-1', start, 2)).toBe('segments/cam-1/2025-11-20/235958-2.mp4');
  });
});
