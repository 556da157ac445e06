import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/actor';
import { ffmpegBinary, ffprobeBinary } from '../../src/platform/ffmpeg';
import type { Logger } from '../../src/platform/supervisor';
import { exportWithFfmpeg, JobGate, prepareDownload } from '../../src/playback/download.service';
import { ExportCache } from '../../src/playback/export-cache';
import { RecentAudits } from '../../src/playback/footage-access';
import { downloadPlan, type PlannedSegment } from '../../src/playback/footage-plan';
import { indexComesFirst } from '../../src/playback/mp4-layout';
import { joinSegments } from '../../src/playback/mp4-join/join-file';
import { ensureClips } from '../../src/sim/clip';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { createHarness, type Harness } from '../helpers/harness';
import {
  createFootageCamera,
  makeSegmentFiles,
  placeSegments,
  probeDuration,
  type SegmentFiles,
} from './playback-fixtures';

// Downloads made by joining segment files under a new index, checked against the same range
// made by ffmpeg's concat demuxer: the same packets byte for byte, a duration within one GOP,
// the index first, and a file ffprobe and ffmpeg read without a word. Segments that are not
// one stream (a change of picture size) are made by ffmpeg instead.

const run = promisify(execFile);
const big = { maxBuffer: 64 * 1024 * 1024 };
const gopSeconds = 2;

let footage: SegmentFiles;
let work = '';
/** A segment from the sub stream's clip (640×360): not joinable with the main stream's. */
let otherSize = '';

beforeAll(async () => {
  footage = await makeSegmentFiles(6, 10);
  work = await mkdtemp(join(tmpdir(), 'matthan-join-'));
  const { dir, manifest } = await ensureClips();
  otherSize = join(work, 'sub.mp4');
  await run(ffmpegBinary(), [
    ...['-hide_banner', '-loglevel', 'error', '-r', '25', '-f', 'h264'],
    ...['-i', join(dir, manifest.video.sub.file), '-i', join(dir, manifest.audio!.file)],
    ...['-map', '0:v', '-map', '1:a', '-c', 'copy', '-t', '10', '-f', 'mp4', otherSize],
  ]);
}, 60_000);
afterAll(async () => {
  await footage?.dispose();
  if (work) await rm(work, { recursive: true, force: true });
});

const quiet: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** The six segments back to back from 0 s, ten seconds each. */
const planned = (files: readonly string[]): PlannedSegment[] =>
  files.map((path, i) => ({ path, startMs: i * 10_000, endMs: (i + 1) * 10_000, present: true }));

/** Each stream's packets as `size:md5` in decode order, by ffmpeg's framemd5 of a stream copy. */
async function packetHashes(file: string): Promise<Map<string, string[]>> {
  const { stdout } = await run(
    ffmpegBinary(),
    ['-v', 'error', '-i', file, '-map', '0', '-c', 'copy', '-f', 'framemd5', '-'],
    big,
  );
  const streams = new Map<string, string[]>();
  for (const line of stdout.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [stream = '', , , , size = '', hash = ''] = line.split(',').map((f) => f.trim());
    const packets = streams.get(stream) ?? [];
    packets.push(`${size}:${hash}`);
    streams.set(stream, packets);
  }
  return streams;
}

/** What ffprobe and a full decode say about a file: both must say nothing. */
async function complaints(file: string): Promise<string> {
  const probe = await run(ffprobeBinary(), ['-v', 'error', '-show_format', '-show_streams', file]);
  const decode = await run(ffmpegBinary(), ['-v', 'error', '-i', file, '-f', 'null', '-'], big);
  return `${probe.stderr}${decode.stderr}`;
}

