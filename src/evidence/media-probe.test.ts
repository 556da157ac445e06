import { describe, expect, it } from 'vitest';
import { mediaProbeArgs, parseMediaProbe } from './media-probe';

describe('media probe', () => {
  it('reads one local file of an accepted container, as JSON', () => {
    expect(mediaProbeArgs('/data/evidence/.incoming/a.mp4')).toEqual([
      '-v',
      'error',
      '-print_format',
      'json',
      '-show_entries',
      'format=format_name,duration:stream=codec_type,codec_name,width,height',
      '-protocol_whitelist',
      'file',
      '-format_whitelist',
      'mov,avi,matroska,mpegts,flv,asf,mpeg',
      '-i',
      '/data/evidence/.incoming/a.mp4',
    ]);
  });

  it('summarises the container, duration and first video and audio streams', () => {
    const output = JSON.stringify({
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '20.0213' },
      streams: [
        { codec_type: 'video', codec_name: 'h264', width: 1280, height: 720 },
        { codec_type: 'audio', codec_name: 'aac' },
        { codec_type: 'audio', codec_name: 'mp3' },
      ],
    });
    expect(parseMediaProbe(output)).toEqual({
      format: 'mov,mp4,m4a,3gp,3g2,mj2',
      durationS: 20.021,
      video: { codec: 'h264', width: 1280, height: 720 },
      audio: { codec: 'aac' },
    });
  });

  it('keeps an audio-only file and an unknown duration', () => {
    const output = JSON.stringify({
      format: { format_name: 'mpegts', duration: 'N/A' },
      streams: [{ codec_type: 'audio', codec_name: 'mp2' }],
    });
    expect(parseMediaProbe(output)).toEqual({
      format: 'mpegts',
      durationS: null,
      video: null,
      audio: { codec: 'mp2' },
    });
  });

  it('says null for no audio or video, and for output that is not JSON', () => {
    const subtitles = JSON.stringify({
      format: { format_name: 'matroska,webm' },
      streams: [{ codec_type: 'subtitle', codec_name: 'srt' }],
    });
    expect(parseMediaProbe(subtitles)).toBeNull();
    expect(parseMediaProbe('{}')).toBeNull();
    expect(parseMediaProbe('')).toBeNull();
  });
});
