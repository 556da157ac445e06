import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ffmpegBinary } from '../platform/ffmpeg';
import { childBoxes } from '../recording/fmp4';
import { avcCodec, hevcCodec, liveStreamInfo, mp4aCodec } from './codec-string';

const run = promisify(execFile);

/** The init segment (ftyp+moov) of a fragmented MP4 that ffmpeg encodes from a test pattern. */
async function realInit(video: string[], audio: boolean): Promise<Buffer> {
  const args = [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=320x240:rate=25',
    ...(audio ? ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=16000'] : []),
    '-t',
    '0.4',
    ...video,
    ...(audio ? ['-c:a', 'aac', '-b:a', '32k'] : []),
    '-movflags',
    'frag_keyframe+empty_moov+default_base_moof',
    '-f',
    'mp4',
    'pipe:1',
  ];
  const { stdout } = await run(ffmpegBinary(), args, { encoding: 'buffer', maxBuffer: 1 << 24 });
  const boxes = childBoxes(stdout);
  const moov = boxes.find((box) => box.type === 'moov')!;
  return stdout.subarray(0, moov.end);
}

describe('liveStreamInfo', () => {
  it('describes a real H.264 High 3.1 + AAC-LC init segment as avc1.64001f,mp4a.40.2', async () => {
    const init = await realInit(
      ['-c:v', 'libx264', '-profile:v', 'high', '-level', '3.1', '-pix_fmt', 'yuv420p'],
      true,
    );
    expect(liveStreamInfo(init)).toEqual({
      mime: 'video/mp4; codecs="avc1.64001f,mp4a.40.2"',
      codecs: ['avc1.64001f', 'mp4a.40.2'],
      width: 320,
      height: 240,
    });
  }, 20_000);

  it('describes a real H.264 Baseline 3.0 stream without audio', async () => {
    const init = await realInit(
      ['-c:v', 'libx264', '-profile:v', 'baseline', '-level', '3.0', '-pix_fmt', 'yuv420p'],
      false,
    );
    const info = liveStreamInfo(init);
    expect(info?.codecs).toHaveLength(1);
    expect(info?.codecs[0]).toMatch(/^avc1\.42[0-9a-f]{2}1e$/);
  }, 20_000);

  it('describes a real H.265 Main stream with an hvc1 codec string', async () => {
    const init = await realInit(
      [
        '-c:v',
        'libx265',
        '-x265-params',
        'log-level=error',
        '-pix_fmt',
        'yuv420p',
        '-tag:v',
        'hvc1',
      ],
      false,
    );
    expect(liveStreamInfo(init)?.codecs[0]).toMatch(/^hvc1\.1\.6\.L\d+\.[89AB]0$/);
  }, 30_000);

  it('answers null for an init segment without a moov or without video', () => {
    expect(liveStreamInfo(Buffer.alloc(0))).toBeNull();
    expect(liveStreamInfo(Buffer.from('0000000cftypisom', 'latin1'))).toBeNull();
  });
});

describe('codec strings from configuration records', () => {
  it('formats avcC profile, constraints and level as six hex digits', () => {
    expect(avcCodec('avc1', Buffer.from([1, 0x4d, 0x40, 0x28, 0xff]))).toBe('avc1.4d4028');
    expect(avcCodec('avc3', Buffer.from([1]))).toBe('avc3');
  });

  it('formats hvcC as profile, reversed compatibility flags, tier+level and constraints', () => {
    const hvcC = Buffer.from([1, 0x01, 0x60, 0, 0, 0, 0x90, 0, 0, 0, 0, 0, 120, 0xf0]);
    expect(hevcCodec('hvc1', hvcC)).toBe('hvc1.1.6.L120.90');
    const highTier = Buffer.from([1, 0x22, 0x20, 0, 0, 0, 0xb0, 0, 0, 0, 0, 0, 153]);
    expect(hevcCodec('hev1', highTier)).toBe('hev1.2.4.H153.B0');
  });

  it('reads the audio object type from an esds, including the escape for types above 30', () => {
    const esds = (specific: number[]) =>
      Buffer.from([
        0,
        0,
        0,
        0,
        3,
        22 + specific.length,
        0,
        1,
        0,
        4,
        13 + 2 + specific.length,
        0x40,
        0x15,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        5,
        specific.length,
        ...specific,
      ]);
    expect(mp4aCodec(esds([0x12, 0x10]))).toBe('mp4a.40.2');
    expect(mp4aCodec(esds([0x2b, 0x88]))).toBe('mp4a.40.5');
    expect(mp4aCodec(esds([0xf8, 0x40]))).toBe('mp4a.40.34');
  });
});
