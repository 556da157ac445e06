import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../platform/http/errors';
import { LineTail, type Logger } from '../platform/supervisor';
import { concatTakesOptions } from './concat-caps';
import { concatList, copyOnlyOpenOptions, type ConcatEntry } from './concat-list';

// One-shot ffmpeg runs over a concat list. Unlike the recorder these are not restarted: they
// either finish (a download) or end with their client (a playback stream).

/** A concat list for `binary` in a private temporary folder, removed by `dispose`. */
export async function writeConcatList(
  binary: string,
  entries: readonly ConcatEntry[],
): Promise<{ path: string; dispose: () => Promise<void> }> {
  const options = (await concatTakesOptions(binary)) ? copyOnlyOpenOptions : [];
  const dir = await mkdtemp(join(tmpdir(), 'matthan-concat-'));
  const path = join(dir, 'list.ffconcat');
  await writeFile(path, concatList(entries, options));
  return { path, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The files are opened with no decoder allowed (see `copyOnlyOpenOptions`), and ffmpeg says so
 * for each one at error level; those lines are expected and kept out of the error tail.
 */
const expectedNoise = /not on whitelist/;

/** The last lines ffmpeg wrote to stderr, without the expected noise. */
class StderrTail {
  private readonly tail = new LineTail(20);
  private partial = '';

  push(chunk: string): void {
    const lines = (this.partial + chunk).split(/\r?\n/);
    this.partial = lines.pop() ?? '';
    const kept = lines.filter((line) => !expectedNoise.test(line));
    if (kept.length > 0) this.tail.push(`${kept.join('\n')}\n`);
  }

  snapshot(): string[] {
    const last = expectedNoise.test(this.partial) ? '' : this.partial;
    return last.trim() === '' ? this.tail.snapshot() : [...this.tail.snapshot(), last];
  }
}

function spawnFfmpeg(binary: string, args: string[]): { child: ChildProcess; stderr: StderrTail } {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr = new StderrTail();
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  return { child, stderr };
}

/** ffmpeg's own words go to the server log only: they name folders on the server. */
function failure(what: string, stderr: StderrTail, code: number | null, logger: Logger): AppError {
  logger.warn({ code, stderr: stderr.snapshot() }, `${what}: ffmpeg failed`);
  return new AppError(500, 'ffmpeg_failed', `${what} failed: ffmpeg could not read the footage`);
}

/** The child's exit code (null when killed); a child that could not start rejects. */
function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
}

/** Runs ffmpeg to completion; a non-zero exit is an error (its stderr goes to the log). */
export async function runFfmpeg(
  binary: string,
  args: string[],
  options: { timeoutMs: number; logger: Logger },
): Promise<void> {
  const { child, stderr } = spawnFfmpeg(binary, args);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
  try {
    const code = await exitCode(child);
    if (code !== 0) throw failure('the export', stderr, code, options.logger);
  } finally {
    clearTimeout(timer);
  }
}

export interface FfmpegStream {
  stdout: Readable;
  /** Ends the child at once (the client went away); harmless once it has exited. */
  stop(): void;
  /** Settles when the child has exited, however it ended. */
  exited: Promise<void>;
}

/**
 * Starts ffmpeg writing to stdout and waits for its first bytes, so a run that fails at once
 * (a file gone in the meantime) is an error the caller can still answer with a status code.
 */
export async function streamFfmpeg(
  binary: string,
  args: string[],
  logger: Logger,
): Promise<FfmpegStream> {
  const { child, stderr } = spawnFfmpeg(binary, args);
  const stdout = child.stdout!;
  const code = exitCode(child);
  const exited = code.then(
    () => undefined,
    () => undefined,
  );
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const started = await new Promise<boolean>((resolve) => {
    stdout.once('readable', () => resolve(true));
    void exited.then(() => resolve(stdout.readableLength > 0));
  });
  if (!started) {
    const exit = await code.catch((error: Error) => {
      logger.warn({ err: error.message }, 'playback: ffmpeg could not start');
      return null;
    });
    throw failure('playback', stderr, exit, logger);
  }
  return { stdout, stop, exited };
}
