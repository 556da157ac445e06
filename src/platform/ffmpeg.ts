import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (!dir) continue;
    const candidate = `${dir}/${name}`;
    if (executable(candidate)) return candidate;
  }
  return null;
}

function bundled(module: '@ffmpeg-installer/ffmpeg' | '@ffprobe-installer/ffprobe'): string | null {
  try {
    return (require(module) as { path: string }).path;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return null;
    throw error;
  }
}

/** System ffmpeg when present (newer, better RTSP), else the binary bundled from npm. */
export function ffmpegBinary(configured?: string): string {
  const path = configured ?? onPath('ffmpeg') ?? bundled('@ffmpeg-installer/ffmpeg');
  if (!path)
    throw new Error('no ffmpeg found: install ffmpeg or the @ffmpeg-installer/ffmpeg package');
  return path;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false; // missing or not executable: the caller falls back to another binary
  }
}

/** ffprobe beside a configured ffmpeg when there is one, else the system's, else the bundled one. */
export function ffprobeBinary(configuredFfmpeg?: string): string {
  const sibling = configuredFfmpeg?.replace(/ffmpeg$/, 'ffprobe');
  if (sibling && sibling !== configuredFfmpeg && executable(sibling)) return sibling;
  const path = onPath('ffprobe') ?? bundled('@ffprobe-installer/ffprobe');
  if (!path)
    throw new Error('no ffprobe found: install ffmpeg or the @ffprobe-installer/ffprobe package');
  return path;
}

/** The first line of `ffmpeg -version`, for the start-up log. */
export function ffmpegVersion(binary: string): string {
  const output = execFileSync(binary, ['-hide_banner', '-version'], { encoding: 'utf8' });
  return output.split('\n')[0] ?? 'unknown';
}
