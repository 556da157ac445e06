import { describe, expect, it } from 'vitest';
import { parseProbe, probeArgs } from './reconcile-probe';

describe('probeArgs', () => {
  it('asks ffprobe for errors only and JSON of the container and streams', () => {
    expect(probeArgs('/media/segments/c1/2025-11-20/070530.mp4')).toEqual([
      '-v',
      'error',
      '-print_format',
      'json',
      '-show_entries',
      'format=duration:stream=codec_type,codec_name,width,height,duration',
      '/media/segments/c1/2025-11-20/070530.mp4',
    ]);
  });
});

describe('parseProbe', () => {
  it('reads duration, codec, size and audio of a segment', () => {
    const output = JSON.stringify({
      streams: [
        { codec_type: 'video', codec_name: 'h264', width: 1280, height: 720, duration: '10.0' },
        { codec_type: 'audio', codec_name: 'aac', duration: '9.98' },
      ],
      format: { duration: '10.005' },
    });
    expect(parseProbe(output)).toEqual({
      durationMs: 10_005,
      codec: 'h264',
      width: 1280,
      height: 720,
      hasAudio: true,
    });
  });

  it('falls back to the video stream’s duration when the container gives none', () => {
    const output = JSON.stringify({
      streams: [{ codec_type: 'video', codec_name: 'hevc', duration: '4.2' }],
      format: {},
    });
    expect(parseProbe(output)).toMatchObject({ durationMs: 4_200, hasAudio: false });
  });

  it('finds nothing playable without video, without duration, or without JSON', () => {
    expect(parseProbe('{"streams":[{"codec_type":"audio"}],"format":{"duration":"3"}}')).toBeNull();
    expect(
      parseProbe('{"streams":[{"codec_type":"video"}],"format":{"duration":"N/A"}}'),
    ).toBeNull();
    expect(parseProbe('')).toBeNull();
  });
});
