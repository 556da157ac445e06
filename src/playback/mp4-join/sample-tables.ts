import { CannotJoin, childBoxes, payload, type Box } from './boxes';

// A track's sample tables (`stbl`) read into one entry per sample: where its bytes are in the
// file, how long they are, how long it lasts, when it is shown and whether it is a keyframe.

export interface SampleTable {
  count: number;
  /** Absolute offset of each sample's bytes in its file. */
  offsets: Float64Array;
  sizes: Uint32Array;
  /** Decode duration of each sample, in the track's timescale. */
  durations: Uint32Array;
  /** Composition offset of each sample (`ctts`); null when the track has none. */
  compositionOffsets: Int32Array | null;
  /** 1 for a sync sample; null when there is no `stss` (every sample is one). */
  sync: Uint8Array | null;
  /** The `sbgp` sample-to-group mapping, one group description index per sample. */
  groups: { type: string; indices: Uint32Array } | null;
}

/** Boxes of `stbl` this module reads, and those it may safely ignore or carry separately. */
const known = new Set(['stsd', 'stts', 'ctts', 'stss', 'stsz', 'stsc', 'stco', 'co64']);
const carried = new Set(['sgpd', 'sbgp']);

function entries(body: Buffer, headerBytes: number, entryBytes: number): number {
  const count = body.readUInt32BE(headerBytes - 4);
  if (headerBytes + count * entryBytes > body.length) throw new CannotJoin('truncated table');
  return count;
}

/** `stts`: runs of (sample count, duration). */
export function readDurations(body: Buffer, sampleCount: number): Uint32Array {
  const durations = new Uint32Array(sampleCount);
  let at = 0;
  const runs = entries(body, 8, 8);
  for (let i = 0; i < runs; i++) {
    const count = body.readUInt32BE(8 + i * 8);
    const delta = body.readUInt32BE(12 + i * 8);
    if (at + count > sampleCount) throw new CannotJoin('stts covers more samples than stsz');
    durations.fill(delta, at, at + count);
    at += count;
  }
  if (at !== sampleCount) throw new CannotJoin('stts covers fewer samples than stsz');
  return durations;
}

/** `ctts`: runs of (sample count, offset); version 1 offsets are signed, version 0 are not. */
export function readCompositionOffsets(body: Buffer, sampleCount: number): Int32Array {
  const offsets = new Int32Array(sampleCount);
  const signed = body.readUInt8(0) === 1;
  let at = 0;
  const runs = entries(body, 8, 8);
  for (let i = 0; i < runs; i++) {
    const count = body.readUInt32BE(8 + i * 8);
    const value = signed ? body.readInt32BE(12 + i * 8) : body.readUInt32BE(12 + i * 8);
    if (at + count > sampleCount || value > 0x7fffffff) throw new CannotJoin('bad ctts');
    offsets.fill(value, at, at + count);
    at += count;
  }
  if (at !== sampleCount) throw new CannotJoin('ctts does not cover every sample');
  return offsets;
}

/** `stss`: the 1-based numbers of the sync samples. */
export function readSync(body: Buffer, sampleCount: number): Uint8Array {
  const sync = new Uint8Array(sampleCount);
  const count = entries(body, 8, 4);
  for (let i = 0; i < count; i++) {
    const number = body.readUInt32BE(8 + i * 4);
    if (number < 1 || number > sampleCount) throw new CannotJoin('stss names a missing sample');
    sync[number - 1] = 1;
  }
  return sync;
}

/** `stsz`: one size for all, or a size per sample. */
export function readSizes(body: Buffer): Uint32Array {
  const constant = body.readUInt32BE(4);
  const count = body.readUInt32BE(8);
  if (constant !== 0) return new Uint32Array(count).fill(constant);
  if (12 + count * 4 > body.length) throw new CannotJoin('truncated stsz');
  const sizes = new Uint32Array(count);
  for (let i = 0; i < count; i++) sizes[i] = body.readUInt32BE(12 + i * 4);
  return sizes;
}

