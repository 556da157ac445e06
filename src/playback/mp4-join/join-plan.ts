import { CannotJoin } from './boxes';
import type { Movie, Track } from './movie';
import { SampleTableBuilder } from './table-builder';
import { cutOf, decodeTimes, startOf } from './trim';

// Which samples of which files make the joined MP4, where their bytes go, and their new times.
// Pure: the files' indexes in, the copy runs and the new sample tables out.

export interface JoinSource {
  movie: Movie;
  fileSize: number;
  /** Start this far into the file: from the keyframe at or before it. */
  inpointSeconds?: number | undefined;
  /** Stop here: samples from the first one at or after it (in file order) are left out. */
  outpointSeconds?: number | undefined;
}

/** Bytes `[start, start + length)` of source `file`, copied in order into the media data. */
export interface CopyRun {
  file: number;
  start: number;
  length: number;
}

export interface JoinedTrack {
  source: Track;
  tables: SampleTableBuilder;
  /** Empty time before the track starts, in the track's timescale. */
  delay: number;
  /** Media time where presentation starts (skipping audio from before the first keyframe). */
  mediaTime: number;
  /** Length of the presented media, in the track's timescale. */
  presented: number;
}

export interface JoinPlan {
  runs: CopyRun[];
  dataBytes: number;
  tracks: JoinedTrack[];
}

const same = (a: Buffer | null, b: Buffer | null) =>
  a === null ? b === null : b !== null && a.equals(b);

/** Files join by copying only when each track is the same stream: one camera, one setting. */
export function checkJoinable(movies: readonly Movie[]): number {
  const [first, ...rest] = movies;
  if (!first) throw new CannotJoin('no files');
  const video = first.tracks.findIndex((track) => track.handler === 'vide');
  if (video < 0 || first.tracks.filter((t) => t.handler === 'vide').length > 1) {
    throw new CannotJoin('not one video track');
  }
  for (const track of first.tracks) {
    const group = track.samples.groups?.type ?? null;
    if (group !== null && track.sgpd?.toString('latin1', 12, 16) !== group) {
      throw new CannotJoin('sample groups of another type than described');
    }
  }
  for (const movie of rest) {
    if (movie.tracks.length !== first.tracks.length) throw new CannotJoin('different tracks');
    first.tracks.forEach((track, i) => {
      const other = movie.tracks[i]!;
      if (
        other.handler !== track.handler ||
        other.timescale !== track.timescale ||
        !other.identity.equals(track.identity) ||
        !same(other.sgpd, track.sgpd) ||
        (other.samples.groups?.type ?? null) !== (track.samples.groups?.type ?? null)
      ) {
        throw new CannotJoin(`track ${i + 1} differs between files`);
      }
    });
  }
  return video;
}

/** Ticks of one timescale in another, to the nearest. */
const rescale = (ticks: number, from: number, to: number) => Math.round((ticks * to) / from);

/** Merges the kept samples of one file, in file order, into runs of adjacent bytes. */
function placeFile(
  file: number,
  source: JoinSource,
  kept: { track: number; from: number; to: number }[],
  plan: JoinPlan,
): Float64Array[] {
  const picked: { track: number; index: number; offset: number; size: number }[] = [];
  for (const { track, from, to } of kept) {
    const samples = source.movie.tracks[track]!.samples;
    for (let index = from; index < to; index++) {
      const offset = samples.offsets[index]!;
      const size = samples.sizes[index]!;
      if (offset + size > source.fileSize) throw new CannotJoin('a sample past the end of file');
      picked.push({ track, index, offset, size });
    }
  }
  picked.sort((a, b) => a.offset - b.offset);
  const placed = source.movie.tracks.map((track) => new Float64Array(track.samples.count));
  let run: CopyRun | null = null;
  for (const sample of picked) {
    if (!run || sample.offset !== run.start + run.length) {
      if (run && sample.offset < run.start + run.length) throw new CannotJoin('samples overlap');
      run = { file, start: sample.offset, length: 0 };
      plan.runs.push(run);
    }
    placed[sample.track]![sample.index] = plan.dataBytes;
    run.length += sample.size;
    plan.dataBytes += sample.size;
  }
  return placed;
}

