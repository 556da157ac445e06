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

/** Download: an ordinary MP4 with its index first (`+faststart`), so it plays while it loads. */
export function downloadArgs(listPath: string, outputPath: string): string[] {
  return [...input(listPath), '-f', 'mp4', '-movflags', '+faststart', '-y', outputPath];
}
