import { box, boxHeader, fitsU32, fullBox, u32s } from './boxes';
import type { JoinPlan, JoinedTrack } from './join-plan';
import type { Movie } from './movie';
import { sampleTableBox } from './table-builder';

// The joined file's index: the first file's movie and track headers with new durations, an edit
// list per track, and the sample tables built by the plan. Pure: bytes in, bytes out.

/**
 * A header payload (`mvhd`, `mdhd` or `tkhd`) with a new duration, in version 1 (64-bit times)
 * when a value no longer fits version 0. `middle` is the bytes between the two times and the
 * duration: the timescale (4) or the track id and a reserved word (8).
 */
export function withDuration(header: Buffer, middle: 4 | 8, duration: number): Buffer {
  const wide = header.readUInt8(0) === 1;
  const read = (at: number) =>
    wide ? Number(header.readBigUInt64BE(at)) : header.readUInt32BE(at);
  const time = wide ? 8 : 4;
  const created = read(4);
  const modified = read(4 + time);
  const middleAt = 4 + 2 * time;
  const durationAt = middleAt + middle;
  const rest = header.subarray(durationAt + time);
  const version = [created, modified, duration].every(fitsU32) ? 0 : 1;
  const size = version === 1 ? 8 : 4;
  const out = Buffer.alloc(4 + 3 * size + middle + rest.length);
  header.copy(out, 0, 0, 4);
  out.writeUInt8(version, 0);
  const write = (value: number, at: number) => {
    if (version === 1) out.writeBigUInt64BE(BigInt(value), at);
    else out.writeUInt32BE(value, at);
  };
  write(created, 4);
  write(modified, 4 + size);
  header.copy(out, 4 + 2 * size, middleAt, durationAt);
  write(duration, 4 + 2 * size + middle);
  rest.copy(out, 4 + 3 * size + middle);
  return out;
}

const rescale = (ticks: number, from: number, to: number) => Math.round((ticks * to) / from);

/** Movie-timescale durations of a joined track: its delay and what it presents. */
function spans(track: JoinedTrack, movieTimescale: number) {
  const delay = rescale(track.delay, track.source.timescale, movieTimescale);
  const presented = rescale(track.presented, track.source.timescale, movieTimescale);
  return { delay, presented, total: delay + presented };
}

/** `elst`: an empty edit for a delay, then the media from `mediaTime` at normal speed. */
function editList(track: JoinedTrack, movieTimescale: number): Buffer {
  const { delay, presented } = spans(track, movieTimescale);
  const entries: [number, number][] = [];
  if (delay > 0) entries.push([delay, -1]);
  entries.push([presented, track.mediaTime]);
  const wide = entries.some(([duration, time]) => !fitsU32(duration) || time > 0x7fffffff);
  const body = Buffer.alloc(entries.length * (wide ? 20 : 12));
  entries.forEach(([duration, time], i) => {
    if (wide) {
      body.writeBigUInt64BE(BigInt(duration), i * 20);
      body.writeBigInt64BE(BigInt(time), i * 20 + 8);
      body.writeInt32BE(0x10000, i * 20 + 16);
    } else {
      body.writeUInt32BE(duration, i * 12);
      body.writeInt32BE(time, i * 12 + 4);
      body.writeInt32BE(0x10000, i * 12 + 8);
    }
  });
  return box('edts', fullBox('elst', wide ? 1 : 0, 0, u32s([entries.length]), body));
}

function trackBox(track: JoinedTrack, movieTimescale: number, base: number, wide: boolean): Buffer {
  const { source } = track;
  const groupType = source.samples.groups?.type ?? null;
  const tables = track.tables.build(base, wide, groupType);
  // The group description goes just before the sample-to-group table that points into it.
  if (groupType !== null && source.sgpd) tables.splice(tables.length - 1, 0, source.sgpd);
  const stbl = sampleTableBox(source.stsd, tables);
  const minf = box('minf', source.mediaHeader, source.dinf, stbl);
  const mdhd = box('mdhd', withDuration(source.mdhd, 4, track.tables.decodeTicks));
  const mdia = box('mdia', mdhd, source.hdlr, minf);
  const tkhd = box('tkhd', withDuration(source.tkhd, 8, spans(track, movieTimescale).total));
  return box('trak', tkhd, editList(track, movieTimescale), mdia);
}

/** The joined `moov`, its chunk offsets pointing `base` bytes into the output file. */
export function movieBox(first: Movie, plan: JoinPlan, base: number, wide: boolean): Buffer {
  const duration = Math.max(...plan.tracks.map((track) => spans(track, first.timescale).total));
  const mvhd = box('mvhd', withDuration(first.mvhd, 4, duration));
  const tracks = plan.tracks.map((track) => trackBox(track, first.timescale, base, wide));
  return box('moov', mvhd, ...tracks);
}

/**
 * The output's head: `ftyp`, `moov`, and the `mdat` header for `plan.dataBytes` of media
 * (64-bit sized when large). Offsets wider than 32 bits switch the chunk table to `co64`.
 */
export function headOf(ftyp: Buffer, first: Movie, plan: JoinPlan): Buffer {
  const mdat = boxHeader('mdat', plan.dataBytes);
  let wide = false;
  let moov = movieBox(first, plan, 0, wide);
  if (ftyp.length + moov.length + mdat.length + plan.dataBytes > 0xffffffff) {
    wide = true;
    moov = movieBox(first, plan, 0, wide);
  }
  // The offsets' values do not change the index's size, so one more build places them.
  moov = movieBox(first, plan, ftyp.length + moov.length + mdat.length, wide);
  return Buffer.concat([ftyp, moov, mdat]);
}
