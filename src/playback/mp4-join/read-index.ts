import { open } from 'node:fs/promises';
import { CannotJoin, readBoxHeader } from './boxes';

// Reads a segment's top-level boxes without its media: the `ftyp`, the `moov`, and the file's
// size. Reads are in blocks that usually hold a whole small box, so a segment (ftyp, mdat
// header, then moov at the end) costs two reads.

export interface FileIndex {
  ftyp: Buffer | null;
  moov: Buffer;
  size: number;
}

/** An index bigger than this is not a segment's; refusing it bounds the memory a file can ask. */
const largestBox = 64 * 1024 * 1024;
const blockBytes = 64 * 1024;

export async function readIndex(path: string): Promise<FileIndex> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    let ftyp: Buffer | null = null;
    let moov: Buffer | null = null;
    let block = Buffer.alloc(0);
    let blockAt = 0;
    for (let offset = 0; offset < size;) {
      if (offset < blockAt || offset + 16 > blockAt + block.length) {
        block = Buffer.alloc(Math.min(blockBytes, size - offset));
        await file.read(block, 0, block.length, offset);
        blockAt = offset;
      }
      const at = offset - blockAt;
      const box = readBoxHeader(block.subarray(at, at + 16), offset, size);
      if (box.type === 'moov' || box.type === 'ftyp') {
        if (box.size > largestBox) throw new CannotJoin(`a ${box.size}-byte ${box.type}`);
        // A copy, so the block it came in is not kept alive with it.
        const bytes = Buffer.alloc(box.size);
        if (at + box.size <= block.length) block.copy(bytes, 0, at, at + box.size);
        else await file.read(bytes, 0, box.size, offset);
        if (box.type === 'ftyp') ftyp ??= bytes;
        else if (moov) throw new CannotJoin('two moov boxes');
        else moov = bytes;
      } else if (box.type === 'moof') {
        throw new CannotJoin('a fragmented file');
      }
      offset += box.size;
    }
    if (!moov) throw new CannotJoin('no moov');
    return { ftyp, moov, size };
  } finally {
    await file.close();
  }
}

/** `work` over `items` with at most `limit` running at once; results in the items' order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
