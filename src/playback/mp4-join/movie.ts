import { CannotJoin, childBoxes, findChild, payload, requireChild, whole, type Box } from './boxes';
import { streamIdentity } from './sample-entry';
import { readSampleTable, type SampleTable } from './sample-tables';

// A segment's index (`moov`) read into what the joiner needs: per track its timescale, the
// boxes copied as they are (sample description, handler, data reference), its edit list and
// its samples. Anything unexpected is `CannotJoin`, so the caller can use ffmpeg instead.

export interface Edit {
  /** Time before the media starts (an empty edit), in the movie's timescale. */
  delay: number;
  /** Where in the media presentation starts, in the track's timescale. */
  mediaTime: number;
}

export interface Track {
  /** `vide`, `soun`, … */
  handler: string;
  timescale: number;
  /** The payloads of `tkhd` and `mdhd`, rewritten with new durations. */
  tkhd: Buffer;
  mdhd: Buffer;
  /** Whole boxes copied into the output as they are. */
  hdlr: Buffer;
  mediaHeader: Buffer;
  dinf: Buffer;
  stsd: Buffer;
  /** What the sample description says the stream is, to compare between files. */
  identity: Buffer;
  sgpd: Buffer | null;
  edit: Edit;
  samples: SampleTable;
}

export interface Movie {
  timescale: number;
  /** The payload of `mvhd`. */
  mvhd: Buffer;
  tracks: Track[];
}

/** Offset of the timescale in an `mvhd` or `mdhd` payload, by version. */
export const timescaleAt = (version: number): number => (version === 1 ? 20 : 12);

const mediaHeaders = new Set(['vmhd', 'smhd', 'nmhd', 'sthd', 'hmhd']);

/** `elst`: nothing, one edit, or an empty edit (a delay) and one edit, all at normal rate. */
export function readEdit(body: Buffer | undefined): Edit {
  if (!body) return { delay: 0, mediaTime: 0 };
  const wide = body.readUInt8(0) === 1;
  const count = body.readUInt32BE(4);
  const entry = wide ? 20 : 12;
  if (8 + count * entry > body.length) throw new CannotJoin('truncated elst');
  const edits = Array.from({ length: count }, (_, i) => {
    const at = 8 + i * entry;
    return wide
      ? {
          duration: Number(body.readBigUInt64BE(at)),
          mediaTime: Number(body.readBigInt64BE(at + 8)),
          rate: body.readInt32BE(at + 16),
        }
      : {
          duration: body.readUInt32BE(at),
          mediaTime: body.readInt32BE(at + 4),
          rate: body.readInt32BE(at + 8),
        };
  });
  const first = edits[0];
  if (!first) return { delay: 0, mediaTime: 0 };
  const delay = first.mediaTime === -1 ? first.duration : 0;
  const rest = first.mediaTime === -1 ? edits.slice(1) : edits;
  const media = rest[0];
  if (rest.length !== 1 || !media || media.mediaTime < 0 || media.rate !== 0x10000) {
    throw new CannotJoin('an edit list other than one delay and one edit');
  }
  return { delay, mediaTime: media.mediaTime };
}

function readTrack(buffer: Buffer, trak: Box): Track {
  for (const child of childBoxes(buffer, trak.start + trak.headerSize, trak.start + trak.size)) {
    if (!['tkhd', 'edts', 'mdia', 'udta'].includes(child.type)) {
      throw new CannotJoin(`unsupported track box ${child.type}`);
    }
  }
  const edts = findChild(buffer, trak, 'edts');
  const elst = edts ? findChild(buffer, edts, 'elst') : undefined;
  const mdia = requireChild(buffer, trak, 'mdia');
  const mdhd = payload(buffer, requireChild(buffer, mdia, 'mdhd'));
  const hdlr = requireChild(buffer, mdia, 'hdlr');
  const minf = requireChild(buffer, mdia, 'minf');
  const minfChildren = childBoxes(buffer, minf.start + minf.headerSize, minf.start + minf.size);
  const mediaHeader = minfChildren.find((child) => mediaHeaders.has(child.type));
  if (!mediaHeader) throw new CannotJoin('no media header');
  const stbl = requireChild(buffer, minf, 'stbl');
  const stsd = requireChild(buffer, stbl, 'stsd');
  if (payload(buffer, stsd).readUInt32BE(4) !== 1) throw new CannotJoin('several sample entries');
  const sgpd = findChild(buffer, stbl, 'sgpd');
  const handler = payload(buffer, hdlr).toString('latin1', 8, 12);
  return {
    handler,
    timescale: mdhd.readUInt32BE(timescaleAt(mdhd.readUInt8(0))),
    tkhd: payload(buffer, requireChild(buffer, trak, 'tkhd')),
    mdhd,
    hdlr: whole(buffer, hdlr),
    mediaHeader: whole(buffer, mediaHeader),
    dinf: whole(buffer, requireChild(buffer, minf, 'dinf')),
    stsd: whole(buffer, stsd),
    identity: streamIdentity(handler, whole(buffer, stsd)),
    sgpd: sgpd ? whole(buffer, sgpd) : null,
    edit: readEdit(elst ? payload(buffer, elst) : undefined),
    samples: readSampleTable(buffer, stbl),
  };
}

/** Reads a whole `moov` box (header included). */
export function readMovie(moov: Buffer): Movie {
  const [top] = childBoxes(moov);
  if (!top || top.type !== 'moov' || top.size !== moov.length) throw new CannotJoin('not a moov');
  const children = childBoxes(moov, top.headerSize, top.size);
  if (children.some((child) => child.type === 'mvex')) throw new CannotJoin('a fragmented file');
  const mvhd = payload(moov, requireChild(moov, top, 'mvhd'));
  const tracks = children
    .filter((child) => child.type === 'trak')
    .map((trak) => readTrack(moov, trak));
  const sgpdMismatch = tracks.some(
    (track) => (track.sgpd === null) !== (track.samples.groups === null),
  );
  if (sgpdMismatch) throw new CannotJoin('sample groups without their description');
  return { timescale: mvhd.readUInt32BE(timescaleAt(mvhd.readUInt8(0))), mvhd, tracks };
}
