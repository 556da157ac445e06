import { CannotJoin, childBoxes, whole } from './boxes';

// Whether two files' sample descriptions (`stsd`) describe the same stream. The codec setup
// (`avcC`, `esds`, picture size, sample rate) must match byte for byte; bit rates (the `btrt`
// box, and the buffer size and bit rates inside `esds`) are measured on each file's own
// footage, so they differ between any two segments and are left out of the comparison.

/** Reads an MPEG-4 descriptor's tag and size at `at`: the size takes 1–4 bytes of 7 bits. */
function descriptor(bytes: Buffer, at: number): { tag: number; body: number; end: number } {
  const tag = bytes.readUInt8(at);
  let size = 0;
  let next = at + 1;
  for (let i = 0; i < 4; i++) {
    const byte = bytes.readUInt8(next++);
    size = (size << 7) | (byte & 0x7f);
    if ((byte & 0x80) === 0) break;
  }
  if (next + size > bytes.length) throw new CannotJoin('a truncated esds descriptor');
  return { tag, body: next, end: next + size };
}

/** A copy of an `esds` box with the decoder config's buffer size and bit rates zeroed. */
export function withoutBitRates(esds: Buffer): Buffer {
  const copy = Buffer.from(esds);
  const es = descriptor(copy, 12); // after the box header, version and flags
  if (es.tag !== 0x03) throw new CannotJoin('an esds without an ES descriptor');
  const flags = copy.readUInt8(es.body + 2);
  let at = es.body + 3;
  if (flags & 0x80) at += 2; // depends on another stream
  if (flags & 0x40) at += 1 + copy.readUInt8(at); // a URL
  if (flags & 0x20) at += 2; // an OCR stream
  const config = descriptor(copy, at);
  if (config.tag !== 0x04 || config.end - config.body < 13) {
    throw new CannotJoin('an esds without a decoder config');
  }
  // Object type and stream type stay; buffer size (3 bytes) and two bit rates (4 each) go.
  copy.fill(0, config.body + 2, config.body + 13);
  return copy;
}

/** Bytes of a sample entry before its child boxes, after the 8-byte box header, by handler. */
function entryFieldBytes(handler: string, entry: Buffer): number {
  switch (handler) {
    case 'vide':
      return 78; // VisualSampleEntry
    case 'soun': {
      // AudioSampleEntry: version 1 and 2 (QuickTime) carry 16 or 36 more bytes.
      const version = entry.length >= 18 ? entry.readUInt16BE(16) : -1;
      if (version === 0) return 28;
      if (version === 1) return 44;
      if (version === 2) return 64;
      throw new CannotJoin(`audio sample entry version ${version}`);
    }
    default:
      throw new CannotJoin(`a ${handler} track`);
  }
}

/** The parts of a one-entry `stsd` box that say what the stream is, for comparison. */
export function streamIdentity(handler: string, stsd: Buffer): Buffer {
  // stsd: 8-byte header, version and flags, entry count; then the entry.
  const entry = stsd.subarray(16);
  const [box] = childBoxes(entry);
  if (!box || box.size !== entry.length) throw new CannotJoin('a malformed sample entry');
  const fieldsEnd = 8 + entryFieldBytes(handler, entry);
  if (fieldsEnd > entry.length) throw new CannotJoin('a truncated sample entry');
  const kept = [entry.subarray(4, fieldsEnd)];
  for (const child of childBoxes(entry, fieldsEnd, entry.length)) {
    if (child.type === 'esds') kept.push(withoutBitRates(whole(entry, child)));
    else if (child.type !== 'btrt') kept.push(whole(entry, child));
  }
  return Buffer.concat(kept);
}
