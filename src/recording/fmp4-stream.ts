import { parseTracks, readMoof, streamInfo, type Fragment, type StreamInfo } from './fmp4';

/** A box larger than this is not something ffmpeg writes for one keyframe interval. */
const maxBoxBytes = 256 * 1024 * 1024;

/**
 * Cuts a fragmented-MP4 byte stream (arbitrary chunk boundaries) into the init segment and
 * fragments; nothing is decoded. Media (`mdat`) is assembled only while `wantMedia()` says
 * someone watches live: otherwise its bytes are counted and dropped as they pass, so a camera
 * nobody watches costs the recorder a few header reads per keyframe interval and no copying.
 */
export class Fmp4Stream {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Bytes of an unwanted `mdat` still to pass over. */
  private skipping = 0;
  private ftyp: Buffer | null = null;
  private moof: Buffer | null = null;
  /** Boxes that belong before the next fragment (styp, sidx, prft). */
  private prefix: Buffer[] = [];
  info: StreamInfo | null = null;
  init: Buffer | null = null;

  constructor(
    private readonly onInit: (init: Buffer, info: StreamInfo) => void,
    private readonly onFragment: (fragment: Fragment) => void,
    private readonly wantMedia: () => boolean = () => true,
  ) {}

  /**
   * Takes the next bytes. `chunk` may be a view of a buffer the caller reuses: whatever is kept
   * past this call is copied first.
   */
  push(chunk: Buffer): void {
    this.consume(chunk);
    for (let i = 0; i < this.chunks.length; i++) {
      const kept = this.chunks[i]!;
      if (kept.buffer === chunk.buffer) this.chunks[i] = Buffer.from(kept);
    }
  }

  private consume(chunk: Buffer): void {
    let rest = chunk;
    if (this.skipping > 0) {
      if (rest.length <= this.skipping) {
        this.skipping -= rest.length;
        return;
      }
      rest = rest.subarray(this.skipping);
      this.skipping = 0;
    }
    this.chunks.push(rest);
    this.buffered += rest.length;
    for (;;) {
      const head = this.nextBoxHead();
      if (head === null) return;
      if (head.type === 'mdat' && this.moof && !this.wantMedia()) {
        this.fragment(null, head.size);
        const present = Math.min(head.size, this.buffered);
        this.drop(present);
        this.skipping = head.size - present;
        if (this.skipping > 0) return;
        continue;
      }
      if (this.buffered < head.size) return;
      this.box(head.type, this.take(head.size));
    }
  }

  private nextBoxHead(): { size: number; type: string } | null {
    if (this.buffered < 8) return null;
    const head = this.peek(Math.min(16, this.buffered));
    let size = head.readUInt32BE(0);
    if (size === 1) {
      if (head.length < 16) return null;
      size = Number(head.readBigUInt64BE(8));
    }
    if (size < 8 || size > maxBoxBytes) {
      throw new Error(`unexpected MP4 box size ${size} in the live stream`);
    }
    return { size, type: head.toString('latin1', 4, 8) };
  }

  private peek(bytes: number): Buffer {
    const first = this.chunks[0]!;
    return first.length >= bytes ? first.subarray(0, bytes) : Buffer.concat(this.chunks, bytes);
  }

  /** Removes `bytes` from the front of the buffer, returning them as one Buffer. */
  private take(bytes: number): Buffer {
    const parts: Buffer[] = [];
    let needed = bytes;
    while (needed > 0) {
      const first = this.chunks[0]!;
      if (first.length <= needed) {
        parts.push(first);
        this.chunks.shift();
        needed -= first.length;
      } else {
        parts.push(first.subarray(0, needed));
        this.chunks[0] = first.subarray(needed);
        needed = 0;
      }
    }
    this.buffered -= bytes;
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, bytes);
  }

  private drop(bytes: number): void {
    let left = bytes;
    while (left > 0) {
      const first = this.chunks[0]!;
      if (first.length <= left) {
        this.chunks.shift();
        left -= first.length;
      } else {
        this.chunks[0] = first.subarray(left);
        left = 0;
      }
    }
    this.buffered -= bytes;
  }

  private fragment(mdat: Buffer | null, mdatBytes: number): void {
    const moof = this.moof!;
    const { frames, baseTime, keyframe } = readMoof(moof, this.info?.videoTrackId ?? null);
    const timescale = this.info?.videoTimescale ?? 0;
    const data = mdat ? Buffer.concat([...this.prefix, moof, mdat]) : null;
    const bytes = this.prefix.reduce((sum, box) => sum + box.length, moof.length + mdatBytes);
    this.prefix = [];
    this.moof = null;
    this.onFragment({
      data,
      bytes,
      frames,
      keyframe,
      startSeconds: baseTime !== null && timescale > 0 ? baseTime / timescale : null,
    });
  }

  private box(type: string, box: Buffer): void {
    switch (type) {
      case 'ftyp':
        this.ftyp = Buffer.from(box);
        return;
      case 'moov':
        this.info = streamInfo(parseTracks(box));
        this.init = this.ftyp ? Buffer.concat([this.ftyp, box]) : Buffer.from(box);
        this.onInit(this.init, this.info);
        return;
      case 'moof':
        this.moof = Buffer.from(box);
        return;
      case 'mdat':
        if (this.moof) this.fragment(box, box.length);
        return;
      case 'styp':
      case 'sidx':
      case 'prft':
        this.prefix.push(Buffer.from(box));
        return;
      default:
        // `free`, and `mfra` at the very end: nothing a viewer or the recorder needs.
        return;
    }
  }
}
