import { describe, expect, it } from 'vitest';
import { downloadArgs, moovReserveBytes, playbackArgs } from './export-args';

const input = [
  '-hide_banner',
  '-loglevel',
  'error',
  '-nostats',
  '-nostdin',
  '-protocol_whitelist',
  'file',
  '-f',
  'concat',
  '-safe',
  '0',
  '-i',
  '/tmp/c/list.ffconcat',
  '-map',
  '0:v:0',
  '-map',
  '0:a?',
  '-c',
  'copy',
];

describe('ffmpeg arguments', () => {
  it('streams playback as fragmented MP4 on stdout with stream copy', () => {
    expect(playbackArgs('/tmp/c/list.ffconcat')).toEqual([
      ...input,
      '-f',
      'mp4',
      '-movflags',
      'frag_keyframe+empty_moov+default_base_moof',
      'pipe:1',
    ]);
  });

  it('writes a download as MP4 with its index first, with stream copy', () => {
    expect(downloadArgs('/tmp/c/list.ffconcat', '/data/exports/k.mp4.1.part')).toEqual([
      ...input,
      '-f',
      'mp4',
      '-movflags',
      '+faststart',
      '-y',
      '/data/exports/k.mp4.1.part',
    ]);
  });

  it('keeps room for the index at the start instead of moving it afterwards', () => {
    expect(downloadArgs('/tmp/c/list.ffconcat', '/data/exports/k.mp4.1.part', 679_936)).toEqual([
      ...input,
      '-f',
      'mp4',
      '-moov_size',
      '679936',
      '-y',
      '/data/exports/k.mp4.1.part',
    ]);
    expect(moovReserveBytes(600)).toBe(65_536 + 614_400);
  });

  it('never re-encodes', () => {
    for (const args of [playbackArgs('l'), downloadArgs('l', 'o')]) {
      expect(args.filter((arg) => arg.startsWith('-c'))).toEqual(['-c']);
      expect(args[args.indexOf('-c') + 1]).toBe('copy');
    }
  });
});
