import { describe, expect, it } from 'vitest';
import { playsInBrowser, viewingCopyArgs, viewingCopyName } from './viewing-copy';

const mp4 = 'mov,mp4,m4a,3gp,3g2,mj2';

describe('viewing copy', () => {
  it('transcodes to H.264/AAC MP4 with the index first, from one fenced local file', () => {
    expect(viewingCopyArgs('/e/i/a.ts', '/e/.incoming/b.mp4')).toEqual([
      ...['-hide_banner', '-loglevel', 'error', '-nostats', '-nostdin'],
      ...['-protocol_whitelist', 'file'],
      ...['-format_whitelist', 'mov,avi,matroska,mpegts,flv,asf,mpeg', '-i', '/e/i/a.ts'],
      ...['-map', '0:v:0?', '-map', '0:a:0?'],
      ...['-vf', 'scale=trunc(iw/2)*2:trunc(ih/2)*2'],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p'],
      ...['-c:a', 'aac', '-movflags', '+faststart', '-f', 'mp4', '-y', '/e/.incoming/b.mp4'],
    ]);
  });

  it('serves H.264 (with AAC or no audio) in MP4 as it is', () => {
    const video = { codec: 'h264', width: 1280, height: 720 };
    expect(
      playsInBrowser('i/a.mp4', { format: mp4, durationS: 10, video, audio: { codec: 'aac' } }),
    ).toBe(true);
    expect(playsInBrowser('i/a.MP4', { format: mp4, durationS: 10, video, audio: null })).toBe(
      true,
    );
  });

  it('transcodes other codecs, other containers and files it could not read', () => {
    const h264 = { codec: 'h264', width: 1280, height: 720 };
    const hevc = { codec: 'hevc', width: 1280, height: 720 };
    expect(playsInBrowser('i/a.mp4', { format: mp4, durationS: 1, video: hevc, audio: null })).toBe(
      false,
    );
    expect(
      playsInBrowser('i/a.mp4', {
        format: mp4,
        durationS: 1,
        video: h264,
        audio: { codec: 'mp3' },
      }),
    ).toBe(false);
    expect(
      playsInBrowser('i/a.ts', { format: 'mpegts', durationS: 1, video: h264, audio: null }),
    ).toBe(false);
    expect(playsInBrowser('i/a.mov', { format: mp4, durationS: 1, video: h264, audio: null })).toBe(
      false,
    );
    expect(playsInBrowser('i/a.mp4', null)).toBe(false);
  });

  it('names the copy after the original', () => {
    expect(viewingCopyName('camera 1.avi')).toBe('camera 1.view.mp4');
    expect(viewingCopyName('ghi-hinh')).toBe('ghi-hinh.view.mp4');
  });
});
