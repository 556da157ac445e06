import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  LineTail,
  loggableCommand,
  redactText,
  RestartBackoff,
  Supervisor,
  Watchdog,
  type ChildExit,
  type Clock,
  type Logger,
} from './supervisor';

/** A clock whose timers run only when the test advances it. */
class FakeClock implements Clock {
  private time = 1_000_000;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;

  now = () => this.time;
  setTimeout = (callback: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, callback, id });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  };

  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await flush();
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.callback();
    }
    this.time = end;
    await flush();
  }
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A child process that does what the test tells it to. */
class FakeChild extends EventEmitter {
  stdout = new PassThrough();
  stderr = new PassThrough();
  written = '';
  signals: string[] = [];
  stdin = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      this.written += chunk.toString();
      done();
    },
  });
  kill(signal: string): boolean {
    this.signals.push(signal);
    return true;
  }
  exit(code: number | null, signal: string | null = null): void {
    this.emit('close', code, signal);
  }
}

function quietLogger(lines: { message: string; details: object }[] = []): Logger {
  const log = (details: object, message: string) => lines.push({ details, message });
  return { debug: log, info: log, warn: log, error: log };
}

function harness(options: { isFatal?: (exit: ChildExit) => boolean } = {}) {
  const clock = new FakeClock();
  const children: FakeChild[] = [];
  const spawnedAt: number[] = [];
  const exits: { exit: ChildExit; restartInMs: number | null }[] = [];
  const exitedAt: number[] = [];
  const logs: { message: string; details: object }[] = [];
  const supervisor = new Supervisor({
    name: 'camera-1',
    logger: quietLogger(logs),
    clock,
    spec: () => ({ command: 'ffmpeg', args: ['-i', 'rtsp://admin:hunter2@10.0.0.5/stream'] }),
    spawnChild: () => {
      const child = new FakeChild();
      children.push(child);
      spawnedAt.push(clock.now());
      return child as unknown as ChildProcess;
    },
    hooks: {
      onExit: (exit, restartInMs) => {
        exitedAt.push(clock.now());
        exits.push({ exit, restartInMs });
      },
    },
    isFatal: options.isFatal,
  });
  const current = () => children.at(-1)!;
  /** Stops the supervisor, the fake child obeying the `q`. */
  const stop = async () => {
    const stopped = supervisor.stop();
    await flush();
    children.at(-1)?.exit(0);
    await stopped;
  };
  return { clock, children, spawnedAt, exitedAt, exits, logs, supervisor, current, stop };
}

