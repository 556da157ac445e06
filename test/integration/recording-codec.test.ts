import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCameras } from '../../src/cameras/camera.service';
import { simulatorCommand } from '../../src/cli/sim.command';
import { RecorderService } from '../../src/recording/recorder';
import type { RecorderSettings } from '../../src/recording/recorder-settings';
import type { SegmentRow } from '../../src/recording/segments.repo';
import { startSimulator, type Simulator } from '../../src/sim/rtsp-server';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase, type Harness } from '../helpers/harness';
import { collectingLogger, waitFor } from './recording.suite';
import { exitedWithin, probeFile, probeRtsp, stopClients, watch } from './sim-clients';

// Bad input, named: a camera whose codec an installer switches from H.264 to H.265 while it is
// recorded. The camera drops its RTSP session and comes back describing the new codec; the
// recorder must write the outage as a gap, go on recording in the new codec, index it as such,
// leave what it already recorded alone, and say in its log what happened.

const credentials = { username: 'viewer', password: 'cam-Codec-42' };
const gstLaunch = '/usr/bin/gst-launch-1.0';

describe('the simulated camera codec fault', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, cameras: 2, credentials });
  });
  afterEach(stopClients);
  afterAll(async () => {
    await sim?.close();
  });

  const videoOf = async (url: string) =>
    (await probeRtsp(url)).streams.find((s) => s.codec_type === 'video');

  it('drops the open session and describes the main stream as H.265 from then on', async () => {
    expect(await videoOf(sim.url(1))).toMatchObject({ codec_name: 'h264', width: 1280 });
    const playingBefore = sim.stats().playing;
    const client = watch(sim.url(1));
    await waitFor('the client to play', () => sim.stats().playing > playingBefore, 10_000);

    expect(simulatorCommand(sim, 'codec 1')).toBe('cam-001: codec, main stream now hevc');
    expect(await exitedWithin(client, 5_000)).not.toBeNull();
    expect(await videoOf(sim.url(1))).toMatchObject({ codec_name: 'hevc', width: 1280 });
    // The sub stream and the other cameras are not affected.
    expect(await videoOf(sim.url(1, { sub: true }))).toMatchObject({ codec_name: 'h264' });
    expect(await videoOf(sim.url(2))).toMatchObject({ codec_name: 'h264' });
    expect(sim.stats().codecs).toEqual({ 'cam-001': 'hevc' });
  });

  it.skipIf(!existsSync(gstLaunch))(
    'sends H.265 that GStreamer, a reader we did not write, depacketises into 720p pictures',
    async () => {
      sim.fault(2, 'codec');
      try {
        const { stdout } = await promisify(execFile)(
          gstLaunch,
          [
            ...['-v', 'rtspsrc', `location=${sim.url(2)}`, 'protocols=tcp'],
            ...['!', 'rtph265depay', '!', 'h265parse', '!', 'fakesink', 'num-buffers=50'],
          ],
          { timeout: 15_000, maxBuffer: 16 << 20 },
        );
        expect(stdout).toMatch(/h265parse0\.GstPad:src: caps = video\/x-h265.*width=\(int\)1280/);
        expect(stdout).toMatch(/Got EOS/);
      } finally {
        sim.fault(2, 'recover');
      }
    },
  );

  it('switches back on a second codec fault, and recover goes back to H.264', async () => {
    sim.fault(2, 'codec');
    expect(await videoOf(sim.url(2))).toMatchObject({ codec_name: 'hevc' });
    sim.fault(2, 'codec');
    expect(await videoOf(sim.url(2))).toMatchObject({ codec_name: 'h264' });
    sim.fault(1, 'recover');
    expect(await videoOf(sim.url(1))).toMatchObject({ codec_name: 'h264' });
    expect(sim.stats().codecs).toEqual({});
    expect(simulatorCommand(sim, 'help')).toContain('codec');
  });
});

/** Two-second segments, so the test sees several on each side of the switch quickly. */
const fast: Partial<RecorderSettings> = { segmentSeconds: 2, pollMs: 60_000 };

