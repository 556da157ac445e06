import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/rtsp-server';
import { ffmpeg, probeFile, probeRtsp, stopClients, waitFor } from './sim-clients';

// The simulated cameras, read by real ffmpeg and ffprobe over RTSP on loopback, and by
// GStreamer's rtspsrc where it is installed (a client with its own RTSP and Digest code).

const gstLaunch = '/usr/bin/gst-launch-1.0';

describe('simulated RTSP cameras', () => {
  let sim: Simulator;
  const dir = mkdtempSync(join(tmpdir(), 'matthan-sim-'));
  /** What the simulator said (connections closed, internal errors), shown when a client fails. */
  const simLog: string[] = [];

  beforeAll(async () => {
    sim = await startSimulator({
      port: 0,
      cameras: 3,
      credentials: { username: 'demo', password: 'demo-pass' },
      log: (line) => simLog.push(line),
    });
  });
  afterEach(stopClients);
  afterAll(async () => {
    await sim?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a 1280×720 H.264 main stream and a 640×360 sub stream over RTSP/TCP', async () => {
    const [main, sub] = await Promise.all([
      probeRtsp(sim.url(1)),
      probeRtsp(sim.url(2, { sub: true })),
    ]);
    expect(main.stderr).toBe('');
    const video = (probe: typeof main) => probe.streams.find((s) => s.codec_type === 'video');
    expect(video(main)).toMatchObject({ codec_name: 'h264', width: 1280, height: 720 });
    expect(video(sub)).toMatchObject({ codec_name: 'h264', width: 640, height: 360 });
    expect(main.streams.find((s) => s.codec_type === 'audio')).toMatchObject({
      codec_name: 'aac',
      sample_rate: '16000',
    });
  });

  it('answers wrong or missing credentials with 401, which ffprobe reports', async () => {
    const wrong = sim.url(1).replace('demo-pass', 'wrong-pass');
    const [bad, none] = await Promise.all([
      probeRtsp(wrong),
      probeRtsp(sim.url(1, { withCredentials: false })),
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/401 Unauthorized/);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/401 Unauthorized/);
    expect(sim.stats().authFailures).toBeGreaterThan(0);
  });

  it('answers 404 for a camera it does not have', async () => {
    const missing = sim.url(3).replace('cam-003', 'cam-004');
    const result = await probeRtsp(missing);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/404 Not Found/);
  });

  it('lets ffmpeg record a playable 5-second MP4 with stream copy', async () => {
    const output = join(dir, 'five.mp4');
    const recorder = ffmpeg([
      ...['-loglevel', 'error', '-rtsp_transport', 'tcp', '-i', sim.url(3)],
      ...['-c', 'copy', '-t', '5', '-y', output],
    ]);
    expect((await recorder.exited).code).toBe(0);
    const file = await probeFile(output);
    expect(file.codecs).toEqual(['h264', 'aac']);
    expect(Math.abs(file.duration - 5)).toBeLessThanOrEqual(1);
    // Every frame decodes: the stream starts on a keyframe and loses nothing.
    const decode = await ffmpeg(['-v', 'error', '-i', output, '-f', 'null', '-']).exited;
    expect(decode).toMatchObject({ code: 0, stderr: '' });
  });

  it('also serves RTP over UDP', async () => {
    const probe = await probeRtsp(sim.url(2), 'udp');
    expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 1280 });
  });

  it('paces frames in real time (25 video and about 16 audio frames a second)', async () => {
    const playingBefore = sim.stats().playing;
    const watcher = ffmpeg([
      ...['-loglevel', 'error', '-rtsp_transport', 'tcp', '-i', sim.url(2, { sub: true })],
      ...['-c', 'copy', '-t', '4', '-f', 'null', '-'],
    ]);
    await waitFor('the client to play', () => sim.stats().playing > playingBefore);
    const before = sim.stats().framesSent;
    const started = Date.now();
    await sleep(2000);
    const frames = sim.stats().framesSent - before;
    const elapsed = (Date.now() - started) / 1000;
    // 25 video frames (40 ms) and 15.6 AAC frames (64 ms) a second: about 40.6 in all.
    expect(frames / elapsed).toBeGreaterThan(34);
    expect(frames / elapsed).toBeLessThan(47);
    expect((await watcher.exited).code).toBe(0);
  });

  it.skipIf(!existsSync(gstLaunch))(
    'plays to GStreamer rtspsrc over TCP and UDP with Digest authentication',
    async () => {
      for (const protocol of ['tcp', 'udp']) {
        simLog.length = 0;
        const { stdout } = await promisify(execFile)(
          gstLaunch,
          [
            ...['rtspsrc', `location=${sim.url(1, { sub: true })}`, `protocols=${protocol}`],
            ...['!', 'rtph264depay', '!', 'h264parse', '!', 'fakesink', 'num-buffers=50'],
          ],
          { timeout: 15_000 },
        ).catch((error: Error) => {
          throw new Error(`${error.message}\nsimulator log:\n${simLog.join('\n')}`);
        });
        expect(stdout).toMatch(/Got EOS/);
      }
    },
  );
});
