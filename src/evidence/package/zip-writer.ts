import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

// Writes a package ZIP beside its final name and renames it into place, so a reader never sees
// half a package. Files are hashed again as they are copied in: what the ZIP holds is what the
// manifest says, even if a stored file changed after it was checked.

export type ZipEntry =
  | { name: string; buffer: Buffer; compress: boolean }
  | { name: string; path: string; compress: boolean };

export interface WrittenZip {
  bytes: number;
  sha256: string;
  /** SHA-256 and size of every file entry's bytes as they went into the ZIP. */
  entries: Map<string, { sha256: string; bytes: number }>;
}

function hashingStream(onDone: (sha256: string, bytes: number) => void): Transform {
  const hash = createHash('sha256');
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      onDone(hash.digest('hex'), bytes);
      callback();
    },
  });
}

export async function writeZip(
  destination: string,
  entries: readonly ZipEntry[],
  mtime: Date,
): Promise<WrittenZip> {
  await mkdir(dirname(destination), { recursive: true });
  const temp = join(dirname(destination), `.${randomUUID()}.partial`);
  const written = new Map<string, { sha256: string; bytes: number }>();
  const zip = new ZipFile();
  for (const entry of entries) {
    const options = { mtime, mode: 0o100444, compress: entry.compress };
    if ('buffer' in entry) {
      zip.addBuffer(entry.buffer, entry.name, options);
      written.set(entry.name, {
        sha256: createHash('sha256').update(entry.buffer).digest('hex'),
        bytes: entry.buffer.length,
      });
    } else {
      // Opened only when yazl reaches the entry, so a large case does not hold every file open.
      zip.addReadStreamLazy(entry.name, options, (callback) => {
        const hashed = hashingStream((sha256, bytes) => written.set(entry.name, { sha256, bytes }));
        const source = createReadStream(entry.path);
        // yazl does not watch the streams it is given: a read error must reach the output.
        source.on('error', (error) => zip.emit('error', error));
        callback(null, source.pipe(hashed));
      });
    }
  }
  const output = zip.outputStream as PassThrough;
  zip.on('error', (error: Error) => output.destroy(error));
  zip.end();
  let result: { sha256: string; bytes: number } | undefined;
  try {
    await pipeline(
      output,
      hashingStream((sha256, bytes) => (result = { sha256, bytes })),
      createWriteStream(temp, { flags: 'wx', mode: 0o444 }),
    );
    if (!result) throw new Error('the package ZIP was not finished');
    await rename(temp, destination);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return { ...result, entries: written };
}
