import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ffmpegBinary } from '../platform/ffmpeg';
import { withLock } from './file-lock';

// The test clips the simulated cameras loop: generated once with ffmpeg into a cache folder and
// reused by every test, the demo and the benchmark. H.264 without B-frames and a fixed 2-second
// GOP (as street cameras send), written as Annex-B elementary streams the simulator reads
// directly, and an AAC tone that beeps once a second, as ADTS. When ffmpeg has libx265, also an
// H.265 variant of the main stream, for a camera whose installer switches its codec.

const run = promisify(execFile);

/** Bump when the clip parameters change, so old caches are not reused. */
export const CLIP_VERSION = 1;
export const CLIP_FPS = 25;
export const CLIP_GOP_FRAMES = 50;
/** 32 s: a whole number of both video frames (40 ms) and AAC frames (1024 samples = 64 ms). */
export const CLIP_SECONDS = 32;
export const CLIP_AUDIO_RATE = 16_000;
/**
 * The H.265 clip is short because libx265 is slow (about a quarter of real time here at 720p);
 * 8 s is still a whole number of video and AAC frames, so the audio loops with it.
 */
export const HEVC_CLIP_SECONDS = 8;

export interface VideoClipSpec {
  name: 'main' | 'sub';
  width: number;
  height: number;
  kbps: number;
}

export const clipSpecs: readonly VideoClipSpec[] = [
  { name: 'main', width: 1280, height: 720, kbps: 2000 },
  { name: 'sub', width: 640, height: 360, kbps: 500 },
];

export interface ClipManifest {
  version: number;
  fps: number;
  seconds: number;
  video: Record<'main' | 'sub', { file: string; width: number; height: number }>;
  audio: { file: string; sampleRate: number } | null;
  /**
   * The main stream as H.265 (`seconds` long). Absent when this ffmpeg cannot encode H.265, and
   * in manifests written before it existed: it is then added without regenerating the rest.
   */
  hevc?: { file: string; width: number; height: number; seconds: number };
}

export const defaultClipDir = fileURLToPath(new URL('../../.cache/clips/', import.meta.url));

const fontCandidates = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf',
  '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
];

/** The camera's name and a running clock (the clip's own time) in a box at the top left. */
export function clockFilter(font: string, label: string, height: number): string {
  const common = `fontfile=${font}:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=8`;
  const size = Math.round(height / 18);
  return [
    `drawtext=${common}:fontsize=${size}:x=${size}:y=${size}:text='${label} %{pts\\:hms}'`,
    `drawtext=${common}:fontsize=${Math.round(size * 0.6)}:x=${size}:y=${size * 2.5}:text='frame %{n}'`,
  ].join(',');
}

export function videoClipArgs(spec: VideoClipSpec, output: string, font: string | null): string[] {
  const source = `testsrc2=size=${spec.width}x${spec.height}:rate=${CLIP_FPS}:duration=${CLIP_SECONDS}`;
  const label = `${spec.name.toUpperCase()} ${spec.width}x${spec.height}`;
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'],
    ...['-f', 'lavfi', '-i', source],
    ...(font ? ['-vf', clockFilter(font, label, spec.height)] : []),
    ...['-c:v', 'libx264', '-profile:v', 'baseline', '-preset', 'veryfast', '-pix_fmt', 'yuv420p'],
    ...['-bf', '0', '-g', String(CLIP_GOP_FRAMES), '-keyint_min', String(CLIP_GOP_FRAMES)],
    ...['-sc_threshold', '0', '-b:v', `${spec.kbps}k`, '-maxrate', `${spec.kbps}k`],
    ...['-bufsize', `${spec.kbps * 2}k`, '-f', 'h264', output],
  ];
}

/** The same picture as H.265: no B-frames, closed 2-second GOP, parameter sets on every IDR. */
export function hevcClipArgs(spec: VideoClipSpec, output: string, font: string | null): string[] {
  const source = `testsrc2=size=${spec.width}x${spec.height}:rate=${CLIP_FPS}:duration=${HEVC_CLIP_SECONDS}`;
  const label = `${spec.name.toUpperCase()} ${spec.width}x${spec.height} H.265`;
  const gop = String(CLIP_GOP_FRAMES);
  const x265 = `bframes=0:keyint=${gop}:min-keyint=${gop}:scenecut=0:open-gop=0:repeat-headers=1:log-level=error`;
  // H.265 needs about half the bitrate of H.264 for the same picture, as cameras are set up.
  const kbps = Math.round(spec.kbps / 2);
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'],
    ...['-f', 'lavfi', '-i', source],
    ...(font ? ['-vf', clockFilter(font, label, spec.height)] : []),
    ...['-c:v', 'libx265', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-x265-params', x265],
    ...['-b:v', `${kbps}k`, '-maxrate', `${kbps}k`, '-bufsize', `${kbps * 2}k`],
    ...['-f', 'hevc', output],
  ];
}

export function audioClipArgs(output: string): string[] {
  const source = `sine=frequency=880:beep_factor=4:sample_rate=${CLIP_AUDIO_RATE}:duration=${CLIP_SECONDS}`;
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'],
    ...['-f', 'lavfi', '-i', source],
    ...['-c:a', 'aac', '-b:a', '32k', '-ac', '1', '-f', 'adts', output],
  ];
}

async function hasDrawtext(ffmpeg: string): Promise<boolean> {
  const { stdout } = await run(ffmpeg, ['-hide_banner', '-filters'], { maxBuffer: 4 << 20 });
  return /\sdrawtext\s/.test(stdout);
}

