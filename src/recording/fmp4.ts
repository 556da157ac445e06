// Reads the fragmented MP4 that the recorder's ffmpeg writes to stdout: only box headers and a
// few fields, never the media. It yields the init segment (ftyp+moov) that a late live viewer
// needs first, then one fragment (moof+mdat) per keyframe interval, with what the recorder
// learns for free from them: codec and size, frames per fragment, and the fragment's stream time.

export interface TrackInfo {
  id: number;
  kind: 'video' | 'audio' | 'other';
  /** ISO sample-entry code: `avc1`, `hev1`, `mp4a`, … */
  sampleEntry: string;
  timescale: number;
  width: number | null;
  height: number | null;
}

export interface StreamInfo {
  codec: string;
  width: number | null;
  height: number | null;
  hasAudio: boolean;
  videoTrackId: number | null;
  videoTimescale: number | null;
}

export interface Fragment {
  /** moof+mdat, or null when nobody watched live and the media was passed over. */
  data: Buffer | null;
  /** Size of the fragment on the wire. */
  bytes: number;
  /** Video samples (frames) in this fragment. */
  frames: number;
  /** Decode time of the fragment's first video sample, in seconds of stream time. */
  startSeconds: number | null;
  /** The fragment starts with a video keyframe: a viewer can start (or resume) here. */
  keyframe: boolean;
}

interface Box {
  type: string;
  start: number;
  /** Offset of the payload (after size, type and any 64-bit size). */
  body: number;
  end: number;
}

/** The boxes directly inside `buffer[from, to)`. */
export function childBoxes(buffer: Buffer, from = 0, to = buffer.length): Box[] {
  const boxes: Box[] = [];
  let offset = from;
  while (offset + 8 <= to) {
    let size = buffer.readUInt32BE(offset);
    let body = offset + 8;
    if (size === 1) {
      if (offset + 16 > to) break;
      size = Number(buffer.readBigUInt64BE(offset + 8));
      body = offset + 16;
    } else if (size === 0) size = to - offset;
    if (size < body - offset || offset + size > to) break;
    boxes.push({
      type: buffer.toString('latin1', offset + 4, offset + 8),
      start: offset,
      body,
      end: offset + size,
    });
    offset += size;
  }
  return boxes;
}

function find(buffer: Buffer, parent: Box, path: string[]): Box | undefined {
  let current: Box | undefined = parent;
  for (const type of path) {
    current = childBoxes(buffer, current.body, current.end).find((box) => box.type === type);
    if (!current) return undefined;
  }
  return current;
}

const codecNames: Record<string, string> = {
  avc1: 'h264',
  avc3: 'h264',
  hvc1: 'hevc',
  hev1: 'hevc',
  mp4a: 'aac',
  av01: 'av1',
  vp09: 'vp9',
  mp4v: 'mpeg4',
};

export function codecName(sampleEntry: string): string {
  return codecNames[sampleEntry] ?? sampleEntry;
}

/** Tracks of a `moov` box. */
export function parseTracks(moov: Buffer): TrackInfo[] {
  const root = childBoxes(moov)[0];
  if (!root || root.type !== 'moov') return [];
  return childBoxes(moov, root.body, root.end)
    .filter((box) => box.type === 'trak')
    .map((trak) => {
      const tkhd = find(moov, trak, ['tkhd']);
      const mdhd = find(moov, trak, ['mdia', 'mdhd']);
      const hdlr = find(moov, trak, ['mdia', 'hdlr']);
      const stsd = find(moov, trak, ['mdia', 'minf', 'stbl', 'stsd']);
      const tkhdVersion = tkhd ? moov[tkhd.body]! : 0;
      const mdhdVersion = mdhd ? moov[mdhd.body]! : 0;
      const handler = hdlr ? moov.toString('latin1', hdlr.body + 8, hdlr.body + 12) : '';
      const entry = stsd ? childBoxes(moov, stsd.body + 8, stsd.end)[0] : undefined;
      const kind = handler === 'vide' ? 'video' : handler === 'soun' ? 'audio' : 'other';
      // VisualSampleEntry: 8 bytes of SampleEntry, 16 reserved, then width and height.
      const dimensions = kind === 'video' && entry && entry.body + 28 <= entry.end;
      return {
        id: tkhd ? moov.readUInt32BE(tkhd.body + (tkhdVersion === 1 ? 20 : 12)) : 0,
        kind,
        sampleEntry: entry?.type ?? '',
        timescale: mdhd ? moov.readUInt32BE(mdhd.body + (mdhdVersion === 1 ? 20 : 12)) : 0,
        width: dimensions ? moov.readUInt16BE(entry.body + 24) : null,
        height: dimensions ? moov.readUInt16BE(entry.body + 26) : null,
      };
    });
}

