import { execFile } from 'node:child_process';

// Reading a segment with ffprobe, an independent reader: a file it cannot read is not footage
// anyone could play back, so reconcile quarantines it rather than indexing it.

export interface ProbeResult {
  durationMs: number;
  codec: string | null;
  width: number | null;
  height: number | null;
  hasAudio: boolean;
}

/** ffprobe's arguments: errors only, JSON out, container and streams. */
export function probeArgs(file: string): string[] {
  return [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_entries',
    'format=duration:stream=codec_type,codec_name,width,height,duration',
    file,
  ];
}

interface ProbeJson {
  format?: { duration?: string };
  streams?: {
    codec_type?: string;
    codec_name?: string;
    width?: number;
    height?: number;
    duration?: string;
  }[];
}

const seconds = (value: string | undefined): number => {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : 0;
};

/** What the file holds, or null unless it has a video stream of some duration. */
export function parseProbe(output: string): ProbeResult | null {
  let json: ProbeJson;
  try {
    json = JSON.parse(output) as ProbeJson;
  } catch {
    // ffprobe printed no JSON (it gave up on the file): unreadable.
    return null;
  }
  const streams = json.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video');
  if (!video) return null;
  const duration = seconds(json.format?.duration) || seconds(video.duration);
  if (duration <= 0) return null;
  return {
    durationMs: Math.round(duration * 1000),
    codec: video.codec_name ?? null,
    width: video.width ?? null,
    height: video.height ?? null,
    hasAudio: streams.some((s) => s.codec_type === 'audio'),
  };
}

/**
 * Probes one file: null when ffprobe exits with an error, times out or finds no playable video.
 * Rejects when ffprobe itself cannot run, so a missing binary never quarantines good footage.
 */
export function probeFile(
  binary: string,
  file: string,
  timeoutMs = 15_000,
): Promise<ProbeResult | null> {
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      probeArgs(file),
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1_048_576, encoding: 'utf8' },
      (error, stdout) => {
        if (error === null) resolve(parseProbe(stdout));
        else if ((error.syscall ?? '').startsWith('spawn'))
          reject(new Error(`cannot run ffprobe ${binary}: ${error.message}`));
        else resolve(null);
      },
    );
  });
}
