import { open, type FileHandle } from 'node:fs/promises';
import type { CopyRun } from './join-plan';

// The media copy: each run's bytes go to their place in the output with positional reads and
// writes, a few pieces at a time, so reading one piece overlaps writing another.

/** Pieces of at most this size: large sequential reads and writes, bounded memory. */
const pieceBytes = 4 * 1024 * 1024;
/** Pieces in flight; each holds one buffer. */
const lanes = 4;

interface Piece {
  file: number;
  from: number;
  length: number;
  to: number;
}

/** The runs cut into pieces, each with its place in the output (the media start at `base`). */
export function piecesOf(runs: readonly CopyRun[], base: number): Piece[] {
  const pieces: Piece[] = [];
  let to = base;
  for (const run of runs) {
    for (let done = 0; done < run.length; done += pieceBytes) {
      const length = Math.min(pieceBytes, run.length - done);
      pieces.push({ file: run.file, from: run.start + done, length, to });
      to += length;
    }
  }
  return pieces;
}

/** Source files opened once however many pieces read them, closed after their last piece. */
class OpenFiles {
  private readonly handles = new Map<number, Promise<FileHandle>>();
  private readonly left = new Map<number, number>();

  constructor(
    private readonly paths: readonly string[],
    pieces: readonly Piece[],
  ) {
    for (const piece of pieces) this.left.set(piece.file, (this.left.get(piece.file) ?? 0) + 1);
  }

  get(file: number): Promise<FileHandle> {
    let handle = this.handles.get(file);
    if (!handle) {
      handle = open(this.paths[file]!, 'r');
      this.handles.set(file, handle);
    }
    return handle;
  }

  async done(file: number): Promise<void> {
    const left = (this.left.get(file) ?? 1) - 1;
    this.left.set(file, left);
    if (left === 0) await this.close(file);
  }

  async closeAll(): Promise<void> {
    const open = [...this.handles.keys()];
    await Promise.allSettled(open.map((file) => this.close(file)));
  }

  private async close(file: number): Promise<void> {
    const handle = this.handles.get(file);
    this.handles.delete(file);
    if (handle) await (await handle).close();
  }
}

/** Copies `runs` of the files at `paths` into `output`, from offset `base` on. */
export async function copyRuns(
  paths: readonly string[],
  runs: readonly CopyRun[],
  output: FileHandle,
  base: number,
): Promise<void> {
  const pieces = piecesOf(runs, base);
  const files = new OpenFiles(paths, pieces);
  let next = 0;
  const lane = async () => {
    const buffer = Buffer.allocUnsafe(pieceBytes);
    while (next < pieces.length) {
      const piece = pieces[next++]!;
      const input = await files.get(piece.file);
      const { bytesRead } = await input.read(buffer, 0, piece.length, piece.from);
      if (bytesRead !== piece.length) throw new Error(`${paths[piece.file]} ended while copied`);
      await output.write(buffer, 0, piece.length, piece.to);
      await files.done(piece.file);
    }
  };
  // Every lane settles before the files (and the caller's output) are closed.
  const settled = await Promise.allSettled(
    Array.from({ length: Math.min(lanes, pieces.length) }, lane),
  );
  await files.closeAll();
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}