/** The joined samples of `sources`, in order, trimmed at the first and last as asked. */
export function planJoin(sources: readonly JoinSource[]): JoinPlan {
  const video = checkJoinable(sources.map((source) => source.movie));
  const firstMovie = sources[0]!.movie;
  const videoScale = firstMovie.tracks[video]!.timescale;
  const plan: JoinPlan = {
    runs: [],
    dataBytes: 0,
    tracks: firstMovie.tracks.map((source) => ({
      source,
      tables: new SampleTableBuilder(),
      delay: 0,
      mediaTime: 0,
      presented: 0,
    })),
  };
  /** Where each track's first sample lands on the joined time line (`null`: none yet). */
  const firstAt: (number | null)[] = firstMovie.tracks.map(() => null);
  const firstComposition: number[] = firstMovie.tracks.map(() => 0);
  /** Start of the current file on the joined time line, in video ticks. */
  let fileAt = 0;
  sources.forEach((source, file) => {
    const { movie } = source;
    const times = movie.tracks.map((track) => decodeTimes(track, movie.timescale));
    const starts =
      file === 0 && source.inpointSeconds !== undefined
        ? startOf(movie.tracks, times, video, source.inpointSeconds)
        : movie.tracks.map(() => 0);
    const ends =
      source.outpointSeconds !== undefined
        ? cutOf(movie.tracks, times, starts, source.outpointSeconds)
        : movie.tracks.map((track) => track.samples.count);
    const kept = starts.map((from, track) => ({ track, from, to: Math.max(from, ends[track]!) }));
    const placed = placeFile(file, source, kept, plan);
    // The first file is shifted so its first keyframe is shown at 0.
    const keyframe = kept[video]!.from;
    const origin =
      file === 0 ? times[video]![keyframe]! + compositionOf(movie.tracks[video]!, keyframe) : 0;
    kept.forEach(({ track, from, to }) => {
      const { samples, timescale } = movie.tracks[track]!;
      const joined = plan.tracks[track]!;
      for (let index = from; index < to; index++) {
        const at = rescale(fileAt - origin, videoScale, timescale) + times[track]![index]!;
        const first = firstAt[track] ?? at;
        if (firstAt[track] === null) {
          firstAt[track] = at;
          firstComposition[track] = compositionOf(movie.tracks[track]!, index);
        }
        if (index === from) joined.tables.endAt(at - first); // files meet where each file says
        joined.tables.push({
          offset: placed[track]![index]!,
          size: samples.sizes[index]!,
          duration: samples.durations[index]!,
          compositionOffset: compositionOf(movie.tracks[track]!, index),
          sync: samples.sync === null || samples.sync[index] === 1,
          group: samples.groups?.indices[index] ?? 0,
        });
      }
    });
    const last = kept[video]!.to - 1;
    if (last >= kept[video]!.from) {
      const end = times[video]![last]! + movie.tracks[video]!.samples.durations[last]!;
      fileAt += end + movie.tracks[video]!.edit.mediaTime - origin;
    }
  });
  for (const [i, joined] of plan.tracks.entries()) {
    const first = firstAt[i];
    if (first === null || first === undefined) throw new CannotJoin('a track with no samples');
    joined.delay = Math.max(first, 0);
    joined.mediaTime = Math.max(-first, 0);
    // Skipping past the first sample's composition delay shortens what is shown.
    const skipped = Math.max(0, joined.mediaTime - firstComposition[i]!);
    joined.presented = joined.tables.decodeTicks - skipped;
  }
  return plan;
}

function compositionOf(track: Track, index: number): number {
  return track.samples.compositionOffsets?.[index] ?? 0;
}
