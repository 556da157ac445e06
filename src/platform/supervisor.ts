import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { openReusedBufferPipe, type ReusedBufferPipe } from './reused-buffer-pipe';
import {
  defaultBackoff,
  LineTail,
  loggableCommand,
  redactText,
  RestartBackoff,
  systemClock,
  Watchdog,
  type BackoffOptions,
  type Clock,
} from './supervisor-policy';

export * from './supervisor-policy';

/** The log calls the supervisor makes; Fastify's (pino) logger fits it. */
export interface Logger {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface ChildSpec {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Extra pipes after stdin/stdout/stderr: fds 3, 4, … */
  extraPipes?: number;
  /**
   * Read stdout into one buffer of this size, reused for every read, instead of a new Buffer
   * per read (see `reused-buffer-pipe.ts`); `onStdout` then gets a view valid only during
   * the call.
   */
  stdoutBufferBytes?: number;
}

export type ExitReason = 'exited' | 'watchdog' | 'spawn_failed' | 'stopped';

export interface ChildExit {
  reason: ExitReason;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last stderr lines, redacted. */
  stderr: string[];
  hadData: boolean;
}

export interface SupervisorHooks {
  /** A child started: attach readers to its extra pipes here. */
  onStart?(child: ChildProcess): void;
  onStdout?(chunk: Buffer): void;
  /** The first bytes of this child arrived. */
  onFirstData?(): void;
  /** The child ended; `restartInMs` null when it was stopped on purpose. */
  onExit?(exit: ChildExit, restartInMs: number | null): void | Promise<void>;
}

export interface SupervisorOptions {
  name: string;
  logger: Logger;
  /** Builds the command for each start, so a changed URL or option takes effect on restart. */
  spec: () => ChildSpec | Promise<ChildSpec>;
  hooks?: SupervisorHooks;
  /** True when waiting longer cannot help (the camera refused the password). */
  isFatal?: (exit: ChildExit) => boolean;
  clock?: Clock;
  backoff?: Partial<BackoffOptions>;
  startupTimeoutMs?: number;
  watchdogMs?: number;
  /** Staged stop: wait this long after `q`, then after SIGTERM, before the next step. */
  quitTimeoutMs?: number;
  termTimeoutMs?: number;
  /** Spawns the child; `stdout`, when given, is the socket to use as its stdout. */
  spawnChild?: (spec: ChildSpec, stdout?: Socket) => ChildProcess;
}

/** Resolves when the socket closes, or after `limitMs` (a grandchild may hold it open). */
function untilClosed(socket: Socket, limitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, limitMs);
    timer.unref();
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function spawnWithPipes(spec: ChildSpec, stdout?: Socket): ChildProcess {
  const extra = Array.from({ length: spec.extraPipes ?? 0 }, () => 'pipe' as const);
  return spawn(spec.command, spec.args, {
    stdio: ['pipe', stdout ?? 'pipe', 'pipe', ...extra],
    env: spec.env ?? process.env,
  });
}

type State = 'idle' | 'starting' | 'running' | 'waiting' | 'stopping';

/**
 * Keeps one child process running: logs its command line redacted, keeps stderr quiet once data
 * flows (the last lines are kept for "last error"), kills it when stdout goes silent, restarts it
 * with capped exponential backoff, and stops it in stages: `q` on stdin, SIGTERM, SIGKILL.
 */
export class Supervisor {
  private state: State = 'idle';
  private child: ChildProcess | null = null;
  private closed: Promise<void> | null = null;
  private timer: unknown = null;
  private watchdogTimer: unknown = null;
  private killReason: ExitReason | null = null;
  private readonly clock: Clock;
  private readonly backoff: RestartBackoff;
  private readonly watchdog: Watchdog;
  private startCount = 0;

  constructor(private readonly options: SupervisorOptions) {
    this.clock = options.clock ?? systemClock;
    this.backoff = new RestartBackoff({ ...defaultBackoff, ...options.backoff }, this.clock);
    this.watchdog = new Watchdog(
      options.startupTimeoutMs ?? 15_000,
      options.watchdogMs ?? 10_000,
      this.clock,
    );
  }

  /** How many times a child was started. */
  get starts(): number {
    return this.startCount;
  }

  get running(): boolean {
    return this.state !== 'idle';
  }

  /** Starts the child now, with a fresh backoff. */
  start(): void {
    if (this.state !== 'idle') return;
    this.backoff.reset();
    this.state = 'starting';
    void this.launch();
  }

  /** Stops the child (staged) and cancels any pending restart. */
  async stop(): Promise<void> {
    this.clearTimers();
    if (this.state === 'idle') return;
    this.state = 'stopping';
    await this.terminate('stopped');
    this.state = 'idle';
  }

  /** Stops the current child and starts a fresh one now (its options changed). */
  async restart(): Promise<void> {
    await this.stop();
    this.start();
  }

  private clearTimers(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    if (this.watchdogTimer !== null) this.clock.clearTimeout(this.watchdogTimer);
    this.timer = null;
    this.watchdogTimer = null;
  }

