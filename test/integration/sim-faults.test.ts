import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/rtsp-server';
import {
  exitedWithin,
  ffmpeg,
  ffprobe,
  probeRtsp,
  stopClients,
  waitFor,
  watch,
} from './sim-clients';

// Faults on demand, each seen by a real ffmpeg client: what a recorder will meet on a ward's
// network of cheap cameras.

describe('simulated camera faults', () => {
  let sim: Simulator;
  const dir = mkdtempSync(join(tmpdir(), 'matthan-sim-faults-'));

  beforeAll(async () => {
    sim = await startSimulator({
      port: 0,
      cameras: 6,
      credentials: { username: 'demo', password: 'demo-pass' },
    });
  });
  afterEach(stopClients);
  afterAll(async () => {
    await sim?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts a client on the camera and waits until the simulator is sending to it. */
  async function watching(camera: number) {
    const playingBefore = sim.stats().playing;
    const client = watch(sim.url(camera));
    await waitFor('the client to play', () => sim.stats().playing > playingBefore);
    return client;
  }

  const playable = async (camera: number) => (await probeRtsp(sim.url(camera))).code === 0;

  it('drop ends the client stream, and a new client plays at once', async () => {
    const client = await watching(1);
    sim.fault(1, 'drop');
    expect(await exitedWithin(client, 5_000)).not.toBeNull();
    expect(await playable(1)).toBe(true);
  });

  it('offline keeps the camera unreachable until recover', async () => {
    const client = await watching(2);
    sim.fault(2, 'offline');
    expect(await exitedWithin(client, 5_000)).not.toBeNull();
    expect(await playable(2)).toBe(false);
    sim.fault(2, 'recover');
    expect(await playable(2)).toBe(true);
  });

  it('stall keeps the socket open but sends nothing, so the client times out', async () => {
    const client = await watching(3);
    const framesBefore = sim.stats().framesSent;
    sim.fault(3, 'stall');
    // The connection stays open (no EOF): ffmpeg ends only through its own 2-second timeout.
    expect(await exitedWithin(client, 1_500)).toBeNull();
    expect(sim.stats().connections).toBeGreaterThan(0);
    const result = await exitedWithin(client, 10_000);
    expect(result).not.toBeNull();
    expect(sim.stats().framesSent - framesBefore).toBeLessThan(60); // frames already queued
    sim.fault(3, 'recover');
    expect(await playable(3)).toBe(true);
  });

  it('refuse closes the stream and answers 401 to good credentials until recover', async () => {
    const client = await watching(4);
    sim.fault(4, 'refuse');
    expect(await exitedWithin(client, 5_000)).not.toBeNull();
    const refused = await probeRtsp(sim.url(4));
    expect(refused.stderr).toMatch(/401 Unauthorized/);
    sim.fault(4, 'recover');
    expect(await playable(4)).toBe(true);
  });

  it('garbage answers with bytes that are not RTSP, which the client rejects', async () => {
    sim.fault(5, 'garbage');
    const broken = await probeRtsp(sim.url(5));
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).not.toMatch(/401/);
    expect(sim.stats().faults).toEqual({ 'cam-005': 'garbage' });
    sim.fault(5, 'recover');
    expect(await playable(5)).toBe(true);
  });

  it('resize changes the picture size mid-stream, with new parameter sets in band', async () => {
    const output = join(dir, 'resized.ts');
    const playingBefore = sim.stats().playing;
    const client = ffmpeg([
      ...['-loglevel', 'error', '-rtsp_transport', 'tcp', '-i', sim.url(6)],
      ...['-an', '-c', 'copy', '-t', '6', '-f', 'mpegts', '-y', output],
    ]);
    await waitFor('the client to play', () => sim.stats().playing > playingBefore);
    // Let the first GOP go out at 1280×720; the switch then happens at a later keyframe.
    const sent = sim.stats().framesSent;
    await waitFor('a second of frames', () => sim.stats().framesSent >= sent + 40);
    sim.fault(6, 'resize');
    expect((await client.exited).code).toBe(0);
    const frames = await ffprobe([
      ...['-v', 'error', '-select_streams', 'v', '-show_entries', 'frame=width,height'],
      ...['-of', 'csv=p=0', output],
    ]);
    const sizes = [...new Set(frames.stdout.trim().split('\n'))];
    expect(sizes).toEqual(['1280,720', '640,360']);
  });

  it('names cameras it does not have when asked for a fault', () => {
    expect(() => sim.fault(7, 'drop')).toThrow(/no simulated camera 7/);
  });
});
