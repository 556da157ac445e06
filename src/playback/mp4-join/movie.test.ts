import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegBinary, ffprobeBinary } from '../../platform/ffmpeg';
import { childBoxes, whole } from './boxes';
import { readMovie, type Movie } from './movie';
import { readSampleTable } from './sample-tables';
import { SampleTableBuilder } from './table-builder';

// Reading real MP4 files made by ffmpeg, checked against ffprobe's view of the same packets,
// and sample tables rebuilt by the builder read back the same.

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'matthan-mp4-join-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two seconds of test picture (B-frames, a keyframe every 10) and a tone, as an MP4. */
function makeFile(name: string, size: string, bitrate: string): string {
  const file = join(dir, name);
  execFileSync(ffmpegBinary(), [
    ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `testsrc=size=${size}:rate=25`],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=16000', '-t', '2'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '2', '-g', '10', '-b:v', bitrate],
    ...['-c:a', 'aac', '-f', 'mp4', '-y', file],
  ]);
  return file;
}

function movieOf(file: string): Movie {
  const bytes = readFileSync(file);
  const moov = childBoxes(bytes).find((box) => box.type === 'moov')!;
  return readMovie(whole(bytes, moov));
}

interface ProbedPacket {
  stream: number;
  pos: number;
  size: number;
  dts: number;
  pts: number;
  keyframe: boolean;
}

/** Every packet as ffprobe reads it, in the stream's time base. */
function probePackets(file: string): ProbedPacket[] {
  const text = execFileSync(ffprobeBinary(), [
    ...['-v', 'error', '-show_entries', 'packet=stream_index,pos,size,dts,pts,flags'],
    ...['-of', 'json', file],
  ]).toString();
  const { packets } = JSON.parse(text) as {
    packets: {
      stream_index: number;
      pts: number;
      dts: number;
      size: string;
      pos: string;
      flags: string;
    }[];
  };
  return packets.map((packet) => ({
    stream: packet.stream_index,
    pos: Number(packet.pos),
    size: Number(packet.size),
    dts: packet.dts,
    pts: packet.pts,
    keyframe: packet.flags.includes('K'),
  }));
}

describe('reading a segment index', () => {
  it('finds each packet’s place, size, times and keyframe flag as ffprobe does', () => {
    const file = makeFile('probe.mp4', '320x240', '300k');
    const movie = movieOf(file);
    expect(movie.tracks.map((track) => track.handler)).toEqual(['vide', 'soun']);
    const packets = probePackets(file);
    movie.tracks.forEach((track, stream) => {
      const probed = packets.filter((packet) => packet.stream === stream);
      const { samples } = track;
      expect(samples.count).toBe(probed.length);
      // ffprobe gives decode times shifted by the edit list's media start, as the joiner does.
      let dts = -track.edit.mediaTime;
      probed.forEach((packet, i) => {
        expect(samples.offsets[i]).toBe(packet.pos);
        expect(samples.sizes[i]).toBe(packet.size);
        expect(dts).toBe(packet.dts);
        expect(dts + (samples.compositionOffsets?.[i] ?? 0)).toBe(packet.pts);
        expect(samples.sync === null || samples.sync[i] === 1).toBe(packet.keyframe);
        dts += samples.durations[i]!;
      });
    });
    // B-frames: the video has composition offsets and a keyframe every 10 frames.
    const video = movie.tracks[0]!.samples;
    expect(video.compositionOffsets).not.toBeNull();
    expect([...video.sync!].flatMap((flag, i) => (flag ? [i] : []))).toEqual([0, 10, 20, 30, 40]);
  });

  it('rebuilds sample tables that read back the same', () => {
    const movie = movieOf(makeFile('rebuild.mp4', '320x240', '300k'));
    for (const track of movie.tracks) {
      const { samples } = track;
      const builder = new SampleTableBuilder();
      for (let i = 0; i < samples.count; i++) {
        builder.push({
          offset: samples.offsets[i]!,
          size: samples.sizes[i]!,
          duration: samples.durations[i]!,
          compositionOffset: samples.compositionOffsets?.[i] ?? 0,
          sync: samples.sync === null || samples.sync[i] === 1,
          group: samples.groups?.indices[i] ?? 0,
        });
      }
      for (const wide of [false, true]) {
        const stbl = Buffer.concat([track.stsd, ...builder.build(0, wide, null)]);
        const header = Buffer.alloc(8);
        header.writeUInt32BE(stbl.length + 8, 0);
        header.write('stbl', 4, 'latin1');
        const table = Buffer.concat([header, stbl]);
        const read = readSampleTable(table, childBoxes(table)[0]!);
        expect(read.offsets).toEqual(samples.offsets);
        expect(read.sizes).toEqual(samples.sizes);
        expect(read.durations).toEqual(samples.durations);
        expect(read.compositionOffsets).toEqual(samples.compositionOffsets);
        expect(read.sync).toEqual(samples.sync);
      }
    }
  });

  it('takes two encodes of one stream as the same, and another picture size as not', () => {
    const [a, b, c] = [
      movieOf(makeFile('a.mp4', '320x240', '200k')),
      movieOf(makeFile('b.mp4', '320x240', '600k')),
      movieOf(makeFile('c.mp4', '352x288', '200k')),
    ];
    // The bit rates differ, so the raw descriptions do; what the stream is does not.
    expect(a.tracks[0]!.stsd.equals(b.tracks[0]!.stsd)).toBe(false);
    expect(a.tracks[1]!.identity.equals(b.tracks[1]!.identity)).toBe(true);
    expect(a.tracks[0]!.identity.equals(b.tracks[0]!.identity)).toBe(true);
    expect(a.tracks[0]!.identity.equals(c.tracks[0]!.identity)).toBe(false);
  });
});
