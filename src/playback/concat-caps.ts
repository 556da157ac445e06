import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// ffmpeg 5 added the concat list's `option` directive (how a file is opened); ffmpeg 4, which
// the npm package bundles, stops at it as an unknown keyword. Asked once per binary.

const known = new Map<string, Promise<boolean>>();

/** True when this ffmpeg reads the list's `option` directive. */
export function concatTakesOptions(binary: string): Promise<boolean> {
  let answer = known.get(binary);
  if (!answer) {
    answer = probe(binary);
    known.set(binary, answer);
  }
  return answer;
}

async function probe(binary: string): Promise<boolean> {
  const dir = await mkdtemp(join(tmpdir(), 'matthan-concat-caps-'));
  try {
    const list = join(dir, 'probe.ffconcat');
    // A file that does not exist: a reader that knows `option` fails later, opening it.
    await writeFile(
      list,
      `ffconcat version 1.0\nfile '${join(dir, 'none.mp4')}'\noption probesize 32\n`,
    );
    const stderr = await new Promise<string>((resolve) => {
      execFile(
        binary,
        ['-hide_banner', '-nostdin', '-f', 'concat', '-safe', '0', '-i', list, '-f', 'null', '-'],
        { timeout: 10_000 },
        (_error, _stdout, errorText) => resolve(String(errorText)),
      );
    });
    return !/unknown keyword/i.test(stderr);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
