import { open, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { liveStreamInfo } from '../live/codec-string';
import type { FootageSegment } from './footage.repo';
import type { PlannedSegment } from './footage-plan';

// The files behind indexed segments: where they are, whether they are still there, and what
// codecs they hold (a browser must be told before it is given the stream).

/** Checks this many files at once: a one-hour window is 360 files, a day 8,640. */
const statBatch = 64;

/** The absolute path of an indexed file; null if the index points outside the media folder. */
export function mediaPath(mediaDir: string, relativePath: string): string | null {
  const path = resolve(mediaDir, relativePath);
  const inside = relative(mediaDir, path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? path : null;
}

async function isFile(path: string | null): Promise<boolean> {
  if (path === null) return false;
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false; // deleted by hand or by retention
    throw error;
  }
}

/**
 * Each segment with its absolute path and whether it can be played: the index says `ok` and the
 * file is on disk. A file that vanished is reported as missing rather than failing the request.
 */
export async function locateSegments(
  mediaDir: string,
  segments: readonly FootageSegment[],
): Promise<PlannedSegment[]> {
  const located: PlannedSegment[] = [];
  for (let i = 0; i < segments.length; i += statBatch) {
    const batch = segments.slice(i, i + statBatch);
    const checked = await Promise.all(
      batch.map(async (segment) => {
        const path = mediaPath(mediaDir, segment.path);
        const present = segment.state === 'ok' && (await isFile(path));
        return { startMs: segment.startMs, endMs: segment.endMs, path: path ?? '', present };
      }),
    );
    located.push(...checked);
  }
  return located;
}

/** The largest `moov` we read to learn the codecs; a ten-second segment's is a few kilobytes. */
const maxMoovBytes = 8 * 1024 * 1024;

/** The `moov` box of an MP4 file (at its end, as the segment muxer writes it), or null. */
export async function readMoov(path: string): Promise<Buffer | null> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const header = Buffer.alloc(16);
    let offset = 0;
    while (offset + 8 <= size) {
      await file.read(header, 0, 16, offset);
      let boxSize = header.readUInt32BE(0);
      const type = header.toString('latin1', 4, 8);
      if (boxSize === 1) boxSize = Number(header.readBigUInt64BE(8));
      else if (boxSize === 0) boxSize = size - offset;
      if (boxSize < 8) return null;
      if (type === 'moov') {
        if (boxSize > maxMoovBytes) return null;
        const moov = Buffer.alloc(boxSize);
        await file.read(moov, 0, boxSize, offset);
        return moov;
      }
      offset += boxSize;
    }
    return null;
  } finally {
    await file.close();
  }
}

/** The MIME type with codecs of a segment file; null when it cannot be read. */
export async function segmentMime(path: string): Promise<string | null> {
  const moov = await readMoov(path);
  return moov ? (liveStreamInfo(moov)?.mime ?? null) : null;
}

/** When a file's codecs cannot be read: H.264 High profile, and AAC if the index says audio. */
export function fallbackMime(hasAudio: boolean): string {
  return `video/mp4; codecs="avc1.640028${hasAudio ? ',mp4a.40.2' : ''}"`;
}