export function streamInfo(tracks: TrackInfo[]): StreamInfo {
  const video = tracks.find((track) => track.kind === 'video');
  return {
    codec: video ? codecName(video.sampleEntry) : 'none',
    width: video?.width ?? null,
    height: video?.height ?? null,
    hasAudio: tracks.some((track) => track.kind === 'audio'),
    videoTrackId: video?.id ?? null,
    videoTimescale: video?.timescale ?? null,
  };
}

/** ISO/IEC 14496-12 sample flags: `sample_is_non_sync_sample`. */
const nonSyncSample = 0x10000;

/** `default_sample_flags` of a `tfhd`, when present. */
function defaultSampleFlags(moof: Buffer, tfhd: Box): number | null {
  const flags = moof.readUInt32BE(tfhd.body) & 0xffffff;
  if (!(flags & 0x20)) return null;
  let offset = tfhd.body + 8; // version+flags, track_ID
  if (flags & 0x1) offset += 8; // base_data_offset
  if (flags & 0x2) offset += 4; // sample_description_index
  if (flags & 0x8) offset += 4; // default_sample_duration
  if (flags & 0x10) offset += 4; // default_sample_size
  return offset + 4 <= tfhd.end ? moof.readUInt32BE(offset) : null;
}

/** The flags of a `trun`'s first sample, when it states them. */
function firstSampleFlags(moof: Buffer, trun: Box): number | null {
  const flags = moof.readUInt32BE(trun.body) & 0xffffff;
  let offset = trun.body + 8; // version+flags, sample_count
  if (flags & 0x1) offset += 4; // data_offset
  if (flags & 0x4) return moof.readUInt32BE(offset); // first_sample_flags
  if (!(flags & 0x400)) return null;
  // Per-sample fields come in this order: duration, size, flags.
  if (flags & 0x100) offset += 4;
  if (flags & 0x200) offset += 4;
  return offset + 4 <= trun.end ? moof.readUInt32BE(offset) : null;
}

/** Frames, first decode time and whether it starts on a keyframe, for the video of a `moof`. */
export function readMoof(
  moof: Buffer,
  videoTrackId: number | null,
): { frames: number; baseTime: number | null; keyframe: boolean } {
  const root = childBoxes(moof)[0];
  let frames = 0;
  let baseTime: number | null = null;
  // Without flags anywhere (trex defaults only), ffmpeg's fragments start at keyframes.
  let keyframe = true;
  if (!root) return { frames, baseTime, keyframe };
  for (const traf of childBoxes(moof, root.body, root.end).filter((b) => b.type === 'traf')) {
    const tfhd = find(moof, traf, ['tfhd']);
    if (!tfhd || moof.readUInt32BE(tfhd.body + 4) !== videoTrackId) continue;
    const tfdt = find(moof, traf, ['tfdt']);
    if (tfdt) {
      baseTime =
        moof[tfdt.body] === 1
          ? Number(moof.readBigUInt64BE(tfdt.body + 4))
          : moof.readUInt32BE(tfdt.body + 4);
    }
    const runs = childBoxes(moof, traf.body, traf.end).filter((b) => b.type === 'trun');
    const first = runs[0];
    const flags = first ? (firstSampleFlags(moof, first) ?? defaultSampleFlags(moof, tfhd)) : null;
    if (flags !== null) keyframe = (flags & nonSyncSample) === 0;
    for (const trun of runs) frames += moof.readUInt32BE(trun.body + 4);
  }
  return { frames, baseTime, keyframe };
}