/** `stco` or `co64`: the offset of each chunk. */
export function readChunkOffsets(body: Buffer, wide: boolean): Float64Array {
  const count = entries(body, 8, wide ? 8 : 4);
  const offsets = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    offsets[i] = wide ? Number(body.readBigUInt64BE(8 + i * 8)) : body.readUInt32BE(8 + i * 4);
  }
  return offsets;
}

/**
 * Each sample's file offset from `stsc` (runs of chunks with the same number of samples) and
 * the chunk offsets: samples of a chunk lie back to back from its offset.
 */
export function sampleOffsets(
  stsc: Buffer,
  chunks: Float64Array,
  sizes: Uint32Array,
): Float64Array {
  const offsets = new Float64Array(sizes.length);
  const runs = entries(stsc, 8, 12);
  let sample = 0;
  for (let run = 0; run < runs; run++) {
    const firstChunk = stsc.readUInt32BE(8 + run * 12);
    const perChunk = stsc.readUInt32BE(12 + run * 12);
    if (stsc.readUInt32BE(16 + run * 12) !== 1) throw new CannotJoin('several sample entries');
    const nextFirst = run + 1 < runs ? stsc.readUInt32BE(8 + (run + 1) * 12) : chunks.length + 1;
    if (firstChunk < 1 || nextFirst < firstChunk) throw new CannotJoin('bad stsc');
    for (let chunk = firstChunk; chunk < nextFirst; chunk++) {
      let offset = chunks[chunk - 1];
      if (offset === undefined) throw new CannotJoin('stsc names a missing chunk');
      for (let i = 0; i < perChunk; i++, sample++) {
        if (sample >= sizes.length) throw new CannotJoin('stsc covers more samples than stsz');
        offsets[sample] = offset;
        offset += sizes[sample]!;
      }
    }
  }
  if (sample !== sizes.length) throw new CannotJoin('stsc covers fewer samples than stsz');
  return offsets;
}

/** `sbgp`: runs of (sample count, group description index); samples past the runs get 0. */
export function readGroups(
  body: Buffer,
  sampleCount: number,
): { type: string; indices: Uint32Array } {
  // Version 1 adds a grouping type parameter that would have to match across files.
  if (body.readUInt8(0) !== 0) throw new CannotJoin('sbgp with a grouping type parameter');
  const type = body.toString('latin1', 4, 8);
  const header = 12;
  const runs = entries(body, header, 8);
  const indices = new Uint32Array(sampleCount);
  let at = 0;
  for (let i = 0; i < runs; i++) {
    const count = body.readUInt32BE(header + i * 8);
    const index = body.readUInt32BE(header + 4 + i * 8);
    if (at + count > sampleCount) throw new CannotJoin('sbgp covers more samples than stsz');
    indices.fill(index, at, at + count);
    at += count;
  }
  return { type, indices };
}

/** Reads an `stbl` box of `buffer`. `sgpd` is carried whole by the caller. */
export function readSampleTable(buffer: Buffer, stbl: Box): SampleTable {
  const byType = new Map<string, Buffer>();
  for (const child of childBoxes(buffer, stbl.start + stbl.headerSize, stbl.start + stbl.size)) {
    if (!known.has(child.type) && !carried.has(child.type)) {
      throw new CannotJoin(`unsupported sample table box ${child.type}`);
    }
    if (byType.has(child.type)) throw new CannotJoin(`more than one ${child.type}`);
    byType.set(child.type, payload(buffer, child));
  }
  const need = (type: string) => {
    const body = byType.get(type);
    if (!body) throw new CannotJoin(`no ${type}`);
    return body;
  };
  const sizes = readSizes(need('stsz'));
  const count = sizes.length;
  const co64 = byType.get('co64');
  const chunks = co64 ? readChunkOffsets(co64, true) : readChunkOffsets(need('stco'), false);
  const ctts = byType.get('ctts');
  const stss = byType.get('stss');
  const sbgp = byType.get('sbgp');
  return {
    count,
    offsets: sampleOffsets(need('stsc'), chunks, sizes),
    sizes,
    durations: readDurations(need('stts'), count),
    compositionOffsets: ctts ? readCompositionOffsets(ctts, count) : null,
    sync: stss ? readSync(stss, count) : null,
    groups: sbgp ? readGroups(sbgp, count) : null,
  };
}
