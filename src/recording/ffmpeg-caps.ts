import { execFileSync } from 'node:child_process';
import { ffmpegBinary, ffmpegVersion } from '../platform/ffmpeg';
import type { SocketTimeoutOption } from './ffmpeg-args';

/** The ffmpeg the recorder runs, and the option spellings that differ between its versions. */
export interface FfmpegCaps {
  binary: string;
  version: string;
  socketTimeoutOption: SocketTimeoutOption;
}

/**
 * ffmpeg 4.x bounds an RTSP read with `-stimeout` and reads `-timeout` as "listen for a
 * connection" (which would turn the recorder into a server); 5.x removed `-stimeout`. Static
 * builds report a git revision instead of a version, so ask the demuxer's own help.
 */
export function socketTimeoutOptionFromHelp(rtspHelp: string): SocketTimeoutOption {
  return /^\s*-stimeout\b/m.test(rtspHelp) ? 'stimeout' : 'timeout';
}

export function detectFfmpeg(configured?: string): FfmpegCaps {
  const binary = ffmpegBinary(configured);
  const help = execFileSync(binary, ['-hide_banner', '-h', 'demuxer=rtsp'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return {
    binary,
    version: ffmpegVersion(binary),
    socketTimeoutOption: socketTimeoutOptionFromHelp(help),
  };
}
