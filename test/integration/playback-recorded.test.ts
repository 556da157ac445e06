import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSource, type RtspSource } from '../helpers/rtsp-sources';
import { largestStep, probeDuration, videoPackets, withBodyFile } from './playback-fixtures';
import { recordCamera, waitFor, type Recording } from './recording.suite';

// Playback and download of footage the recorder itself made from the simulated camera over
// RTSP, with two-second segments: the index's own durations (from the wall clock) drive the
// join, and the result still runs without a jump across every boundary.

describe('playback of recorded footage', () => {
  let source: RtspSource;
  let recording: Recording;
  let cookie = '';
  const reason = 'Kiểm tra ghi hình';

  beforeAll(async () => {
    source = await openSource('simulator');
    recording = await recordCamera(source.url(), { segmentSeconds: 2, pollMs: 60_000 });
    await recording.h.ctx.db.kysely
      .updateTable('cameras')
      .set({ consent_tier: 'live_always' })
      .where('id', '=', recording.cameraId)
      .execute();
    await recording.h.createUser({ username: 'rec.admin', role: 'admin' });
    cookie = await recording.h.login('rec.admin');
    await waitFor(
      'five segments',
      async () => ((await recording.segments()).length >= 5 ? true : undefined),
      45_000,
    );
  }, 90_000);
  afterAll(async () => {
    await recording?.close();
    await source?.close();
  });

  it('plays segments back to back as one stream, and downloads a cut within one GOP', async () => {
    const segments = (await recording.segments()).slice(0, 5);
    const from = Number(segments[0]!.start_ms);
    const to = Number(segments.at(-1)!.end_ms);
    const range = `from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`;
    const get = (path: string) =>
      recording.h.app.inject({
        method: 'GET',
        url: `/api/cameras/${recording.cameraId}/${path}?${range}&reason=${encodeURIComponent(reason)}`,
        headers: { cookie },
      });

    const window = await get('playback');
    expect(window.statusCode, window.body).toBe(200);
    const described = window.json<{ mediaSeconds: number; mime: string }>();
    expect(described.mime).toMatch(/^video\/mp4; codecs="avc1\./);

    const media = await get('playback.mp4');
    expect(media.statusCode).toBe(200);
    const packets = await withBodyFile(media.rawPayload, videoPackets);
    expect(packets[0]!.keyframe).toBe(true);
    // 25 fps: frames 40 ms apart; the seams between files add at most a few milliseconds.
    expect(largestStep(packets)).toBeLessThan(0.1);
    expect(packets.at(-1)!.pts).toBeGreaterThan(described.mediaSeconds - 0.5);

    const cutFrom = from + 1_000;
    const cutTo = to - 1_000;
    const download = await recording.h.app.inject({
      method: 'GET',
      url: `/api/cameras/${recording.cameraId}/download.mp4?from=${new Date(cutFrom).toISOString()}&to=${new Date(cutTo).toISOString()}&reason=${encodeURIComponent(reason)}`,
      headers: { cookie },
    });
    expect(download.statusCode).toBe(200);
    const duration = await withBodyFile(download.rawPayload, probeDuration);
    const asked = (cutTo - cutFrom) / 1000;
    expect(duration).toBeGreaterThanOrEqual(asked - 0.2);
    expect(duration).toBeLessThanOrEqual(asked + 2);
  });
});
