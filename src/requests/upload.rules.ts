import { extname } from 'node:path';
import type { MediaSummary } from '../evidence/evidence.types';
import { badRequest } from '../platform/http/errors';

// What an owner's file must be: a video in one of the containers owners' recorders write, named
// with a matching kind of extension. Pure, so every refusal is unit-tested.

interface ContainerKind {
  /** ffprobe's demuxer name, the first word of its `format_name`. */
  demuxer: string;
  extensions: readonly string[];
  mime: (ext: string) => string;
}

const kinds: readonly ContainerKind[] = [
  {
    demuxer: 'mov',
    extensions: ['.mp4', '.m4v', '.mov'],
    mime: (ext) => (ext === '.mov' ? 'video/quicktime' : 'video/mp4'),
  },
  { demuxer: 'avi', extensions: ['.avi'], mime: () => 'video/x-msvideo' },
  {
    demuxer: 'matroska',
    extensions: ['.mkv', '.webm'],
    mime: (ext) => (ext === '.webm' ? 'video/webm' : 'video/x-matroska'),
  },
  { demuxer: 'mpegts', extensions: ['.ts', '.mts', '.m2ts'], mime: () => 'video/mp2t' },
];

export const acceptedTypes = 'MP4/MOV, AVI, MKV/WebM or MPEG-TS';
export const acceptedExtensions: readonly string[] = kinds.flatMap((k) => k.extensions);

/** 400 naming `fileName` unless its extension is one of an accepted container's. */
export function checkFileName(fileName: string): string {
  const ext = extname(fileName).toLowerCase();
  if (!acceptedExtensions.includes(ext)) {
    throw badRequest(
      `the file name must end in ${acceptedExtensions.join(', ')} (${acceptedTypes})`,
      'fileName',
    );
  }
  return ext;
}

/**
 * The MIME type to store, or 400 naming `file`: not a video (ffprobe found no video stream),
 * a container we do not take, or a container other than the file name says.
 */
export function checkMedia(media: MediaSummary | null, ext: string): string {
  if (media === null || media.video === null) throw badRequest('not a video file', 'file');
  const demuxer = media.format.split(',')[0] ?? '';
  const kind = kinds.find((k) => k.demuxer === demuxer);
  if (!kind) {
    throw badRequest(`a ${demuxer} file is not accepted: send ${acceptedTypes}`, 'file');
  }
  if (!kind.extensions.includes(ext)) {
    throw badRequest(
      `the file holds ${kind.extensions.join('/')} video but is named ${ext}: rename it`,
      'file',
    );
  }
  return kind.mime(ext);
}

/** The delivered range the owner states, if any: both instants or neither, `to` after `from`. */
export function deliveredRange(
  from: string | undefined,
  to: string | undefined,
  parse: (value: string, field: string) => number,
): { fromMs: number; toMs: number } | null {
  if (from === undefined && to === undefined) return null;
  if (from === undefined) throw badRequest('give from together with to', 'from');
  if (to === undefined) throw badRequest('give to together with from', 'to');
  const fromMs = parse(from, 'from');
  const toMs = parse(to, 'to');
  if (toMs <= fromMs) throw badRequest('to must be after from', 'to');
  return { fromMs, toMs };
}
