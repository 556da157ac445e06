// ISO BMFF boxes at their simplest: a size, a four-letter type and a payload. Reading walks the
// headers inside a buffer; building concatenates payloads behind a header of the right size.

export interface Box {
  type: string;
  /** Offset of the box's first byte within the buffer (or file) that was walked. */
  start: number;
  /** Length of the size/type header: 8, or 16 with a 64-bit size. */
  headerSize: number;
  /** Whole size of the box, header included. */
  size: number;
}

/** Raised for a box structure the joiner does not understand; the caller falls back. */
export class CannotJoin extends Error {
  override readonly name = 'CannotJoin';
}

const u32Limit = 0x1_0000_0000;

/**
 * Reads the header at `offset` of a box that may not end before `end`. `header` must hold at
 * least 8 bytes (16 for a 64-bit size).
 */
export function readBoxHeader(header: Buffer, offset: number, end: number): Box {
  if (header.length < 8) throw new CannotJoin(`truncated box header at ${offset}`);
  let size = header.readUInt32BE(0);
  const type = header.toString('latin1', 4, 8);
  let headerSize = 8;
  if (size === 1) {
    if (header.length < 16) throw new CannotJoin(`truncated 64-bit box header at ${offset}`);
    size = Number(header.readBigUInt64BE(8));
    headerSize = 16;
  } else if (size === 0) {
    size = end - offset; // runs to the end of its parent (or of the file)
  }
  if (size < headerSize || offset + size > end) {
    throw new CannotJoin(`box ${JSON.stringify(type)} at ${offset} has a bad size ${size}`);
  }
  return { type, start: offset, headerSize, size };
}

/** The boxes directly inside `buffer[start, end)`. */
export function childBoxes(buffer: Buffer, start = 0, end = buffer.length): Box[] {
  const boxes: Box[] = [];
  let offset = start;
  while (offset < end) {
    if (end - offset < 8) throw new CannotJoin(`stray bytes at ${offset}`);
    const box = readBoxHeader(buffer.subarray(offset, Math.min(end, offset + 16)), offset, end);
    boxes.push(box);
    offset += box.size;
  }
  return boxes;
}

/** The payload of `box` (after its header) as a view into `buffer`. */
export function payload(buffer: Buffer, box: Box): Buffer {
  return buffer.subarray(box.start + box.headerSize, box.start + box.size);
}

/** The whole of `box`, header included, as a view into `buffer`. */
export function whole(buffer: Buffer, box: Box): Buffer {
  return buffer.subarray(box.start, box.start + box.size);
}

/** The one child of type `type`, or undefined; two of them is a layout the joiner refuses. */
export function findChild(buffer: Buffer, parent: Box, type: string): Box | undefined {
  const found = childBoxes(buffer, parent.start + parent.headerSize, parent.start + parent.size);
  const matching = found.filter((box) => box.type === type);
  if (matching.length > 1) throw new CannotJoin(`more than one ${type} in ${parent.type}`);
  return matching[0];
}

export function requireChild(buffer: Buffer, parent: Box, type: string): Box {
  const box = findChild(buffer, parent, type);
  if (!box) throw new CannotJoin(`no ${type} in ${parent.type}`);
  return box;
}

/** A box around `parts`; the 64-bit form only when the size does not fit 32 bits. */
export function box(type: string, ...parts: Buffer[]): Buffer {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  return Buffer.concat([boxHeader(type, length), ...parts]);
}

/** The header of a box whose payload is `payloadBytes` long (the payload written separately). */
export function boxHeader(type: string, payloadBytes: number): Buffer {
  if (type.length !== 4) throw new Error(`box type ${JSON.stringify(type)} is not four letters`);
  if (payloadBytes + 8 < u32Limit) {
    const header = Buffer.alloc(8);
    header.writeUInt32BE(payloadBytes + 8, 0);
    header.write(type, 4, 'latin1');
    return header;
  }
  const header = Buffer.alloc(16);
  header.writeUInt32BE(1, 0);
  header.write(type, 4, 'latin1');
  header.writeBigUInt64BE(BigInt(payloadBytes + 16), 8);
  return header;
}

/** A full box: version and flags, then `parts`. */
export function fullBox(type: string, version: number, flags: number, ...parts: Buffer[]): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(((version & 0xff) << 24) | (flags & 0xffffff), 0);
  return box(type, head, ...parts);
}

/** Big-endian unsigned 32-bit words. */
export function u32s(values: ArrayLike<number>): Buffer {
  const out = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) out.writeUInt32BE(values[i]!, i * 4);
  return out;
}

export const fitsU32 = (value: number): boolean => value >= 0 && value < u32Limit;
