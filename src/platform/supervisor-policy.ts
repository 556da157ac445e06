import { redactUrl } from './secret-box';

// The supervisor's decisions, free of processes: restart delays, the no-data watchdog, stderr
// kept for "last error", and redaction. Unit-tested with an injected clock.

/** Time and timers, injected so the restart and watchdog logic is tested without waiting. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** A child that delivered data this long counts as healthy: its next failure starts over. */
  healthyResetMs: number;
}

export const defaultBackoff: BackoffOptions = {
  initialMs: 1_000,
  maxMs: 60_000,
  healthyResetMs: 60_000,
};

/** Capped exponential backoff: 1 s, 2 s, 4 s … 60 s; back to 1 s after a healthy minute. */
export class RestartBackoff {
  private failures = 0;
  private healthySince: number | null = null;

  constructor(
    private readonly options: BackoffOptions,
    private readonly clock: Pick<Clock, 'now'>,
  ) {}

  /** The child delivers data (called on every chunk; only the first counts). */
  markHealthy(): void {
    this.healthySince ??= this.clock.now();
  }

  /**
   * The child ended: how long to wait before the next start. `cap`: retrying sooner cannot
   * help (a wrong password), so wait the longest and spare the camera a login storm.
   */
  nextDelay(cap = false): number {
    const now = this.clock.now();
    if (this.healthySince !== null && now - this.healthySince >= this.options.healthyResetMs) {
      this.failures = 0;
    }
    this.healthySince = null;
    this.failures++;
    if (cap) return this.options.maxMs;
    return Math.min(this.options.maxMs, this.options.initialMs * 2 ** (this.failures - 1));
  }

  /** Forgets past failures (the child's settings were changed by a person). */
  reset(): void {
    this.failures = 0;
    this.healthySince = null;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }
}

/** Removes `user:password@` from every URL in a line of text (ffmpeg repeats its input URL). */
export function redactText(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^@/\s]*@/gi, '$1***@');
}

/** The command line as it may be logged: every argument redacted. */
export function loggableCommand(command: string, args: readonly string[]): string[] {
  return [command, ...args.map((arg) => redactText(redactUrl(arg)))];
}

/** Keeps the last lines of a stream, for "last error" without holding all of stderr. */
export class LineTail {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(private readonly keep = 20) {}

  /** Adds a chunk; returns the complete lines it finished. */
  push(chunk: string): string[] {
    const parts = (this.partial + chunk).split(/\r?\n|\r/);
    this.partial = parts.pop() ?? '';
    const complete = parts.filter((line) => line.trim() !== '');
    for (const line of complete) {
      this.lines.push(line);
      if (this.lines.length > this.keep) this.lines.shift();
    }
    return complete;
  }

  /** Kept lines, plus an unfinished last line if the child died mid-line. */
  snapshot(): string[] {
    return this.partial.trim() === '' ? [...this.lines] : [...this.lines, this.partial];
  }
}

/**
 * Decides when a silent child is dead. The first data may take longer (connecting, probing);
 * after that, `idleMs` without a byte on stdout means it stalled.
 */
export class Watchdog {
  private startedAt = 0;
  private lastDataAt: number | null = null;

  constructor(
    private readonly startupMs: number,
    private readonly idleMs: number,
    private readonly clock: Pick<Clock, 'now'>,
  ) {}

  reset(): void {
    this.startedAt = this.clock.now();
    this.lastDataAt = null;
  }

  fed(): void {
    this.lastDataAt = this.clock.now();
  }

  /** Milliseconds until the child counts as stalled; 0 or less: it has. */
  remainingMs(): number {
    const since = this.lastDataAt ?? this.startedAt;
    const limit = this.lastDataAt === null ? this.startupMs : this.idleMs;
    return since + limit - this.clock.now();
  }
}
