import type { AudioMode, SocketTimeoutOption } from '../recording/ffmpeg-args';
import { liveOutputArgs, rtspInputArgs } from '../recording/ffmpeg-args';

// ffmpeg command lines of the live view, as pure functions tested with exact expectations.

export interface LiveArgsOptions {
  socketTimeoutMs: number;
  socketTimeoutOption: SocketTimeoutOption;
  /** `none` for the wall's sub streams (always muted); main streams copy, else fall back. */
  audio: AudioMode;
}

function audioMaps(audio: AudioMode): string[] {
  switch (audio) {
    case 'copy':
      return ['-map', '0:v:0', '-map', '0:a?', '-c', 'copy'];
    case 'aac':
      return ['-map', '0:v:0', '-map', '0:a?', '-c:v', 'copy', '-c:a', 'aac', '-b:a', '64k'];
    case 'none':
      return ['-map', '0:v:0', '-c:v', 'copy', '-an'];
  }
}

/**
 * One on-demand connection to a camera that the recorder does not already hold (a sub stream,
 * or a main stream with recording off): RTSP over TCP, stream copy, fragmented MP4 on stdout
 * cut at every keyframe and at least every half second, as the recorder's live pipe is.
 */
export function liveArgs(url: string, options: LiveArgsOptions): string[] {
  return [...rtspInputArgs(url, options), ...audioMaps(options.audio), ...liveOutputArgs];
}

/** The widest snapshot served; list thumbnails never need more, and small JPEGs are cheap. */
export const snapshotMaxWidth = 640;

/**
 * One JPEG from the first video frame of `input`: `pipe:0` (an init segment and a keyframe
 * fragment written to stdin) or a recorded segment file. Only that one frame is decoded;
 * frames wider than 640 pixels are scaled down, keeping the aspect ratio with an even height.
 */
export function snapshotArgs(input: { kind: 'pipe' } | { kind: 'file'; path: string }): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    ...(input.kind === 'pipe' ? ['-f', 'mp4', '-i', 'pipe:0'] : ['-nostdin', '-i', input.path]),
    '-map',
    '0:v:0',
    '-frames:v',
    '1',
    '-vf',
    `scale='min(${snapshotMaxWidth},iw)':-2`,
    '-f',
    'image2',
    '-c:v',
    'mjpeg',
    '-q:v',
    '5',
    'pipe:1',
  ];
}
