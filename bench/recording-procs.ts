import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

// What the recording benchmark reads from /proc: CPU time and resident memory of a process, the
// CPU of its finished children (cutime + cstime, counted once the parent has reaped them), and
// its live children by name.

const ticksPerSecond =
  Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const pageBytes =
  Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;

interface ProcStat {
  comm: string;
  /** utime + stime, seconds. */
  cpu: number;
  /** cutime + cstime (children reaped by this process), seconds. */
  childrenCpu: number;
  rssBytes: number;
}

function readStat(pid: number | 'self'): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null; // it exited meanwhile
    throw error;
  }
  // The command name is in parentheses and may hold spaces; the fields after it are numbers.
  const close = text.lastIndexOf(')');
  const comm = text.slice(text.indexOf('(') + 1, close);
  const fields = text
    .slice(close + 2)
    .split(' ')
    .map(Number);
  // Fields from 3 (state) on, so stat field n is fields[n - 3].
  const field = (n: number) => fields[n - 3] ?? 0;
  return {
    comm,
    cpu: (field(14) + field(15)) / ticksPerSecond,
    childrenCpu: (field(16) + field(17)) / ticksPerSecond,
    rssBytes: field(24) * pageBytes,
  };
}

export function processCpu(pid: number): number {
  return readStat(pid)?.cpu ?? 0;
}

export function processRss(pid: number): number {
  return readStat(pid)?.rssBytes ?? 0;
}

/** CPU seconds of this process's children that have exited and been reaped. */
export function reapedChildrenCpu(): number {
  return readStat('self')?.childrenCpu ?? 0;
}

/** The pids of `parent`'s live children (Linux lists them per thread that started them). */
function childPids(parent: number): number[] {
  const pids: number[] = [];
  for (const task of readdirSync(`/proc/${parent}/task`)) {
    try {
      const text = readFileSync(`/proc/${parent}/task/${task}/children`, 'utf8');
      pids.push(...text.split(' ').filter(Boolean).map(Number));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // the thread ended
    }
  }
  return pids;
}

/** Live child processes of `parent` whose command name is `comm`. */
export function childrenNamed(parent: number, comm: string): { pid: number; rssBytes: number }[] {
  return childPids(parent).flatMap((pid) => {
    const stat = readStat(pid);
    return stat && stat.comm === comm ? [{ pid, rssBytes: stat.rssBytes }] : [];
  });
}

/** Samples the children's total RSS once a second after a warm-up; the mean, in bytes. */
export class RssSampler {
  private readonly totals: number[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(parent: number, comm: string, warmupMs: number) {
    const from = Date.now() + warmupMs;
    this.timer = setInterval(() => {
      if (Date.now() < from) return;
      const children = childrenNamed(parent, comm);
      if (children.length > 0) this.totals.push(children.reduce((s, c) => s + c.rssBytes, 0));
    }, 1000);
  }

  stop(): number {
    clearInterval(this.timer);
    return this.totals.length ? this.totals.reduce((a, b) => a + b, 0) / this.totals.length : 0;
  }
}

/**
 * CPU spent by this process and its `comm` children between `open` and `close`, so start-up
 * (spawning, probing the stream, loading code) is measured apart from steady recording. Live
 * children are read from /proc; a child that exits inside the window is counted through the
 * reaped total, less what it had used before the window opened.
 */
export class CpuWindow {
  private nodeAtOpen: NodeJS.CpuUsage | null = null;
  private reapedAtOpen = 0;
  private readonly childrenAtOpen = new Map<number, number>();

  constructor(
    private readonly parent: number,
    private readonly comm: string,
  ) {}

  open(): void {
    this.nodeAtOpen = process.cpuUsage();
    this.reapedAtOpen = reapedChildrenCpu();
    for (const { pid } of childrenNamed(this.parent, this.comm)) {
      this.childrenAtOpen.set(pid, processCpu(pid));
    }
  }

  close(): { node: number; children: number } {
    if (!this.nodeAtOpen) throw new Error('CpuWindow closed before it was opened');
    const node = process.cpuUsage(this.nodeAtOpen);
    let children = reapedChildrenCpu() - this.reapedAtOpen;
    const live = new Set<number>();
    for (const { pid } of childrenNamed(this.parent, this.comm)) {
      live.add(pid);
      children += processCpu(pid) - (this.childrenAtOpen.get(pid) ?? 0);
    }
    for (const [pid, cpu] of this.childrenAtOpen) if (!live.has(pid)) children -= cpu;
    return { node: (node.user + node.system) / 1e6, children };
  }
}
