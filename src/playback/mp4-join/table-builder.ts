import { box, fullBox, u32s } from './boxes';

// Builds a joined track's sample tables one sample at a time. Runs are compressed as they come
// (a day of footage is millions of samples), and a sample's bytes that follow the previous
// sample's in the output share its chunk.

/** A typed array that doubles as it fills. */
class Growable<T extends Uint32Array | Float64Array> {
  length = 0;
  constructor(private data: T) {}

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new (this.data.constructor as new (size: number) => T)(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  get view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

/** Run-length pairs (count, value), the shape of `stts`, `ctts`, `stsc` and `sbgp`. */
class Runs {
  readonly counts: number[] = [];
  readonly values: number[] = [];

  clone(): Runs {
    const copy = new Runs();
    for (let i = 0; i < this.counts.length; i++) copy.push(this.values[i]!, this.counts[i] ?? 0);
    return copy;
  }

  push(value: number, count = 1): void {
    const last = this.values.length - 1;
    if (last >= 0 && this.values[last] === value) this.counts[last]! += count;
    else {
      this.counts.push(count);
      this.values.push(value);
    }
  }

  pairs(signed = false): Buffer {
    const out = Buffer.alloc(this.counts.length * 8);
    for (let i = 0; i < this.counts.length; i++) {
      out.writeUInt32BE(this.counts[i]!, i * 8);
      if (signed) out.writeInt32BE(this.values[i]!, i * 8 + 4);
      else out.writeUInt32BE(this.values[i]!, i * 8 + 4);
    }
    return out;
  }
}

export interface OutputSample {
  /** Offset of the bytes from the start of the joined media data. */
  offset: number;
  size: number;
  duration: number;
  compositionOffset: number;
  sync: boolean;
  group: number;
}

export class SampleTableBuilder {
  count = 0;
  /** Sum of the decode durations so far, the last sample's included. */
  decodeTicks = 0;
  private readonly sizes = new Growable(new Uint32Array(1024));
  private readonly chunkOffsets = new Growable(new Float64Array(256));
  private readonly chunkSizes = new Runs(); // samples per chunk, by chunk
  private readonly durations = new Runs();
  private readonly composition = new Runs();
  private readonly groups = new Runs();
  private readonly syncNumbers = new Growable(new Uint32Array(256));
  private allSync = true;
  private anyComposition = false;
  private pendingDuration: number | null = null;
  private chunkEnd = -1;
  private chunkSamples = 0;

  push(sample: OutputSample): void {
    if (this.pendingDuration !== null) this.durations.push(this.pendingDuration);
    this.pendingDuration = sample.duration;
    this.decodeTicks += sample.duration;
    this.sizes.push(sample.size);
    this.count++;
    if (sample.sync) this.syncNumbers.push(this.count);
    else this.allSync = false;
    if (sample.compositionOffset !== 0) this.anyComposition = true;
    this.composition.push(sample.compositionOffset);
    this.groups.push(sample.group);
    if (sample.offset !== this.chunkEnd) {
      this.closeChunk();
      this.chunkOffsets.push(sample.offset);
    }
    this.chunkSamples++;
    this.chunkEnd = sample.offset + sample.size;
  }

  /**
   * Stretches or shortens the last sample so the next one starts at `decodeTicks`. When the
   * next file's first sample would start before the last one (audio kept from before a
   * file's cut), the last keeps its length and the new file starts a little late instead.
   */
  endAt(decodeTicks: number): void {
    if (this.pendingDuration === null) return;
    const duration = decodeTicks - (this.decodeTicks - this.pendingDuration);
    if (duration < 1) return;
    this.decodeTicks += duration - this.pendingDuration;
    this.pendingDuration = duration;
  }

  private closeChunk(): void {
    if (this.chunkSamples > 0) this.chunkSizes.push(this.chunkSamples);
    this.chunkSamples = 0;
  }

  /**
   * The sample table boxes after `stsd`, with chunk offsets moved by `base` (where the media
   * data starts in the output) and written 64 bits wide when `wide`.
   */
  build(base: number, wide: boolean, groupType: string | null): Buffer[] {
    const durations = this.durations.clone();
    if (this.pendingDuration !== null) durations.push(this.pendingDuration);
    const u32 = (value: number) => u32s([value]);
    const boxes = [fullBox('stts', 0, 0, u32(durations.counts.length), durations.pairs())];
    if (this.anyComposition) {
      const signed = this.composition.values.some((value) => value < 0);
      const pairs = this.composition.pairs(signed);
      boxes.push(fullBox('ctts', signed ? 1 : 0, 0, u32(this.composition.counts.length), pairs));
    }
    if (!this.allSync) {
      boxes.push(fullBox('stss', 0, 0, u32(this.syncNumbers.length), u32s(this.syncNumbers.view)));
    }
    boxes.push(fullBox('stsc', 0, 0, ...this.sampleToChunk()));
    boxes.push(fullBox('stsz', 0, 0, u32(0), u32(this.count), u32s(this.sizes.view)));
    const chunks = this.chunkOffsets.view;
    const offsets = Buffer.alloc(chunks.length * (wide ? 8 : 4));
    for (let i = 0; i < chunks.length; i++) {
      if (wide) offsets.writeBigUInt64BE(BigInt(chunks[i]! + base), i * 8);
      else offsets.writeUInt32BE(chunks[i]! + base, i * 4);
    }
    boxes.push(fullBox(wide ? 'co64' : 'stco', 0, 0, u32(chunks.length), offsets));
    if (groupType !== null) {
      const type = Buffer.from(groupType, 'latin1');
      boxes.push(fullBox('sbgp', 0, 0, type, u32(this.groups.counts.length), this.groups.pairs()));
    }
    return boxes;
  }

  /** `stsc` entries: runs of chunks with the same number of samples, numbered from 1. */
  private sampleToChunk(): Buffer[] {
    const sizes = this.chunkSizes.clone();
    if (this.chunkSamples > 0) sizes.push(this.chunkSamples);
    const table = Buffer.alloc(sizes.counts.length * 12);
    let firstChunk = 1;
    for (let i = 0; i < sizes.counts.length; i++) {
      table.writeUInt32BE(firstChunk, i * 12);
      table.writeUInt32BE(sizes.values[i]!, i * 12 + 4);
      table.writeUInt32BE(1, i * 12 + 8);
      firstChunk += sizes.counts[i]!;
    }
    return [u32s([sizes.counts.length]), table];
  }
}

/** `stbl` from the copied sample description and the built tables. */
export const sampleTableBox = (stsd: Buffer, tables: Buffer[]): Buffer =>
  box('stbl', stsd, ...tables);
