import { open } from 'node:fs/promises';

// Whether a leftover file holds any media at all, read from its top-level MP4 box headers.
// ffprobe alone is not enough: an MP4 whose `moov` describes a track but whose `mdat` is empty
// (ffmpeg stopped before the first frame, or a file cut before any frame reached the disk)
// may still report a stream and a duration, and such a file must never become a segment.

/**
 * - `no_media`: an empty file, or an MP4 (it starts with `ftyp`) whose boxes carry no media
 *   bytes: `ftyp` alone, or `moov` with an empty `mdat`;
 * - `media`: an MP4 with media bytes, complete or not (ffprobe decides whether it is readable);
 * - `unknown`: not an MP4 by its first box (ffprobe decides; it will most likely refuse it).
 */
export type Mp4Contents = 'no_media' | 'media' | 'unknown';

/** Reads at most this many box headers: a segment has a handful; a damaged file may have junk. */
const MAX_BOXES = 1_000;

export async function mp4Contents(file: string): Promise<Mp4Contents> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return 'no_media';
    const header = Buffer.alloc(16);
    let offset = 0;
    for (let n = 0; offset + 8 <= size && n < MAX_BOXES; n++) {
      const { bytesRead } = await handle.read(header, 0, 16, offset);
      const type = header.toString('latin1', 4, 8);
      if (n === 0 && type !== 'ftyp') return 'unknown';
      let headerBytes = 8;
      let boxSize = header.readUInt32BE(0);
      if (boxSize === 1) {
        // A 64-bit size follows the type (large `mdat`s use it).
        if (bytesRead < 16) break;
        boxSize = Number(header.readBigUInt64BE(8));
        headerBytes = 16;
      } else if (boxSize === 0) {
        // "To the end of the file": how ffmpeg leaves `mdat` until it writes the trailer.
        boxSize = size - offset;
      }
      if (boxSize < headerBytes) break;
      // A box cut short by a crash counts for the bytes that did reach the disk.
      const payload = Math.min(boxSize, size - offset) - headerBytes;
      if (type === 'mdat' && payload > 0) return 'media';
      offset += boxSize;
    }
    return 'no_media';
  } finally {
    await handle.close();
  }
}
