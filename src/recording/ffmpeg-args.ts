import { join } from 'node:path';

/**
 * What to do with a camera's audio. MP4 cannot carry G.711 (`pcm_alaw`/`pcm_mulaw`), which many
 * street cameras send, so the recorder falls back from copying to AAC, and from AAC to no audio.
 */
export type AudioMode = 'copy' | 'aac' | 'none';

/** The ffmpeg option that bounds a blocked RTSP read: `timeout` from 5.0, `stimeout` before. */
export type SocketTimeoutOption = 'timeout' | 'stimeout';

export interface RecordArgsOptions {
  /** Absolute folder where the segment muxer writes the segment being recorded. */
  incomingDir: string;
  /** A tag unique to this connection, so a restart never reuses an in-progress name. */
  connection: string;
  /** Segment length; cuts fall on multiples of it on the wall clock (UTC). */
  segmentSeconds: number;
  socketTimeoutMs: number;
  socketTimeoutOption: SocketTimeoutOption;
  audio: AudioMode;
  /** File descriptor the closed-segment list (CSV) is written to. */
  segmentListFd: number;
}

export const defaultRecordOptions = {
  segmentSeconds: 10,
  // Shorter than the supervisor's no-data watchdog: a stalled camera then ends ffmpeg's read
  // cleanly and the segment in progress is finalised instead of killed half-written.
  socketTimeoutMs: 5_000,
  socketTimeoutOption: 'timeout',
  audio: 'copy',
  segmentListFd: 3,
} as const satisfies Partial<RecordArgsOptions>;

/** The longest a live fragment lasts; fragments that start at a keyframe say so. */
export const liveFragmentMicroseconds = 500_000;

/** The file name pattern of in-progress segments (strftime, evaluated in UTC: the child gets TZ=UTC). */
export function incomingPattern(incomingDir: string, connection: string): string {
  // strftime expands every `%`: a literal one in the folder name must be doubled.
  return join(incomingDir.replaceAll('%', '%%'), `${connection}-%Y%m%dT%H%M%SZ.mp4`);
}

function streamMaps(audio: AudioMode): string[] {
  switch (audio) {
    case 'copy':
      return ['-map', '0:v:0', '-map', '0:a?', '-c', 'copy'];
    case 'aac':
      return ['-map', '0:v:0', '-map', '0:a?', '-c:v', 'copy', '-c:a', 'aac', '-b:a', '64k'];
    case 'none':
      return ['-map', '0:v:0', '-c:v', 'copy'];
  }
}

/** Reading a camera: quiet logs, RTSP over TCP, a bounded blocking read. */
export function rtspInputArgs(
  url: string,
  options: { socketTimeoutOption: SocketTimeoutOption; socketTimeoutMs: number },
): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    'warning',
    '-nostats',
    '-rtsp_transport',
    'tcp',
    `-${options.socketTimeoutOption}`,
    String(options.socketTimeoutMs * 1000),
    '-i',
    url,
  ];
}

/** The live output: fragmented MP4 on stdout, cut at each keyframe and every half second. */
export const liveOutputArgs = [
  '-f',
  'mp4',
  '-movflags',
  'frag_keyframe+empty_moov+default_base_moof',
  // A fragment at least every half second as well as at each keyframe: live viewers see a
  // frame within about half a second instead of waiting for the whole 2-second GOP.
  '-frag_duration',
  String(liveFragmentMicroseconds),
  'pipe:1',
] as const;

/**
 * One ffmpeg per camera, one RTSP connection (over TCP), no video decoding. Two outputs:
 * wall-clock-aligned MP4 segments for the record (each closed one reported on the list fd),
 * and a fragmented MP4 on stdout for the live view. stdin stays open: `q` stops it cleanly.
 */
export function recordArgs(
  camera: { mainStreamUrl: string },
  options: RecordArgsOptions,
): string[] {
  const maps = streamMaps(options.audio);
  return [
    ...rtspInputArgs(camera.mainStreamUrl, options),
    ...maps,
    '-f',
    'segment',
    '-segment_time',
    String(options.segmentSeconds),
    '-segment_atclocktime',
    '1',
    '-reset_timestamps',
    '1',
    '-segment_format',
    'mp4',
    '-strftime',
    '1',
    '-segment_list',
    `pipe:${options.segmentListFd}`,
    '-segment_list_type',
    'csv',
    incomingPattern(options.incomingDir, options.connection),
    ...maps,
    ...liveOutputArgs,
  ];
}

/**
 * The next audio mode after a failed start, or null when audio is not the problem. ffmpeg names
 * the stream it cannot put in MP4; video is always stream 0 of each output, audio stream 1.
 */
export function nextAudioMode(current: AudioMode, stderr: readonly string[]): AudioMode | null {
  const refused = stderr.some(
    (line) =>
      /Could not find tag for codec \S+ in stream #1/.test(line) ||
      /Error initializing output stream \d+:1\b/.test(line) ||
      /Error while opening encoder for output stream #\d+:1\b/.test(line),
  );
  if (!refused) return null;
  if (current === 'copy') return 'aac';
  if (current === 'aac') return 'none';
  return null;
}