async function hasEncoder(ffmpeg: string, name: string): Promise<boolean> {
  const { stdout } = await run(ffmpeg, ['-hide_banner', '-encoders'], { maxBuffer: 4 << 20 });
  return new RegExp(`\\s${name}\\s`).test(stdout);
}

async function pickFont(ffmpeg: string): Promise<string | null> {
  const font = fontCandidates.find((path) => existsSync(path)) ?? null;
  return font && (await hasDrawtext(ffmpeg)) ? font : null;
}

const manifestName = `clips-v${CLIP_VERSION}.json`;

/** The cached manifest, or null when it or a file it names is missing (generate again). */
async function readManifest(dir: string): Promise<ClipManifest | null> {
  let manifest: ClipManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, manifestName), 'utf8')) as ClipManifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const files = [manifest.video.main.file, manifest.video.sub.file, manifest.audio?.file];
  const whole = files.every((file) => file === undefined || existsSync(join(dir, file)));
  if (!whole) return null;
  if (manifest.hevc && !existsSync(join(dir, manifest.hevc.file))) {
    // Only the optional clip is gone: make that one again, keep the rest.
    return { ...manifest, hevc: undefined };
  }
  return manifest;
}

/** Runs ffmpeg into a temporary name and renames it, so a file under its final name is whole. */
async function generate(ffmpeg: string, args: (output: string) => string[], file: string) {
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    await run(ffmpeg, args(temporary), { timeout: 300_000 });
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

async function writeManifest(dir: string, manifest: ClipManifest): Promise<ClipManifest> {
  const temporary = join(dir, `${manifestName}.tmp-${process.pid}`);
  await writeFile(temporary, JSON.stringify(manifest, null, 2));
  await rename(temporary, join(dir, manifestName));
  return manifest;
}

/** Encodes the H.265 clip if this ffmpeg can, and records it in the manifest. */
async function addHevc(dir: string, ffmpeg: string, manifest: ClipManifest) {
  if (!(await hasEncoder(ffmpeg, 'libx265'))) return manifest;
  const spec = clipSpecs.find((clip) => clip.name === 'main')!;
  const file = `v${CLIP_VERSION}-${spec.name}-${spec.width}x${spec.height}.hevc`;
  const font = await pickFont(ffmpeg);
  try {
    try {
      await generate(ffmpeg, (out) => hevcClipArgs(spec, out, font), join(dir, file));
    } catch (error) {
      if (!font) throw error;
      await generate(ffmpeg, (out) => hevcClipArgs(spec, out, null), join(dir, file));
    }
  } catch (error) {
    // Optional: without it the `codec` fault says it is unavailable; H.264 cameras still work.
    process.emitWarning(`simulated cameras without H.265: ${(error as Error).message}`);
    return manifest;
  }
  const hevc = { file, width: spec.width, height: spec.height, seconds: HEVC_CLIP_SECONDS };
  return writeManifest(dir, { ...manifest, hevc });
}

async function generateAll(dir: string, ffmpeg: string): Promise<ClipManifest> {
  const font = await pickFont(ffmpeg);
  const video = {} as ClipManifest['video'];
  for (const spec of clipSpecs) {
    const file = `v${CLIP_VERSION}-${spec.name}-${spec.width}x${spec.height}.h264`;
    try {
      await generate(ffmpeg, (out) => videoClipArgs(spec, out, font), join(dir, file));
    } catch (error) {
      if (!font) throw error;
      // drawtext can still fail on an odd build or font; a clip without the clock will do.
      await generate(ffmpeg, (out) => videoClipArgs(spec, out, null), join(dir, file));
    }
    video[spec.name] = { file, width: spec.width, height: spec.height };
  }
  let audio: ClipManifest['audio'] = null;
  const audioFile = `v${CLIP_VERSION}-audio.aac`;
  try {
    await generate(ffmpeg, audioClipArgs, join(dir, audioFile));
    audio = { file: audioFile, sampleRate: CLIP_AUDIO_RATE };
  } catch (error) {
    // Audio is optional: without an AAC encoder the cameras are video-only.
    process.emitWarning(`simulated cameras without audio: ${(error as Error).message}`);
  }
  return writeManifest(dir, {
    version: CLIP_VERSION,
    fps: CLIP_FPS,
    seconds: CLIP_SECONDS,
    video,
    audio,
  });
}

const pending = new Map<string, Promise<ClipManifest>>();

/**
 * The clips in `dir`, generated first if they are not there. Callers in this process share one
 * generation; other processes wait on a lock file and then read what the first one wrote.
 */
export function ensureClips(
  dir = defaultClipDir,
  ffmpeg = ffmpegBinary(),
): Promise<{ dir: string; manifest: ClipManifest }> {
  let job = pending.get(dir);
  if (!job) {
    job = (async () => {
      await mkdir(dir, { recursive: true });
      const ready = await readManifest(dir);
      if (ready?.hevc) return ready;
      // Without the H.265 clip, ask ffmpeg once whether it can make one before taking the lock.
      if (ready && !(await hasEncoder(ffmpeg, 'libx265'))) return ready;
      return withLock(join(dir, `.lock-v${CLIP_VERSION}`), async () => {
        const manifest = (await readManifest(dir)) ?? (await generateAll(dir, ffmpeg));
        return manifest.hevc ? manifest : addHevc(dir, ffmpeg, manifest);
      });
    })();
    pending.set(dir, job);
    job.catch(() => pending.delete(dir)); // a failed generation may be retried by the next caller
  }
  return job.then((manifest) => ({ dir, manifest }));
}
