import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSource, type RtspSource } from '../helpers/rtsp-sources';
import { recordCamera, recordingSuite, waitFor } from './recording.suite';

// The recorder against the project's simulated cameras (`matthan sim`).
recordingSuite('simulator');

describe('recorder edge cases against the simulator', () => {
  let source: RtspSource;
  beforeAll(async () => {
    source = await openSource('simulator');
  });
  afterAll(async () => {
    await source?.close();
  });

  it('records with the bundled ffmpeg 4 as well, which spells the socket timeout -stimeout', async () => {
    const bundled = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string })
      .path;
    const recording = await recordCamera(
      source.url(),
      { segmentSeconds: 2, pollMs: 60_000 },
      { ffmpegPath: bundled },
    );
    try {
      const rows = await waitFor(
        'two segments',
        async () => {
          const found = await recording.segments();
          return found.length >= 2 ? found : undefined;
        },
        30_000,
      );
      expect(rows[1]).toMatchObject({ codec: 'h264', width: 1280, height: 720 });
      const log = recording.logs.join('\n');
      expect(log).toContain(bundled);
      expect(log).toContain('"-stimeout","5000000"');
    } finally {
      await recording.close();
    }
  }, 60_000);

  it('reports a camera that answers with garbage instead of RTSP as an error', async () => {
    source.simulator!.fault(1, 'garbage');
    const recording = await recordCamera(source.url(), { segmentSeconds: 2, pollMs: 60_000 });
    try {
      const health = await waitFor(
        'the error',
        () => {
          const now = recording.recorder.health(recording.cameraId);
          return now?.state === 'error' || now?.state === 'offline' ? now : undefined;
        },
        20_000,
      );
      expect(health).toMatchObject({ state: 'error' });
      expect(health.error).toMatch(/not answer as an RTSP video stream/);
    } finally {
      source.fault('recover');
      await recording.close();
    }
  }, 60_000);
});
