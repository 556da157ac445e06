import { CannotJoin } from './boxes';
import type { Track } from './movie';

// Where the first file starts and the last one stops, decided as ffmpeg's concat demuxer does
// for `inpoint` and `outpoint`, so both ways of making a download give the same packets.

/**
 * Each sample's decode time as a demuxer reports it, in the track's timescale: shifted later by
 * an empty edit and earlier by the edit's media start. `movieTimescale` is that of the edit.
 */
export function decodeTimes(track: Track, movieTimescale: number): Float64Array {
  const { durations, count } = track.samples;
  const times = new Float64Array(count);
  let at = Math.round((track.edit.delay * track.timescale) / movieTimescale) - track.edit.mediaTime;
  for (let i = 0; i < count; i++) {
    times[i] = at;
    at += durations[i]!;
  }
  return times;
}

/** Seconds as whole microseconds, the demuxer's unit for `inpoint` and `outpoint`. */
const micros = (seconds: number) => Math.round(seconds * 1e6);

/** The last index whose time is at or before `ticks` and that `allowed` accepts, else -1. */
function lastAtOrBefore(times: Float64Array, ticks: number, allowed: (i: number) => boolean) {
  let found = -1;
  for (let i = 0; i < times.length && times[i]! <= ticks; i++) if (allowed(i)) found = i;
  return found;
}

/**
 * First sample of each track for a start `inpointSeconds` into the file: video from the last
 * keyframe at or before it, every other track from its last sample at or before that keyframe
 * (the first when there is none).
 */
export function startOf(
  tracks: readonly Track[],
  times: readonly Float64Array[],
  video: number,
  inpointSeconds: number,
): number[] {
  const videoTrack = tracks[video]!;
  const videoTimes = times[video]!;
  const target = Math.round((micros(inpointSeconds) * videoTrack.timescale) / 1e6);
  const sync = videoTrack.samples.sync;
  const keyframe = Math.max(
    0,
    lastAtOrBefore(videoTimes, target, (i) => sync === null || sync[i] === 1),
  );
  const keyframeAt = videoTimes[keyframe] ?? 0;
  return tracks.map((track, i) => {
    if (i === video) return keyframe;
    const ticks = Math.round((keyframeAt * track.timescale) / videoTrack.timescale);
    return Math.max(
      0,
      lastAtOrBefore(times[i]!, ticks, () => true),
    );
  });
}

/**
 * End (exclusive) of each track for a stop `outpointSeconds` into the file. The demuxer reads
 * samples in file order and leaves the file at the first whose decode time is at or after the
 * out point, whatever its track: everything stored from there on is left out.
 */
export function cutOf(
  tracks: readonly Track[],
  times: readonly Float64Array[],
  starts: readonly number[],
  outpointSeconds: number,
): number[] {
  const limit = micros(outpointSeconds);
  let cut = Infinity;
  tracks.forEach((track, t) => {
    const { offsets, count } = track.samples;
    for (let i = starts[t]!; i < count; i++) {
      // Compared in whole numbers: ticks × 10⁶ against microseconds × timescale.
      if (times[t]![i]! * 1e6 >= limit * track.timescale) {
        cut = Math.min(cut, offsets[i]!);
        break;
      }
    }
  });
  return tracks.map((track, t) => {
    const { offsets, count } = track.samples;
    let end = starts[t]!;
    while (end < count && offsets[end]! < cut) end++;
    for (let i = end; i < count; i++) {
      if (offsets[i]! < cut) throw new CannotJoin('samples stored out of order');
    }
    return end;
  });
}