async function probeVideo(file: string): Promise<string | undefined> {
  const { codecs } = await probeFile(file);
  return codecs.find((codec) => codec === 'h264' || codec === 'hevc');
}

async function addCamera(h: Harness, url: string): Promise<string> {
  await seedTestUnits(h.ctx);
  const [cameraId] = (await createCameras(h.ctx, null, [
    {
      code: 'CODEC-1',
      name: 'Camera cổng trường',
      ownerKind: 'school',
      jurisdictionId: unitIds.xuanDinh,
      latitude: 21.0741,
      longitude: 105.7899,
      heading: 90,
      fov: 90,
      rangeM: 25,
      mainStreamUrl: url,
      recordingEnabled: true,
    },
  ])) as [string];
  return cameraId;
}

describeEachDatabase('recording a camera whose codec changes mid-way', (harness) => {
  let sim: Simulator;
  let recorder: RecorderService | null = null;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, cameras: 1, credentials });
  });
  afterAll(async () => {
    await recorder?.stop();
    await sim?.close();
  });

  it('writes the outage as a gap, then records and indexes H.265, keeping the H.264 footage', async () => {
    const h = harness();
    const cameraId = await addCamera(h, sim.url(1));
    const logs: string[] = [];
    recorder = new RecorderService(h.ctx, fast);
    h.ctx.recorder = recorder;
    await recorder.start(collectingLogger(logs));
    const db = h.ctx.db.kysely;
    const segments = (): Promise<SegmentRow[]> =>
      db
        .selectFrom('segments')
        .selectAll()
        .where('camera_id', '=', cameraId)
        .orderBy('start_ms')
        .execute();
    const gaps = () =>
      db.selectFrom('recording_gaps').selectAll().where('camera_id', '=', cameraId).execute();

    const before = await waitFor(
      'an indexed H.264 segment',
      async () => {
        const rows = await segments();
        return rows.some((row) => row.codec === 'h264') ? rows : undefined;
      },
      30_000,
    );
    sim.fault(1, 'codec');

    await waitFor(
      'two indexed H.265 segments',
      async () => (await segments()).filter((row) => row.codec === 'hevc').length >= 2,
      30_000,
    );
    await waitFor('online', () => recorder!.health(cameraId)?.state === 'online', 10_000);
    const rows = await segments();
    const h264 = rows.filter((row) => row.codec === 'h264');
    const hevc = rows.filter((row) => row.codec === 'hevc');
    // Every segment is one or the other, and the switch happens once.
    expect(rows).toEqual([...h264, ...hevc]);

    // One outage, one gap, from the end of the last H.264 footage to the first H.265 footage.
    const [gap, ...more] = await gaps();
    expect(more).toEqual([]);
    expect(gap).toMatchObject({ reason: 'offline' });
    expect(gap!.start_ms).toBe(h264.at(-1)!.end_ms);
    expect(gap!.end_ms).toBe(hevc[0]!.start_ms);
    expect(gap!.end_ms! - gap!.start_ms).toBeLessThan(10_000);

    // The new footage is what the index says it is, by an independent reader.
    const mediaDir = recorder.mediaDir;
    for (const row of hevc) {
      expect(row).toMatchObject({ width: 1280, height: 720, has_audio: 1, state: 'ok' });
      expect(await probeVideo(join(mediaDir, row.path)), row.path).toBe('hevc');
    }
    // What was recorded before the switch is untouched: same rows, same files, still H.264.
    expect(rows.slice(0, before.length)).toEqual(before);
    for (const row of h264) {
      expect(statSync(join(mediaDir, row.path)).size, row.path).toBe(Number(row.bytes));
      expect(await probeVideo(join(mediaDir, row.path)), row.path).toBe('h264');
    }

    const health = recorder.health(cameraId);
    expect(health).toMatchObject({ state: 'online', starts: 2 });
    const log = logs.join('\n');
    expect(log).toMatch(/stream changed: codec h264 → hevc .*"camera":"CODEC-1"/);
    expect(log).not.toContain(credentials.password);

    await recorder.stop();
    recorder = null;
  }, 90_000);
});
