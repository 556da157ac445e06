import { describe, expect, it } from 'vitest';
import { codecName, type StreamInfo } from './fmp4';
import { streamChange } from './stream-change';

const h264: StreamInfo = {
  codec: 'h264',
  width: 1280,
  height: 720,
  hasAudio: true,
  videoTrackId: 1,
  videoTimescale: 90_000,
};

describe('a camera stream that changes between connections', () => {
  it('says nothing on the first connection or when the stream is the same', () => {
    expect(streamChange(null, h264)).toBeNull();
    // A new track id or timescale is ffmpeg's bookkeeping, not a change of the camera's stream.
    expect(streamChange(h264, { ...h264, videoTrackId: 2, videoTimescale: 1000 })).toBeNull();
  });

  it('names a codec switch from H.264 to H.265', () => {
    expect(streamChange(h264, { ...h264, codec: 'hevc' })).toEqual({
      message: 'stream changed: codec h264 → hevc',
      details: { codec: 'h264 → hevc' },
    });
  });

  it('names every field that changed, in one line', () => {
    const next = { ...h264, codec: 'hevc', width: 640, height: 360, hasAudio: false };
    expect(streamChange(h264, next)?.message).toBe(
      'stream changed: codec h264 → hevc, size 1280x720 → 640x360, audio present → none',
    );
    expect(streamChange({ ...h264, width: null, height: null }, h264)?.details).toEqual({
      size: 'unknown → 1280x720',
    });
  });

  it('names codecs from the init segment as ffprobe does, so the index agrees with reconcile', () => {
    expect(['avc1', 'avc3', 'hvc1', 'hev1'].map(codecName)).toEqual([
      'h264',
      'h264',
      'hevc',
      'hevc',
    ]);
  });
});
