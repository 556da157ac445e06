// ffmpeg's concat demuxer reads a list of files. Paths are written absolute and quoted; the
// `duration` of each file comes from the segment index, so the media time of the joined stream
// is exactly the sum of the indexed durations and the client can map it back to the wall clock.

export interface ConcatEntry {
  /** Absolute path of the segment file. */
  path: string;
  /** Seconds of the file the stream advances by (after `inpointSeconds`). */
  durationSeconds?: number;
  /** Start this far into the file (the demuxer seeks back to the keyframe before it). */
  inpointSeconds?: number;
  /** Stop at this time of the file; packets at or after it are dropped. */
  outpointSeconds?: number;
}

/**
 * Quotes a path for the list: inside single quotes nothing is special except the quote
 * itself, which closes the quoted part, is escaped bare (`\'`), and reopens it.
 */
export function quoteConcatPath(path: string): string {
  if (/[\n\r]/.test(path)) throw new Error('a concat path cannot contain a line break');
  return `'${path.replaceAll("'", "'\\''")}'`;
}

/** Seconds with microsecond precision, the demuxer's own resolution, never in exponent form. */
export function concatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`bad concat time ${seconds}`);
  return (Math.round(seconds * 1e6) / 1e6).toFixed(6);
}

/**
 * Options for opening each file. ffmpeg probes every file it joins, decoding its first frames;
 * stream copy needs none of that, and with 360 files an hour it is most of the work. Without a
 * decoder allowed, the probe reads the container's own description only.
 */
export const copyOnlyOpenOptions: readonly (readonly [string, string])[] = [
  ['codec_whitelist', 'none'],
];

/**
 * The list file's text (`ffconcat version 1.0`), one `file` directive per entry, each followed by
 * `openOptions` (the `option` directive: ffmpeg 5 and later).
 */
export function concatList(
  entries: readonly ConcatEntry[],
  openOptions: readonly (readonly [string, string])[] = [],
): string {
  const lines = ['ffconcat version 1.0'];
  for (const entry of entries) {
    lines.push(`file ${quoteConcatPath(entry.path)}`);
    for (const [key, value] of openOptions) lines.push(`option ${key} ${value}`);
    if (entry.inpointSeconds !== undefined)
      lines.push(`inpoint ${concatSeconds(entry.inpointSeconds)}`);
    if (entry.outpointSeconds !== undefined)
      lines.push(`outpoint ${concatSeconds(entry.outpointSeconds)}`);
    if (entry.durationSeconds !== undefined)
      lines.push(`duration ${concatSeconds(entry.durationSeconds)}`);
  }
  return `${lines.join('\n')}\n`;
}
