import { describe, expect, it } from 'vitest';
import type { Track } from './movie';
import { cutOf, decodeTimes, startOf } from './trim';

// The trimming math on a made-up ten-second segment laid out as the recorder's are: 25 frames a
// second at 1/12800 with a keyframe every 2 s, AAC frames of 1024 at 16 kHz starting 48 ms
// late (an empty edit), stored interleaved by time.

const movieTimescale = 1000;

function track(
  handler: string,
  timescale: number,
  count: number,
  duration: number,
  delay: number,
  keyEvery?: number,
): Track {
  const sync = keyEvery
    ? Uint8Array.from({ length: count }, (_, i) => (i % keyEvery ? 0 : 1))
    : null;
  return {
    handler,
    timescale,
    tkhd: Buffer.alloc(0),
    mdhd: Buffer.alloc(0),
    hdlr: Buffer.alloc(0),
    mediaHeader: Buffer.alloc(0),
    dinf: Buffer.alloc(0),
    stsd: Buffer.alloc(0),
    identity: Buffer.alloc(0),
    sgpd: null,
    edit: { delay, mediaTime: 0 },
    samples: {
      count,
      offsets: new Float64Array(count),
      sizes: new Uint32Array(count).fill(100),
      durations: new Uint32Array(count).fill(duration),
      compositionOffsets: null,
      sync,
      groups: null,
    },
  };
}

/** Stores the samples of both tracks by time, as a muxer interleaves them. */
function interleave(tracks: Track[]): Float64Array[] {
  const times = tracks.map((t) => decodeTimes(t, movieTimescale));
  const order = tracks.flatMap((t, i) =>
    Array.from({ length: t.samples.count }, (_, s) => ({
      i,
      s,
      seconds: times[i]![s]! / t.timescale,
    })),
  );
  order.sort((a, b) => a.seconds - b.seconds || a.i - b.i);
  order.forEach((entry, position) => {
    tracks[entry.i]!.samples.offsets[entry.s] = 1000 + position * 100;
  });
  return times;
}

function segment() {
  const tracks = [track('vide', 12800, 250, 512, 0, 50), track('soun', 16000, 156, 1024, 48)];
  return { tracks, times: interleave(tracks) };
}

describe('trimming a segment', () => {
  it('counts an empty edit as a late start', () => {
    const { times } = segment();
    expect(times[1]![0]).toBe(768); // 48 ms at 16 kHz
    expect(times[0]![50]).toBe(25_600); // 2 s at 1/12800
  });

  it('starts the video at the last keyframe at or before the in point', () => {
    const { tracks, times } = segment();
    expect(startOf(tracks, times, 0, 4.3)[0]).toBe(100); // keyframe at 4 s
    expect(startOf(tracks, times, 0, 4)[0]).toBe(100); // exactly on it
    expect(startOf(tracks, times, 0, 3.99)[0]).toBe(50);
    expect(startOf(tracks, times, 0, 0.5)[0]).toBe(0);
  });

  it('starts the audio at its last frame at or before that keyframe, or its first', () => {
    const { tracks, times } = segment();
    // 4 s is 64,000 at 16 kHz; frames start at 768 + 1024 n: n = 61 starts at 63,232.
    expect(startOf(tracks, times, 0, 4.3)[1]).toBe(61);
    // Before the audio's first frame (48 ms): the first one.
    expect(startOf(tracks, times, 0, 1)[1]).toBe(0);
  });

  it('stops both tracks where the first sample at or after the out point is stored', () => {
    const { tracks, times } = segment();
    const [videoEnd, audioEnd] = cutOf(tracks, times, [0, 0], 5.7);
    // Frames before 5.7 s: 0–142 (142 × 40 ms = 5.68 s).
    expect(videoEnd).toBe(143);
    // Audio frames stored before the frame at 5.72 s; the last starts before 5.7 s.
    expect(times[1]![audioEnd! - 1]! / 16000).toBeLessThan(5.7);
    expect(times[1]![audioEnd!]! / 16000).toBeGreaterThanOrEqual(5.7);
  });

  it('drops samples stored after the cut even when their time is before it', () => {
    const { tracks, times } = segment();
    // Move the video frame at 5.72 s in front of the audio frame at 5.68 s.
    const video = tracks[0]!.samples.offsets;
    const audio = tracks[1]!.samples.offsets;
    const late = audio.findIndex((_, i) => times[1]![i]! === 768 + 1024 * 88); // 5.68 s
    expect(late).toBe(88);
    video[143] = audio[88]! - 50;
    const [videoEnd, audioEnd] = cutOf(tracks, times, [0, 0], 5.7);
    expect(videoEnd).toBe(143);
    expect(audioEnd).toBe(88);
  });

  it('keeps the whole file when the out point is past its end', () => {
    const { tracks, times } = segment();
    expect(cutOf(tracks, times, [100, 61], 10.5)).toEqual([250, 156]);
  });
});
