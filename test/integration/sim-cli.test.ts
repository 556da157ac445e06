import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { probeRtsp, waitFor } from './sim-clients';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'matthan.js');

describe('matthan sim', { timeout: 60_000 }, () => {
  let child: ChildProcessWithoutNullStreams | null = null;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints camera URLs, serves them with Digest auth, takes faults on stdin and stops on SIGINT', async () => {
    const sim = spawn(process.execPath, [
      ...[bin, 'sim', '--cameras', '2', '--port', '0'],
      ...['--username', 'cli-user', '--password', 'cli-pass'],
    ]);
    child = sim;
    let stdout = '';
    sim.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    const exited = new Promise<number | null>((resolve) => sim.once('close', resolve));
    await waitFor('the camera list', () => /Ctrl-C stops/.test(stdout), 45_000);

    const urls = [...stdout.matchAll(/rtsp:\/\/127\.0\.0\.1:\d+\/cam-\d{3}(?:\/sub)?/g)].map(
      (m) => m[0],
    );
    expect(urls.map((url) => url.replace(/:\d+\//, ':PORT/'))).toEqual([
      'rtsp://127.0.0.1:PORT/cam-001',
      'rtsp://127.0.0.1:PORT/cam-001/sub',
      'rtsp://127.0.0.1:PORT/cam-002',
      'rtsp://127.0.0.1:PORT/cam-002/sub',
    ]);
    expect(stdout).not.toContain('cli-pass');
    const withCredentials = urls[1]!.replace('rtsp://', 'rtsp://cli-user:cli-pass@');
    const probe = await probeRtsp(withCredentials);
    expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 640 });

    sim.stdin.write('offline 2\nstats\n');
    await waitFor('the stats line', () => /"cam-002":"offline"/.test(stdout));
    expect(stdout).toContain('cam-002: offline');

    sim.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
