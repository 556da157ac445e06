import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { ffprobeBinary } from '../../src/platform/ffmpeg';
import { startGstRtsp } from '../helpers/gst-rtsp';
import { recordCamera, recordingSuite, waitFor } from './recording.suite';

// The recorder against an RTSP server the project did not write (GStreamer's gst-rtsp-server).
recordingSuite('gstreamer');

it('records a camera that sends G.711 audio, which MP4 cannot hold, with the audio as AAC', async () => {
  const server = await startGstRtsp({ audio: 'alaw' });
  const recording = await recordCamera(server.url(), { segmentSeconds: 2, pollMs: 60_000 });
  try {
    const [, second] = await waitFor(
      'two segments',
      async () => {
        const rows = await recording.segments();
        return rows.length >= 2 ? rows : undefined;
      },
      30_000,
    );
    expect(second).toMatchObject({ codec: 'h264', has_audio: 1 });
    const { stdout } = await promisify(execFile)(ffprobeBinary(), [
      ...['-v', 'error', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0'],
      join(recording.recorder.mediaDir, second!.path),
    ]);
    expect(stdout.trim().split('\n')).toEqual(['h264', 'aac']);
    expect(recording.logs.join('\n')).toContain('audio cannot be copied into MP4');
    expect(recording.recorder.health(recording.cameraId)?.state).toBe('online');
  } finally {
    await recording.close();
    await server.close();
  }
}, 60_000);