describe('joining segments for a download', () => {
  for (const [from, to] of [
    [4.3, 25.7],
    [0, 60],
    [12, 18],
    [20, 30],
    [9.9, 10.1],
  ] as const) {
    it(`gives the packets ffmpeg's concat path gives for ${from}–${to} s, index first`, async () => {
      const plan = downloadPlan(planned(footage.files), from * 1000, to * 1000);
      const joined = join(work, `joined-${from}-${to}.mp4`);
      const reference = join(work, `ffmpeg-${from}-${to}.mp4`);
      const result = await joinSegments(plan.entries, joined);
      expect(result).toMatchObject({ joined: true });
      await exportWithFfmpeg(ffmpegBinary(), plan.entries, reference, {
        seconds: to - from,
        logger: quiet,
      });
      const [mine, theirs] = await Promise.all([packetHashes(joined), packetHashes(reference)]);
      expect([...mine.keys()].sort()).toEqual(['0', '1']); // video and audio
      for (const [stream, packets] of theirs) {
        expect(mine.get(stream)?.length, `stream ${stream}`).toBe(packets.length);
        expect(mine.get(stream), `stream ${stream}`).toEqual(packets);
      }
      const duration = await probeDuration(joined);
      // ffmpeg starts the first frame 32 ms late instead of cutting audio: about the same.
      expect(Math.abs(duration - (await probeDuration(reference)))).toBeLessThan(0.1);
      expect(duration).toBeGreaterThanOrEqual(to - from - 0.1);
      expect(duration).toBeLessThanOrEqual(to - from + gopSeconds);
      expect(await indexComesFirst(joined)).toBe(true);
      expect(await complaints(joined)).toBe('');
    });
  }

  it('refuses files of another picture size, saying why, and writes nothing', async () => {
    const files = [footage.files[0]!, otherSize];
    const output = join(work, 'mixed.mp4');
    const result = await joinSegments(
      planned(files).map(({ path }) => ({ path })),
      output,
    );
    expect(result).toEqual({ joined: false, reason: 'track 1 differs between files' });
    await expect(indexComesFirst(output)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('downloads by the joiner, and by ffmpeg when it cannot join', () => {
  let h: Harness;
  let actor: Actor;
  const t0 = Date.parse('2025-03-01T03:00:00Z');

  beforeAll(async () => {
    h = await createHarness('sqlite');
    await seedTestUnits(h.ctx);
    const id = await h.createUser({
      username: 'join.owner',
      role: 'camera_owner',
      jurisdictionId: unitIds.tanXuan1,
    });
    actor = {
      id,
      username: 'join.owner',
      displayName: 'join.owner',
      role: 'camera_owner',
      jurisdictionId: unitIds.tanXuan1,
      scopePath: null,
      via: 'session',
    };
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A download of `files` placed as a new camera's footage, with the debug log it wrote. */
  async function download(code: string, files: readonly string[], seconds: [number, number]) {
    const camera = await createFootageCamera(h, code, actor.id);
    await placeSegments(h, camera, files, t0, { seconds: 10 });
    const said: object[] = [];
    const logger: Logger = { ...quiet, debug: (details) => said.push(details) };
    const state = {
      cache: new ExportCache(join(h.dataDir, 'exports')),
      gate: new JobGate(1),
      recent: new RecentAudits(60_000, false),
    };
    const at = (s: number) => new Date(t0 + s * 1000).toISOString();
    const made = await prepareDownload(
      h.ctx,
      actor,
      camera,
      { from: at(seconds[0]), to: at(seconds[1]) },
      { state, logger, ip: '127.0.0.1' },
    );
    const body = Buffer.alloc(made.size);
    await made.file.read(body, 0, made.size, 0);
    await made.file.close();
    const path = join(work, `${code}.mp4`);
    await writeFile(path, body);
    return { path, said };
  }

  it('joins one stream’s segments and logs that it did', async () => {
    const { path, said } = await download('JOIN-1', footage.files, [4.3, 25.7]);
    expect(said).toEqual([expect.objectContaining({ by: 'join', files: 3 })]);
    const duration = await probeDuration(path);
    expect(duration).toBeGreaterThanOrEqual(25.7 - 4.3 - 0.1);
    expect(duration).toBeLessThanOrEqual(25.7 - 4.3 + gopSeconds);
  });

  it('falls back to ffmpeg for segments of another picture size', async () => {
    const files = [footage.files[0]!, otherSize, footage.files[1]!];
    const { path, said } = await download('JOIN-2', files, [0, 30]);
    expect(said).toEqual([
      expect.objectContaining({ by: 'ffmpeg', reason: 'track 1 differs between files' }),
    ]);
    expect(await indexComesFirst(path)).toBe(true);
    const duration = await probeDuration(path);
    expect(duration).toBeGreaterThanOrEqual(30 - 0.1);
    expect(duration).toBeLessThanOrEqual(30 + gopSeconds);
  });
});
