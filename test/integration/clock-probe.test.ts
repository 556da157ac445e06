import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatorCommand } from '../../src/cli/sim.command';
import { probeCameraClock, type ClockProbeResult } from '../../src/evidence/clock/clock-probe';
import { clockFromProbe } from '../../src/evidence/clock/measure';
import { startSimulator, type Simulator } from '../../src/sim/rtsp-server';
import { startGstRtsp } from '../helpers/gst-rtsp';

// The clock probe against real RTSP servers: the project's simulated cameras, whose sender
// reports carry a clock skewed on purpose, and GStreamer's RTSP server, which the project did
// not write. Offsets are compared with the skew within 300 ms: loopback, one 10 ms pacing tick.

const credentials = { username: 'viewer', password: 'clock-Secret-91' };
const tolerance = 300;

function offsetOf(result: ClockProbeResult): number {
  if (!result.ok) throw new Error(`probe failed: ${result.reason}`);
  return result.cameraMs - result.receivedMs;
}

/** A TCP server that accepts and never says a word: a camera whose RTSP service hung. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return {
    port: address.port,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('camera clock probe against the simulator (Digest)', () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({
      port: 0,
      cameras: 5,
      credentials,
      clockSkewMs: { 1: 2500, 2: -4000 },
    });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('measures a camera running 2.5 s ahead at +2500 ms', async () => {
    const result = await probeCameraClock(sim.url(1));
    expect(Math.abs(offsetOf(result) - 2500)).toBeLessThan(tolerance);
    expect(result.ok && result.roundTripMs).toBeLessThan(tolerance);
  });

  it('measures a camera running 4 s behind at -4000 ms', async () => {
    const result = await probeCameraClock(sim.url(2));
    expect(Math.abs(offsetOf(result) + 4000)).toBeLessThan(tolerance);
  });

  it('measures a camera with a right clock near zero', async () => {
    const result = await probeCameraClock(sim.url(3));
    expect(Math.abs(offsetOf(result))).toBeLessThan(tolerance);
  });

  it('sees a clock set while the camera runs, and leaves no session behind', async () => {
    // Typed on `matthan sim`'s standard input, as a tester would.
    expect(simulatorCommand(sim, 'clock 5 60000')).toBe('cam-005: clock +60000 ms');
    expect(sim.stats().clockSkews).toEqual({
      'cam-001': 2500,
      'cam-002': -4000,
      'cam-005': 60_000,
    });
    const result = await probeCameraClock(sim.url(5));
    expect(Math.abs(offsetOf(result) - 60_000)).toBeLessThan(tolerance);
    await waitFor(() => sim.stats().connections === 0, 3000);
    expect(sim.stats().sessions).toBe(0);
    expect(simulatorCommand(sim, 'clock 5 0')).toBe('cam-005: clock +0 ms');
    expect(simulatorCommand(sim, 'clock 5 soon')).toBe(
      'usage: clock CAMERA MS (e.g. clock 3 -4000)',
    );
    expect(simulatorCommand(sim, 'clock 5 999999999')).toMatch(/^cam-005: clock skew must be/);
  });

  it('says a camera refused the login, without the password, well within the timeout', async () => {
    sim.fault(4, 'refuse');
    const started = Date.now();
    const clock = clockFromProbe(await probeCameraClock(sim.url(4), { timeoutMs: 3000 }));
    expect(clock).toEqual({
      offsetMs: null,
      note: 'camera clock not measured: the camera refused the stored login (401)',
    });
    expect(Date.now() - started).toBeLessThan(3000);
    sim.fault(4, 'recover');
  });

  it('says so when the stored password is wrong, and logs in once only', async () => {
    const failuresBefore = sim.stats().authFailures;
    const url = sim.url(3).replace(encodeURIComponent(credentials.password), 'wrong-pass');
    const result = await probeCameraClock(url);
    expect(result).toEqual({ ok: false, reason: 'the camera refused the stored login (401)' });
    expect(sim.stats().authFailures - failuresBefore).toBe(1);
  });

  it('says so when the camera asks for a login and the URL has none', async () => {
    const result = await probeCameraClock(sim.url(3, { withCredentials: false }));
    expect(result).toEqual({
      ok: false,
      reason: 'the camera asks for a login and the stream URL has none',
    });
  });

  it('gives up on a camera sending more than the byte limit with no sender report', async () => {
    sim.fault(5, 'garbage');
    const result = await probeCameraClock(sim.url(5), { timeoutMs: 3000 });
    sim.fault(5, 'recover');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^the camera (sent|closed)/);
  });

  it('gives up after the byte limit when the sender report is yet to come', async () => {
    // 1 kB is less than the SDP and first keyframe: the limit ends the probe before the report.
    const result = await probeCameraClock(sim.url(3), { maxBytes: 1024 });
    expect(result).toEqual({
      ok: false,
      reason: 'the camera sent over 1024 bytes and no sender report',
    });
  });
});

describe('camera clock probe against unreachable cameras', () => {
  it('returns within the timeout when the camera accepts and never answers', async () => {
    const server = await silentServer();
    try {
      const started = Date.now();
      const result = await probeCameraClock(`rtsp://u:hidden-pass@127.0.0.1:${server.port}/x`, {
        timeoutMs: 1500,
      });
      const elapsed = Date.now() - started;
      expect(result).toEqual({ ok: false, reason: 'no answer to OPTIONS within 1500 ms' });
      expect(elapsed).toBeGreaterThanOrEqual(1400);
      expect(elapsed).toBeLessThan(3000);
    } finally {
      await server.close();
    }
  });

  it('says the camera refused the connection when nothing listens', async () => {
    const server = await silentServer();
    const { port } = server;
    await server.close();
    const result = await probeCameraClock(`rtsp://127.0.0.1:${port}/x`, { timeoutMs: 2000 });
    expect(result).toEqual({ ok: false, reason: 'the camera refused the connection' });
  });
});

describe('camera clock probe against GStreamer RTSP server (Digest)', () => {
  it('reads its sender report: a clock in step with ours', async () => {
    const server = await startGstRtsp(credentials);
    try {
      const result = await probeCameraClock(server.url(), { timeoutMs: 8000 });
      expect(Math.abs(offsetOf(result))).toBeLessThan(tolerance);
    } finally {
      await server.close();
    }
  }, 30_000);
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
