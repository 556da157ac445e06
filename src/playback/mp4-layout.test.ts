import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ffmpegBinary } from '../platform/ffmpeg';
import { indexComesFirst } from './mp4-layout';

const dir = mkdtempSync(join(tmpdir(), 'matthan-layout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A 3-second test picture written by real ffmpeg with the given muxer options. */
function mp4(name: string, options: string[]): string {
  const file = join(dir, name);
  execFileSync(ffmpegBinary(), [
    ...['-hide_banner', '-loglevel', 'quiet', '-f', 'lavfi'],
    ...['-i', 'testsrc=size=160x120:rate=10', '-t', '3', '-c:v', 'mpeg4'],
    ...['-f', 'mp4', ...options, '-y', file],
  ]);
  return file;
}

describe('download layout check', () => {
  it('accepts an index written into reserved room or moved to the front', async () => {
    expect(await indexComesFirst(mp4('reserved.mp4', ['-moov_size', '20000']))).toBe(true);
    expect(await indexComesFirst(mp4('moved.mp4', ['-movflags', '+faststart']))).toBe(true);
  });

  it('rejects an index at the end, and room too small for it', async () => {
    expect(await indexComesFirst(mp4('plain.mp4', []))).toBe(false);
    expect(await indexComesFirst(mp4('cramped.mp4', ['-moov_size', '100']))).toBe(false);
  });
});
