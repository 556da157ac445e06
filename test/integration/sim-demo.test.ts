import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { streamUrlsFor } from '../../src/cameras/camera.service';
import { DEMO_SIM_CAMERAS } from '../../src/demo/demo-camera-kit';
import { seedDemo } from '../../src/demo/seed';
import { startDemoCameras } from '../../src/sim/demo';
import type { Simulator } from '../../src/sim/rtsp-server';
import { describeEachDatabase } from '../helpers/harness';
import { probeRtsp } from './sim-clients';

/** A port nobody listens on right now, for the demo's fixed simulator port. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

const simPort = await freePort();

describeEachDatabase(
  'demo cameras on the simulator',
  (h) => {
    let sim: Simulator;
    let streams: { code: string; recording: boolean; main: string; sub: string | null }[];

    beforeAll(async () => {
      await seedDemo(h().ctx);
      const rows = await h()
        .ctx.db.kysely.selectFrom('cameras')
        .select(['id', 'code', 'recording_enabled'])
        .where('main_stream_enc', 'is not', null)
        .orderBy('code')
        .execute();
      streams = [];
      for (const row of rows) {
        const urls = await streamUrlsFor(h().ctx, row.id);
        streams.push({
          code: row.code,
          recording: Number(row.recording_enabled) === 1,
          main: urls.mainStreamUrl!,
          sub: urls.subStreamUrl,
        });
      }
      sim = await startDemoCameras(h().ctx);
    });
    afterAll(async () => {
      await sim?.close();
    });

    it('points every demo stream at a simulated camera on the configured port', () => {
      expect(streams.length).toBeGreaterThan(0);
      for (const stream of streams) {
        const match = /^rtsp:\/\/demo:demo-pass@127\.0\.0\.1:(\d+)\/cam-(\d{3})$/.exec(stream.main);
        expect(match, stream.main).not.toBeNull();
        expect(Number(match![1])).toBe(simPort);
        expect(Number(match![2])).toBeLessThanOrEqual(DEMO_SIM_CAMERAS);
        expect(stream.sub).toBe(`${stream.main}/sub`);
      }
      expect(sim.port).toBe(simPort);
      expect(sim.cameras).toBe(DEMO_SIM_CAMERAS);
    });

    it('turns recording on for a handful of Xuân Đỉnh cameras, which the simulator serves', async () => {
      const recorded = streams.filter((s) => s.recording);
      expect(recorded.map((s) => s.code)).toEqual([
        'TX1-01',
        'TX1-02',
        'TX1-03',
        'TX1-04',
        'TX1-05',
        'TX1-06',
        'TX1-OWN-1',
      ]);
      const probes = await Promise.all([
        probeRtsp(recorded[0]!.main),
        probeRtsp(recorded[6]!.sub!),
      ]);
      expect(probes.map((p) => p.streams.find((s) => s.codec_type === 'video')?.width)).toEqual([
        1280, 640,
      ]);
    });
  },
  { simPort },
);
