import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  copyFile,
  link,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { createCameras } from '../../src/cameras/camera.service';
import type { CameraInput } from '../../src/cameras/camera.types';
import { ffmpegBinary, ffprobeBinary } from '../../src/platform/ffmpeg';
import { segmentRelativePath } from '../../src/recording/segment-list';
import { insertSegment } from '../../src/recording/segments.repo';
import { mediaDirOf } from '../../src/recording/storage.disk';
import { ensureClips } from '../../src/sim/clip';
import { unitIds } from '../helpers/fixtures';
import type { Harness } from '../helpers/harness';

// Real footage for the playback and download tests: the simulator's clip (H.264, 2-second GOP,
// AAC audio) cut by ffmpeg's segment muxer exactly as the recorder cuts, then indexed.

const run = promisify(execFile);

export interface SegmentFiles {
  files: string[];
  seconds: number;
  dispose(): Promise<void>;
}

/** `count` MP4 segments of `seconds` each (a multiple of the 2-s GOP), made by stream copy. */
export async function makeSegmentFiles(count: number, seconds: number): Promise<SegmentFiles> {
  const { dir: clipDir, manifest } = await ensureClips();
  const work = await mkdtemp(join(tmpdir(), 'matthan-segments-'));
  const loops = Math.ceil((count * seconds) / manifest.seconds) + 1;
  const video = join(clipDir, manifest.video.main.file);
  if (!manifest.audio) throw new Error('the clip cache has no audio clip');
  const audio = join(clipDir, manifest.audio.file);
  const longVideo = join(work, 'long.h264');
  const longAudio = join(work, 'long.aac');
  // Raw H.264 and ADTS streams join by appending bytes; each loop starts on a keyframe.
  const [videoBytes, audioBytes] = await Promise.all([readFile(video), readFile(audio)]);
  await writeFile(longVideo, Buffer.concat(Array.from({ length: loops }, () => videoBytes)));
  await writeFile(longAudio, Buffer.concat(Array.from({ length: loops }, () => audioBytes)));
  await run(ffmpegBinary(), [
    ...['-hide_banner', '-loglevel', 'error', '-r', '25', '-f', 'h264', '-i', longVideo],
    ...['-i', longAudio, '-map', '0:v', '-map', '1:a', '-c', 'copy', '-t', String(count * seconds)],
    ...['-f', 'segment', '-segment_time', String(seconds), '-reset_timestamps', '1'],
    ...['-segment_format', 'mp4', join(work, 'seg-%04d.mp4')],
  ]);
  const files = (await readdir(work))
    .filter((name) => name.startsWith('seg-'))
    .sort()
    .map((name) => join(work, name));
  if (files.length < count) throw new Error(`made ${files.length} segments, wanted ${count}`);
  return {
    files: files.slice(0, count),
    seconds,
    dispose: () => rm(work, { recursive: true, force: true }),
  };
}

/** A household camera in Tân Xuân 1 (police.xuandinh's ward) that shares live footage. */
export function footageCamera(code: string, ownerUserId: string, extra: Partial<CameraInput> = {}) {
  const input: CameraInput = {
    code,
    name: `Camera ${code}`,
    ownerKind: 'household',
    ownerName: 'Nguyễn Văn A',
    ownerPhone: '0900000001',
    ownerUserId,
    jurisdictionId: unitIds.tanXuan1,
    latitude: 21.0752,
    longitude: 105.7871,
    heading: 90,
    fov: 90,
    rangeM: 30,
    consentTier: 'live_always',
    ...extra,
  };
  return input;
}

export async function createFootageCamera(
  h: Pick<Harness, 'ctx'>,
  code: string,
  ownerUserId: string,
  extra: Partial<CameraInput> = {},
): Promise<string> {
  const [id] = await createCameras(h.ctx, null, [footageCamera(code, ownerUserId, extra)]);
  return id!;
}

export interface PlacedSegment {
  id: string;
  startMs: number;
  endMs: number;
  path: string;
}

/**
 * Copies `files` into the media folder as a camera's segments starting at `startMs`, back to
 * back, and indexes them as the recorder would. `link` hard-links instead of copying, for many
 * segments made from one file.
 */
export async function placeSegments(
  h: Pick<Harness, 'ctx'>,
  cameraId: string,
  files: readonly string[],
  startMs: number,
  options: { seconds: number; state?: 'ok' | 'missing'; link?: boolean } = { seconds: 10 },
): Promise<PlacedSegment[]> {
  const placed: PlacedSegment[] = [];
  let at = startMs;
  for (const file of files) {
    const relative = segmentRelativePath(cameraId, at);
    const path = join(mediaDirOf(h.ctx.config), relative);
    await mkdir(dirname(path), { recursive: true });
    await (options.link ? link(file, path) : copyFile(file, path));
    const id = randomUUID();
    const endMs = at + options.seconds * 1000;
    await insertSegment(h.ctx.db, {
      id,
      camera_id: cameraId,
      stream: 'main',
      start_ms: at,
      end_ms: endMs,
      bytes: (await stat(path)).size,
      path: relative,
      codec: 'h264',
      width: 1280,
      height: 720,
      has_audio: 1,
      state: options.state ?? 'ok',
      created_at: new Date().toISOString(),
    });
    placed.push({ id, startMs: at, endMs, path });
    at = endMs;
  }
  return placed;
}

export interface Packet {
  pts: number;
  keyframe: boolean;
}

/** Video packet times of a file, by ffprobe (an independent reader). */
export async function videoPackets(file: string): Promise<Packet[]> {
  const result = await run(
    ffprobeBinary(),
    [
      ...['-v', 'error', '-select_streams', 'v:0'],
      ...['-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', file],
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return result.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [pts = '', flags = ''] = line.split(',');
      return { pts: Number(pts), keyframe: flags.includes('K') };
    })
    .sort((a, b) => a.pts - b.pts);
}

/** The largest step between consecutive video frames, in seconds. */
export function largestStep(packets: readonly Packet[]): number {
  let largest = 0;
  for (let i = 1; i < packets.length; i++) {
    largest = Math.max(largest, packets[i]!.pts - packets[i - 1]!.pts);
  }
  return largest;
}

/** Duration of a file as ffprobe reads it, in seconds. */
export async function probeDuration(file: string): Promise<number> {
  const { stdout } = await run(ffprobeBinary(), [
    ...['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file],
  ]);
  return Number(stdout.trim());
}

/** Hands a response body to `inspect` as a temporary file (for ffprobe), then removes it. */
export async function withBodyFile<T>(
  body: Buffer,
  inspect: (path: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'matthan-body-'));
  try {
    const path = join(dir, 'body.mp4');
    await writeFile(path, body);
    return await inspect(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
