import { open } from 'node:fs/promises';

/**
 * True when the file is whole and its index (`moov`) comes before its media (`mdat`): the
 * layout a download must have to play while it loads. The top-level boxes must run exactly to
 * the end of the file, since an index that overflowed its reserved room leaves it broken with
 * a `moov` still at the front. Reads box headers only.
 */
export async function indexComesFirst(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const header = Buffer.alloc(16);
    let offset = 0;
    let moovAt = -1;
    let mdatAt = -1;
    while (offset + 8 <= size) {
      const { bytesRead } = await handle.read(header, 0, 16, offset);
      if (bytesRead < 8) return false;
      let boxSize = header.readUInt32BE(0);
      if (boxSize === 1 && bytesRead === 16) boxSize = Number(header.readBigUInt64BE(8));
      if (boxSize < 8) return false;
      const type = header.toString('latin1', 4, 8);
      if (type === 'moov' && moovAt < 0) moovAt = offset;
      if (type === 'mdat' && mdatAt < 0) mdatAt = offset;
      offset += boxSize;
    }
    return offset === size && moovAt >= 0 && mdatAt >= 0 && moovAt < mdatAt;
  } finally {
    await handle.close();
  }
}
