import { describe, expect, it } from 'vitest';
import { incomingPattern, nextAudioMode, recordArgs, type RecordArgsOptions } from './ffmpeg-args';
import { socketTimeoutOptionFromHelp } from './ffmpeg-caps';

const options: RecordArgsOptions = {
  incomingDir: '/var/lib/matthan/media/segments/cam-1/.partial',
  connection: 'c1',
  segmentSeconds: 10,
  socketTimeoutMs: 5000,
  socketTimeoutOption: 'timeout',
  audio: 'copy',
  segmentListFd: 3,
};
const url = 'rtsp://admin:secret@192.168.1.64:554/Streaming/Channels/101';

describe('recordArgs', () => {
  it('builds one RTSP-over-TCP input, 10-second wall-clock MP4 segments and a live fMP4 pipe', () => {
    expect(recordArgs({ mainStreamUrl: url }, options)).toEqual([
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
      'segment',
      '-segment_time',
      '10',
      '-segment_atclocktime',
      '1',
      '-reset_timestamps',
      '1',
      '-segment_format',
      'mp4',
      '-strftime',
      '1',
      '-segment_list',
      'pipe:3',
      '-segment_list_type',
      'csv',
      '/var/lib/matthan/media/segments/cam-1/.partial/c1-%Y%m%dT%H%M%SZ.mp4',
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

  it('never closes stdin, so `q` can always stop ffmpeg cleanly', () => {
    expect(recordArgs({ mainStreamUrl: url }, options)).not.toContain('-nostdin');
  });

  it('uses ffmpeg 4’s -stimeout, since its -timeout would make the recorder listen', () => {
    const args = recordArgs(
      { mainStreamUrl: url },
      { ...options, socketTimeoutOption: 'stimeout' },
    );
    expect(args.slice(6, 8)).toEqual(['-stimeout', '5000000']);
    expect(args).not.toContain('-timeout');
  });

  it('re-encodes audio to AAC, or drops it, on both outputs when MP4 cannot carry it', () => {
    const aac = recordArgs({ mainStreamUrl: url }, { ...options, audio: 'aac' });
    const aacMaps = ['-map', '0:v:0', '-map', '0:a?', '-c:v', 'copy', '-c:a', 'aac', '-b:a', '64k'];
    expect(aac.slice(10, 20)).toEqual(aacMaps);
    expect(aac.slice(-17, -7)).toEqual(aacMaps);
    const none = recordArgs({ mainStreamUrl: url }, { ...options, audio: 'none' });
    expect(none.slice(10, 14)).toEqual(['-map', '0:v:0', '-c:v', 'copy']);
    expect(none).not.toContain('0:a?');
  });

  it('escapes a % in the media folder, which strftime would otherwise expand', () => {
    expect(incomingPattern('/data/100%/cam', 'c9')).toBe('/data/100%%/cam/c9-%Y%m%dT%H%M%SZ.mp4');
  });
});

describe('audio fallback', () => {
  const g711 = [
    '[mp4 @ 0x55ffc1273c80] Could not find tag for codec pcm_alaw in stream #1, codec not currently supported in container',
    'Could not write header for output file #0 (incorrect codec parameters ?): Invalid argument',
  ];
  it('moves from copy to AAC to no audio when MP4 refuses the audio stream', () => {
    expect(nextAudioMode('copy', g711)).toBe('aac');
    expect(nextAudioMode('aac', ['Error initializing output stream 1:1 -- '])).toBe('none');
    expect(nextAudioMode('none', g711)).toBeNull();
  });
  it('leaves audio alone when the failure is about something else', () => {
    expect(nextAudioMode('copy', ['rtsp://***@cam/1: Connection refused'])).toBeNull();
    expect(nextAudioMode('copy', ['Could not find tag for codec foo in stream #0'])).toBeNull();
  });
});

describe('socket timeout option', () => {
  it('reads -stimeout from ffmpeg 4’s RTSP help and -timeout otherwise', () => {
    const v4 =
      '  -timeout           <int>        .D....... set maximum timeout (in seconds) to wait for incoming connections\n' +
      '  -stimeout          <int>        .D....... set timeout (in microseconds) of socket TCP I/O operations\n';
    const v5 =
      '  -timeout           <int64>      .D......... set timeout (in microseconds) of socket I/O operations\n';
    expect(socketTimeoutOptionFromHelp(v4)).toBe('stimeout');
    expect(socketTimeoutOptionFromHelp(v5)).toBe('timeout');
  });
});
