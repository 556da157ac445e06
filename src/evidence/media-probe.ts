import { execFile } from 'node:child_process';
import type { MediaSummary } from './evidence.types';

// What a file holds, read by ffprobe. Evidence comes from owners' recorders as well as ours, so
// the reader is fenced in: local files only, and only the containers we accept, so a playlist
// disguised as video cannot make ffprobe open other files or the network.

/** Demuxers an evidence file may be read with (`mov` covers MP4, `matroska` WebM). */
export const acceptedDemuxers = ['mov', 'avi', 'matroska', 'mpegts', 'flv', 'asf', 'mpeg'];

/** The options that keep ffmpeg and ffprobe to one local file of an accepted container. */
export function fencedInput(file: string): string[] {
  return [
    '-protocol_whitelist',
    'file',
    '-format_whitelist',
    acceptedDemuxers.join(','),
    '-i',
    file,
  ];
}

/** ffprobe's arguments: errors only, JSON out, the container and each stream's codec and size. */
export function mediaProbeArgs(file: string): string[] {
  return [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_entries',
    'format=format_name,duration:stream=codec_type,codec_name,width,height',
    ...fencedInput(file),
  ];
}

interface ProbeJson {
  format?: { format_name?: string; duration?: string };
  streams?: { codec_type?: string; codec_name?: string; width?: number; height?: number }[];
}

const positive = (value: number | undefined): number | null =>
  value !== undefined && Number.isFinite(value) && value > 0 ? value : null;

/** The summary of ffprobe's JSON; null when it is not JSON or names no audio or video stream. */
export function parseMediaProbe(output: string): MediaSummary | null {
  let json: ProbeJson;
  try {
    json = JSON.parse(output) as ProbeJson;
  } catch {
    // ffprobe gave up on the file before printing anything: not media we can read.
    return null;
  }
  const streams = json.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video');
  const audio = streams.find((s) => s.codec_type === 'audio');
  if (!video && !audio) return null;
  const duration = positive(Number(json.format?.duration));
  return {
    format: json.format?.format_name ?? 'unknown',
    durationS: duration === null ? null : Math.round(duration * 1000) / 1000,
    video: video
      ? {
          codec: video.codec_name ?? 'unknown',
          width: positive(video.width),
          height: positive(video.height),
        }
      : null,
    audio: audio ? { codec: audio.codec_name ?? 'unknown' } : null,
  };
}

/**
 * Probes one file: null when ffprobe refuses it, times out or finds no audio or video. Rejects
 * only when ffprobe itself cannot run, so a missing binary is not mistaken for a bad file.
 */
export function probeMedia(
  ffprobePath: string,
  file: string,
  timeoutMs = 60_000,
): Promise<MediaSummary | null> {
  return new Promise((resolve, reject) => {
    execFile(
      ffprobePath,
      mediaProbeArgs(file),
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 4 * 1_048_576, encoding: 'utf8' },
      (error, stdout) => {
        if (error === null) resolve(parseMediaProbe(stdout));
        else if ((error.syscall ?? '').startsWith('spawn'))
          reject(new Error(`cannot run ffprobe ${ffprobePath}: ${error.message}`));
        else resolve(null);
      },
    );
  });
}