  private async launch(): Promise<void> {
    const { logger, name } = this.options;
    let spec: ChildSpec;
    try {
      spec = await this.options.spec();
    } catch (error) {
      this.failedToStart(error, 'cannot build the command');
      return;
    }
    if (this.state !== 'starting') return; // stopped while the spec was being built
    const tail = new LineTail();
    let hadData = false;
    let spawnError: string | null = null;
    const stdoutData = (chunk: Buffer) => {
      this.watchdog.fed();
      if (!hadData) {
        hadData = true;
        this.backoff.markHealthy();
        // The startup allowance is over: from now on silence is measured by the idle limit.
        if (this.watchdogTimer !== null) this.clock.clearTimeout(this.watchdogTimer);
        this.armWatchdog();
        this.options.hooks?.onFirstData?.();
      }
      this.options.hooks?.onStdout?.(chunk);
    };
    let pipe: ReusedBufferPipe | null = null;
    if (spec.stdoutBufferBytes) {
      try {
        pipe = await openReusedBufferPipe(spec.stdoutBufferBytes, stdoutData);
      } catch (error) {
        this.failedToStart(error, 'cannot open the output socket');
        return;
      }
      if (this.state !== 'starting') {
        pipe.readEnd.destroy();
        pipe.releaseChildEnd();
        return;
      }
      pipe.readEnd.on('error', (error) => logger.debug({ name, err: error.message }, 'stdout'));
    }
    logger.info({ name, command: loggableCommand(spec.command, spec.args) }, 'starting');
    const child = (this.options.spawnChild ?? spawnWithPipes)(spec, pipe?.childEnd);
    // The child holds its own copy now; ours must go, or the reading end never sees EOF.
    pipe?.releaseChildEnd();
    this.startCount++;
    this.child = child;
    this.killReason = null;
    this.state = 'running';
    child.stdin?.on('error', (error) => logger.debug({ name, err: error.message }, 'stdin closed'));
    child.stdout?.on('data', stdoutData);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      for (const line of tail.push(chunk)) {
        // Loud while connecting (that is when the reason for a failure shows), quiet after.
        if (hadData) logger.debug({ name, stderr: redactText(line) }, 'child output');
        else logger.warn({ name, stderr: redactText(line) }, 'child output');
      }
    });
    child.on('error', (error) => {
      spawnError = error.message;
    });
    // Like a pipe's, the socket's last bytes are read before the exit counts as complete.
    const outputRead = pipe ? untilClosed(pipe.readEnd, 2_000) : Promise.resolve();
    this.closed = new Promise((resolve) => {
      child.on('close', (code, signal) => {
        void outputRead.then(() => {
          this.child = null;
          pipe?.readEnd.destroy();
          if (this.watchdogTimer !== null) this.clock.clearTimeout(this.watchdogTimer);
          this.watchdogTimer = null;
          const stderr = tail.snapshot().map(redactText);
          if (spawnError) stderr.push(spawnError);
          const reason: ExitReason = spawnError ? 'spawn_failed' : (this.killReason ?? 'exited');
          resolve();
          this.afterExit({ reason, code, signal, stderr, hadData });
        });
      });
    });
    this.options.hooks?.onStart?.(child);
    this.watchdog.reset();
    this.armWatchdog();
  }

  /** A start that failed before any process ran counts as a spawn failure (and backs off). */
  private failedToStart(error: unknown, message: string): void {
    const { logger, name } = this.options;
    logger.error({ name, err: (error as Error).message }, message);
    this.afterExit({
      reason: 'spawn_failed',
      code: null,
      signal: null,
      stderr: [(error as Error).message],
      hadData: false,
    });
  }

  private armWatchdog(): void {
    const remaining = this.watchdog.remainingMs();
    if (remaining > 0) {
      this.watchdogTimer = this.clock.setTimeout(() => this.armWatchdog(), remaining);
      return;
    }
    this.watchdogTimer = null;
    if (this.state !== 'running' || !this.child) return;
    this.options.logger.warn({ name: this.options.name }, 'no data: stopping the stalled child');
    void this.terminate('watchdog');
  }

  private afterExit(exit: ChildExit): void {
    const { logger, name } = this.options;
    if (this.state === 'stopping' || this.state === 'idle') {
      void this.options.hooks?.onExit?.(exit, null);
      return;
    }
    const delay = this.backoff.nextDelay(this.options.isFatal?.(exit) ?? false);
    logger.warn(
      {
        name,
        reason: exit.reason,
        code: exit.code,
        signal: exit.signal,
        lastError: exit.stderr.at(-1),
        restartInMs: delay,
      },
      'child ended',
    );
    this.state = 'waiting';
    void this.options.hooks?.onExit?.(exit, delay);
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      if (this.state !== 'waiting') return;
      this.state = 'starting';
      void this.launch();
    }, delay);
  }

  /** `q` on stdin (ffmpeg finishes its files), then SIGTERM, then SIGKILL. */
  private async terminate(reason: ExitReason): Promise<void> {
    const child = this.child;
    const closed = this.closed;
    if (!child || !closed) return;
    this.killReason = reason;
    const ended = (ms: number) =>
      new Promise<boolean>((resolve) => {
        const handle = this.clock.setTimeout(() => resolve(false), ms);
        void closed.then(() => {
          this.clock.clearTimeout(handle);
          resolve(true);
        });
      });
    if (child.stdin?.writable) child.stdin.write('q');
    if (await ended(this.options.quitTimeoutMs ?? 4_000)) return;
    child.kill('SIGTERM');
    if (await ended(this.options.termTimeoutMs ?? 3_000)) return;
    this.options.logger.warn({ name: this.options.name }, 'child ignored SIGTERM: killing it');
    child.kill('SIGKILL');
    await closed;
  }
}
