import { describe, expect, it } from 'vitest';
import { liveArgs, snapshotArgs } from './live-args';
import { checkReason } from './live-access';
import { planStream } from './live-streams';

const url = 'rtsp://viewer:secret@10.0.0.7:554/Streaming/Channels/102';

describe('liveArgs', () => {
  it('copies the stream over RTSP/TCP into fMP4 on stdout, a fragment every half second', () => {
    expect(
      liveArgs(url, { socketTimeoutMs: 5_000, socketTimeoutOption: 'timeout', audio: 'copy' }),
    ).toEqual([
      '-hide_banner',
      '-loglevel',
      'warning',
      '-nostats',
      '-rtsp_transport',
      'tcp',
      '-timeout',
      '5000000',
      '-i',
      url,
      '-map',
      '0:v:0',
      '-map',
      '0:a?',
      '-c',
      'copy',
      '-f',
      'mp4',
      '-movflags',
      'frag_keyframe+empty_moov+default_base_moof',
      '-frag_duration',
      '500000',
      'pipe:1',
    ]);
  });

  it('drops audio for the wall and spells the timeout as ffmpeg 4 does when told to', () => {
    const args = liveArgs(url, {
      socketTimeoutMs: 3_000,
      socketTimeoutOption: 'stimeout',
      audio: 'none',
    });
    expect(args.slice(6, 8)).toEqual(['-stimeout', '3000000']);
    expect(args.slice(10, 16)).toEqual(['-map', '0:v:0', '-c:v', 'copy', '-an', '-f']);
  });

  it('re-encodes only the audio to AAC when the camera sends a codec MP4 cannot carry', () => {
    const args = liveArgs(url, {
      socketTimeoutMs: 5_000,
      socketTimeoutOption: 'timeout',
      audio: 'aac',
    });
    expect(args.slice(10, 22)).toEqual([
      '-map',
      '0:v:0',
      '-map',
      '0:a?',
      '-c:v',
      'copy',
      '-c:a',
      'aac',
      '-b:a',
      '64k',
      '-f',
      'mp4',
    ]);
  });
});

describe('snapshotArgs', () => {
  it('decodes one frame from stdin into a JPEG at most 640 pixels wide', () => {
    expect(snapshotArgs({ kind: 'pipe' })).toEqual([
      '-hide_banner',
      '-loglevel',
      'error',
      '-f',
      'mp4',
      '-i',
      'pipe:0',
      '-map',
      '0:v:0',
      '-frames:v',
      '1',
      '-vf',
      "scale='min(640,iw)':-2",
      '-f',
      'image2',
      '-c:v',
      'mjpeg',
      '-q:v',
      '5',
      'pipe:1',
    ]);
  });

  it('reads a segment file without touching stdin', () => {
    expect(snapshotArgs({ kind: 'file', path: '/media/a b.mp4' }).slice(3, 6)).toEqual([
      '-nostdin',
      '-i',
      '/media/a b.mp4',
    ]);
  });
});

describe('planStream', () => {
  const camera = { id: 'c1', main_stream_enc: 'sealed-main', sub_stream_enc: 'sealed-sub' };

  it('serves the sub stream from its own connection, recorded or not', () => {
    expect(planStream(camera, 'sub', true)).toEqual({
      stream: 'sub',
      source: 'ondemand',
      sealedUrl: 'sealed-sub',
    });
  });

  it('serves the main stream from the recorder when it records the camera, else on demand', () => {
    expect(planStream(camera, 'main', true)).toEqual({ stream: 'main', source: 'recorder' });
    expect(planStream(camera, 'main', false)).toEqual({
      stream: 'main',
      source: 'ondemand',
      sealedUrl: 'sealed-main',
    });
  });

  it('falls back to the main stream when there is no sub stream, and has nothing without any', () => {
    const mainOnly = { ...camera, sub_stream_enc: null };
    expect(planStream(mainOnly, 'sub', true)).toEqual({ stream: 'main', source: 'recorder' });
    expect(planStream({ ...mainOnly, main_stream_enc: null }, 'main', false)).toBeNull();
  });
});

describe('checkReason', () => {
  it('trims the reason and requires 3 to 500 characters when one is needed', () => {
    expect(checkReason('  Xác minh vụ việc  ', true)).toBe('Xác minh vụ việc');
    expect(() => checkReason(undefined, true)).toThrow(/reason/);
    expect(() => checkReason('  ab ', true)).toThrow(/at least 3/);
    expect(() => checkReason('x'.repeat(501), true)).toThrow(/at most 500/);
  });

  it('needs nothing from the owner of the camera', () => {
    expect(checkReason(undefined, false)).toBeNull();
    expect(checkReason('  ', false)).toBeNull();
  });
});