describe('restart backoff', () => {
  it('doubles from 1 s and stops at 60 s', () => {
    const clock = new FakeClock();
    const backoff = new RestartBackoff(
      { initialMs: 1000, maxMs: 60_000, healthyResetMs: 60_000 },
      clock,
    );
    const delays = Array.from({ length: 9 }, () => backoff.nextDelay());
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('starts over after a child was healthy for a minute, not after a shorter run', async () => {
    const clock = new FakeClock();
    const backoff = new RestartBackoff(
      { initialMs: 1000, maxMs: 60_000, healthyResetMs: 60_000 },
      clock,
    );
    backoff.nextDelay();
    backoff.nextDelay();
    backoff.markHealthy();
    await clock.advance(30_000);
    expect(backoff.nextDelay()).toBe(4000);
    backoff.markHealthy();
    await clock.advance(60_000);
    expect(backoff.nextDelay()).toBe(1000);
  });

  it('waits the longest at once when retrying cannot help', () => {
    const backoff = new RestartBackoff(
      { initialMs: 1000, maxMs: 60_000, healthyResetMs: 60_000 },
      new FakeClock(),
    );
    expect(backoff.nextDelay(true)).toBe(60_000);
  });
});

describe('watchdog', () => {
  it('allows the startup time before the first data and the idle time after it', async () => {
    const clock = new FakeClock();
    const watchdog = new Watchdog(15_000, 10_000, clock);
    watchdog.reset();
    await clock.advance(12_000);
    expect(watchdog.remainingMs()).toBe(3000);
    watchdog.fed();
    await clock.advance(4000);
    expect(watchdog.remainingMs()).toBe(6000);
    await clock.advance(6000);
    expect(watchdog.remainingMs()).toBe(0);
  });
});

describe('stderr tail and redaction', () => {
  it('keeps only the last lines, across chunk boundaries, and an unfinished last line', () => {
    const tail = new LineTail(2);
    expect(tail.push('first\nsec')).toEqual(['first']);
    expect(tail.push('ond\nthird\r\nfou')).toEqual(['second', 'third']);
    expect(tail.snapshot()).toEqual(['second', 'third', 'fou']);
  });

  it('removes credentials from every URL in a line and from every argument', () => {
    expect(
      redactText('rtsp://admin:pw@10.0.0.5:554/a: 401 Unauthorized (from http://u:p@h/x)'),
    ).toBe('rtsp://***@10.0.0.5:554/a: 401 Unauthorized (from http://***@h/x)');
    expect(loggableCommand('ffmpeg', ['-i', 'rtsp://admin:pw@cam/1', '-f', 'mp4'])).toEqual([
      'ffmpeg',
      '-i',
      'rtsp://***@cam/1',
      '-f',
      'mp4',
    ]);
  });
});

describe('supervisor', () => {
  it('logs the command line without the camera password', async () => {
    const { supervisor, logs } = harness();
    supervisor.start();
    await flush();
    const text = JSON.stringify(logs);
    expect(text).toContain('rtsp://***@10.0.0.5/stream');
    expect(text).not.toContain('hunter2');
  });

  it('restarts a child that exits after 1 s, then 2 s, then 4 s', async () => {
    const { clock, spawnedAt, exitedAt, current, exits, supervisor, stop } = harness();
    supervisor.start();
    await clock.advance(0);
    for (let i = 0; i < 3; i++) {
      current().exit(1);
      await clock.advance(10_000);
    }
    const waits = exitedAt.map((at, i) => spawnedAt[i + 1]! - at);
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(exits.map((e) => e.restartInMs)).toEqual([1000, 2000, 4000]);
    await stop();
  });

  it('kills a child whose stdout goes silent: q, then SIGTERM, then SIGKILL, then restarts', async () => {
    const { supervisor, clock, children, current, exits, stop } = harness();
    supervisor.start();
    await clock.advance(0);
    const child = current();
    child.stdout.write(Buffer.from('data'));
    await clock.advance(9_999);
    expect(child.written).toBe('');
    await clock.advance(1);
    expect(child.written).toBe('q');
    await clock.advance(4000);
    expect(child.signals).toEqual(['SIGTERM']);
    await clock.advance(3000);
    expect(child.signals).toEqual(['SIGTERM', 'SIGKILL']);
    child.exit(null, 'SIGKILL');
    await clock.advance(1000);
    expect(exits[0]?.exit).toMatchObject({ reason: 'watchdog', hadData: true });
    expect(children).toHaveLength(2);
    await stop();
  });

  it('gives a child that never sends data the startup time before killing it', async () => {
    const { supervisor, clock, current, stop } = harness();
    supervisor.start();
    await clock.advance(14_999);
    expect(current().written).toBe('');
    await clock.advance(1);
    expect(current().written).toBe('q');
    current().exit(0);
    await clock.advance(0);
    await stop();
  });

  it('stops with q and does not restart a child that was stopped on purpose', async () => {
    const { supervisor, clock, children, current, exits } = harness();
    supervisor.start();
    await clock.advance(0);
    const stopped = supervisor.stop();
    await flush();
    expect(current().written).toBe('q');
    current().exit(0);
    await stopped;
    await clock.advance(120_000);
    expect(children).toHaveLength(1);
    expect(exits).toHaveLength(1);
    expect(exits[0]).toMatchObject({ exit: { reason: 'stopped' }, restartInMs: null });
  });

  it('waits the full backoff after a fatal failure such as a refused password', async () => {
    const { supervisor, clock, current, spawnedAt, stop } = harness({
      isFatal: (exit) => exit.stderr.some((line) => line.includes('401')),
    });
    supervisor.start();
    await clock.advance(0);
    current().stderr.write('method DESCRIBE failed: 401 Unauthorized\n');
    await flush();
    current().exit(1);
    await clock.advance(59_999);
    expect(spawnedAt).toHaveLength(1);
    await clock.advance(1);
    expect(spawnedAt).toHaveLength(2);
    await stop();
  });
});
