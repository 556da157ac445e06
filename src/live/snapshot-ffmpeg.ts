import { spawn } from 'node:child_process';
import { redactText } from '../platform/supervisor';

// Snapshots are one short ffmpeg each (one frame decoded). They are bounded three ways, so a
// page of thumbnails or a client hammering the endpoint cannot exhaust the server: a few run
// at once and the rest queue, each is killed after a timeout, and output beyond a limit is cut.

export interface OneShotOptions {
  timeoutMs: number;
  maxOutputBytes: number;
}

export const defaultOneShot: OneShotOptions = {
  timeoutMs: 10_000,
  maxOutputBytes: 4 * 1024 * 1024,
};

/** At most `limit` tasks at a time; the rest wait in order. */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

/** Runs ffmpeg with `stdin` written to it; resolves with stdout, rejects with its last error. */
export function runOnce(
  binary: string,
  args: string[],
  stdin: Buffer[] | null,
  options: OneShotOptions = defaultOneShot,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let outBytes = 0;
    let errText = '';
    let failure: string | null = null;
    const timer = setTimeout(() => {
      failure = `ffmpeg took longer than ${options.timeoutMs} ms`;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > options.maxOutputBytes) {
        failure = 'ffmpeg wrote more than expected';
        child.kill('SIGKILL');
        return;
      }
      out.push(chunk);
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      errText = (errText + chunk).slice(-2_000);
    });
    child.on('error', (error) => {
      failure = error.message;
    });
    if (stdin && child.stdin) {
      // ffmpeg may stop reading once it has its frame: a closed pipe then is not a failure.
      child.stdin.on('error', (error) => {
        if ((error as NodeJS.ErrnoException).code !== 'EPIPE') failure = error.message;
      });
      for (const part of stdin) child.stdin.write(part);
      child.stdin.end();
    }
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure === null && code === 0) {
        resolve(Buffer.concat(out, outBytes));
        return;
      }
      const lastLine = redactText(errText.trim().split('\n').at(-1) ?? '');
      reject(new Error(failure ?? (lastLine || `ffmpeg exited with code ${String(code)}`)));
    });
  });
}
