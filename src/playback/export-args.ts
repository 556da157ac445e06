// ffmpeg command lines for playback and download, built as argument arrays (never a shell
// string). Both read a concat list and copy the streams: footage is never re-encoded.

const input = (listPath: string) => [
  '-hide_banner',
  '-loglevel',
  'error',
  '-nostats',
  '-nostdin',
  // The list names local files only; no other protocol may be opened through it.
  '-protocol_whitelist',
  'file',
  '-f',
  'concat',
  '-safe',
  '0',
  '-i',
  listPath,
  '-map',
  '0:v:0',
  '-map',
  '0:a?',
  '-c',
  'copy',
];

/**
 * Playback: a fragmented MP4 on stdout that a browser's Media Source Extensions can append as
 * it arrives (`empty_moov`: the init segment first; `default_base_moof`: what MSE expects).
 */
export function playbackArgs(listPath: string): string[] {
  return [
    ...input(listPath),
    '-f',
    'mp4',
    '-movflags',
    'frag_keyframe+empty_moov+default_base_moof',
    'pipe:1',
  ];
}

/**
 * Download: an ordinary MP4 with its index (`moov`) first, so it plays while it loads. With
 * `reserveMoovBytes` the index is written into space kept free at the start of the file, in one
 * pass; `+faststart` instead writes it at the end and then rewrites the whole file to move it,
 * which doubles the work. The caller falls back to `+faststart` when the space was too small.
 */
export function downloadArgs(
  listPath: string,
  outputPath: string,
  reserveMoovBytes?: number,
): string[] {
  const index =
    reserveMoovBytes === undefined
      ? ['-movflags', '+faststart']
      : ['-moov_size', String(reserveMoovBytes)];
  return [...input(listPath), '-f', 'mp4', ...index, '-y', outputPath];
}

/**
 * Room for the index of `seconds` of footage: sample tables take a few hundred bytes a second
 * (4 per frame size, 8 per chunk offset, audio alike); 1 KiB a second leaves a wide margin.
 */
export const moovReserveBytes = (seconds: number): number => 64 * 1024 + Math.ceil(seconds) * 1024;
