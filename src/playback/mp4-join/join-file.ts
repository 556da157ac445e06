import { open } from 'node:fs/promises';
import { CannotJoin } from './boxes';
import { copyRuns } from './copy-runs';
import { planJoin, type CopyRun, type JoinSource } from './join-plan';
import { readMovie } from './movie';
import { mapLimited, readIndex } from './read-index';
import { headOf } from './write-movie';

// Joins MP4 segments of one stream into one MP4 by copying their media bytes as they are and
// writing one new index in front of them: what ffmpeg's concat demuxer with stream copy does,
// without reading the footage packet by packet.

export interface JoinEntry {
  path: string;
  inpointSeconds?: number | undefined;
  outpointSeconds?: number | undefined;
}

export type JoinResult = { joined: true; bytes: number } | { joined: false; reason: string };

/**
 * Joins `entries` into `outputPath`. When the files cannot be joined this way (different
 * codecs or sizes, a layout it does not know) it writes nothing and says why.
 */
export async function joinSegments(
  entries: readonly JoinEntry[],
  outputPath: string,
): Promise<JoinResult> {
  let head: Buffer;
  let runs: CopyRun[];
  try {
    // Several files at a time: each is a few small reads, mostly waiting on the thread pool.
    const indexes = await mapLimited(entries, 8, (entry) => readIndex(entry.path));
    const sources: JoinSource[] = entries.map((entry, i) => ({
      movie: readMovie(indexes[i]!.moov),
      fileSize: indexes[i]!.size,
      inpointSeconds: entry.inpointSeconds,
      outpointSeconds: entry.outpointSeconds,
    }));
    const ftyp = indexes[0]?.ftyp;
    if (!ftyp) throw new CannotJoin('no ftyp in the first file');
    const plan = planJoin(sources);
    head = headOf(ftyp, sources[0]!.movie, plan);
    runs = plan.runs;
  } catch (error) {
    // A table that points outside its box reads past the buffer: a layout it cannot join.
    if (error instanceof CannotJoin || error instanceof RangeError) {
      return { joined: false, reason: error.message };
    }
    throw error;
  }
  const output = await open(outputPath, 'w');
  try {
    await output.write(head, 0, head.length, 0);
    await copyRuns(
      entries.map((entry) => entry.path),
      runs,
      output,
      head.length,
    );
    return { joined: true, bytes: (await output.stat()).size };
  } finally {
    await output.close();
  }
}
