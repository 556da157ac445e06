import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SimulatorStats } from '../src/sim/rtsp-server';

// The recording benchmark's cameras: `matthan sim` in a process of its own.

/** `matthan sim` in its own process, so its CPU is measured apart from matthan's. */
export interface SimulatorProcess {
  child: ChildProcessWithoutNullStreams;
  port: number;
  /** Asks the running simulator for its counters (the `stats` command on its stdin). */
  stats(): Promise<SimulatorStats>;
}

export async function startSimulatorProcess(
  cameras: number,
  credentials: { username: string; password: string },
): Promise<SimulatorProcess> {
  const bin = join(import.meta.dirname, '..', 'bin', 'matthan.js');
  const child = spawn(process.execPath, [
    ...[bin, 'sim', '--cameras', String(cameras), '--port', '0'],
    ...['--username', credentials.username, '--password', credentials.password],
  ]);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr.resume();
  const deadline = Date.now() + 120_000;
  for (;;) {
    const port = /on rtsp:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
    if (port) {
      const stats = async () => {
        const from = output.length;
        child.stdin.write('stats\n');
        for (let waited = 0; waited < 5_000; waited += 50) {
          const line = output
            .slice(from)
            .split('\n')
            .find((l) => l.startsWith('{'));
          if (line) return JSON.parse(line) as SimulatorStats;
          await sleep(50);
        }
        throw new Error('the simulator did not answer stats');
      };
      return { child, port: Number(port), stats };
    }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error('the simulator did not start');
    await sleep(100);
  }
}
