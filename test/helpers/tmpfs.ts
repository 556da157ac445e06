import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Small RAM disks for the media tests: a disk that fills up, a disk that turns read-only. The
// tests run as root, so file modes cannot make a folder unwritable; a mount can. Every command is
// an argument array, and every mount made here is undone in `unmount` (called from afterAll) or,
// failing that, when the process exits.

export const tmpfsMountArgs = (dir: string, sizeBytes: number): string[] => [
  '-t',
  'tmpfs',
  '-o',
  `size=${sizeBytes},mode=0755`,
  'tmpfs',
  dir,
];

// The kernel refuses to make a mount read-only while a file on it is open for writing ("mount
// point is busy"), and a recording ffmpeg always has a segment open. So the file system is
// covered with a bind mount of itself that is then made read-only: every new open, rename or
// mkdir by path gets EROFS, while the segment already open finishes through the mount below it.
export const bindOverArgs = (dir: string): string[] => ['--bind', dir, dir];
export const bindModeArgs = (dir: string, mode: 'ro' | 'rw'): string[] => [
  '-o',
  `remount,bind,${mode}`,
  dir,
];
export const unmountArgs = (dir: string, lazy: boolean): string[] =>
  lazy ? ['--lazy', dir] : [dir];

export interface TmpfsMount {
  dir: string;
  sizeBytes: number;
  /** New writes fail with "Read-only file system"; the file open now may finish. */
  readOnly(): void;
  readWrite(): void;
  /** Removes every layer mounted here and the folder; safe to call twice. */
  unmount(): void;
}

const run = (command: string, args: string[]): void => {
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000 });
};

/** The stderr of a failed command, else its message: what a skipped test prints. */
function failureText(error: unknown): string {
  const stderr = (error as { stderr?: Buffer | string }).stderr;
  const text = stderr ? String(stderr).trim() : '';
  return text || (error as Error).message;
}

/** How many mounts are stacked on `dir` now (mount points are field 5 of mountinfo). */
function layersAt(dir: string): number {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter((line) => line.split(' ')[4] === dir).length;
}

const live = new Set<TmpfsMount>();
let exitHookInstalled = false;

/** A test that failed before its afterAll ran must still not leave a mount behind. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const mount of live) mount.unmount();
  });
}

/** Mounts a tmpfs of `sizeBytes` on a fresh folder under the system temp folder. */
export function mountTmpfs(sizeBytes: number, prefix = 'matthan-tmpfs-'): TmpfsMount {
  // The real path: that is how the mount table spells it (a temp folder may be a symlink).
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  try {
    run('mount', tmpfsMountArgs(dir, sizeBytes));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`cannot mount a tmpfs on ${dir}: ${failureText(error)}`, {
      cause: error,
    });
  }
  let layered = false;
  const mount: TmpfsMount = {
    dir,
    sizeBytes,
    readOnly() {
      if (!layered) {
        run('mount', bindOverArgs(dir));
        layered = true;
      }
      run('mount', bindModeArgs(dir, 'ro'));
    },
    readWrite() {
      if (layered) run('mount', bindModeArgs(dir, 'rw'));
    },
    unmount() {
      live.delete(mount);
      for (let layer = layersAt(dir); layer > 0; layer--) {
        try {
          run('umount', unmountArgs(dir, false));
        } catch (error) {
          // A child that outlived its test still holds a file: detach the mount regardless,
          // so the machine is left clean; the kernel frees it when the file closes.
          console.warn(`umount ${dir}: ${failureText(error)}; detaching it lazily`);
          run('umount', unmountArgs(dir, true));
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  live.add(mount);
  installExitHook();
  return mount;
}

let probed: string | null | undefined;

/**
 * Null when this machine lets the tests mount a tmpfs, else why not (not root, no
 * CAP_SYS_ADMIN in a container, no `mount`): the suites skip and print it.
 */
export function tmpfsUnavailable(): string | null {
  if (probed !== undefined) return probed;
  try {
    mountTmpfs(64 * 1024, 'matthan-tmpfs-probe-').unmount();
    probed = null;
  } catch (error) {
    probed = (error as Error).message;
  }
  return probed;
}
