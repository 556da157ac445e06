import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

// Reads every entry of a package without extracting anything: names are checked, file data is
// hashed as it streams, and only the small control files are kept in memory.

/** Input that cannot be checked at all: no such file, or not a ZIP. */
export class UnreadablePackageError extends Error {}

export interface ReadEntry {
  sha256: string;
  bytes: number;
}

export interface ReadZip {
  entries: Map<string, ReadEntry>;
  /** Contents of the entries asked for (manifest, signature, key), when they could be read. */
  kept: Map<string, Buffer>;
  /** Entries refused or unreadable, each with why. */
  problems: { name: string; message: string }[];
}

/** The control files are small; a larger one is a forgery, not something to buffer. */
const maxKeptBytes = 16 * 1024 * 1024;

/** Why an entry name may not be trusted, or null: no absolute paths, no `..`, no backslashes. */
export function unsafeEntryName(name: string): string | null {
  if (name === '') return 'has an empty name';
  if (name.includes('\\')) return 'has a backslash in its name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').includes('..')) return 'climbs out of the package with ..';
  if ([...name].some((char) => char.charCodeAt(0) < 0x20)) {
    return 'has control characters in its name';
  }
  return null;
}

async function openZip(path: string): Promise<yauzl.ZipFile> {
  try {
    // Names are decoded and checked here rather than by yauzl, which would stop at the first bad one.
    return await yauzl.openPromise(path, {
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UnreadablePackageError(`${path}: no such file`);
    if (code === 'EISDIR') throw new UnreadablePackageError(`${path} is a folder, not a ZIP file`);
    if (code === 'EACCES') throw new UnreadablePackageError(`${path}: permission denied`);
    throw new UnreadablePackageError(`${path} is not a ZIP file (${(error as Error).message})`);
  }
}

async function digest(stream: Readable, keep: boolean) {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    bytes += buffer.length;
    if (keep && bytes <= maxKeptBytes) chunks.push(buffer);
  }
  return {
    sha256: hash.digest('hex'),
    bytes,
    content: keep && bytes <= maxKeptBytes ? Buffer.concat(chunks) : null,
  };
}

export async function readZip(path: string, keep: ReadonlySet<string>): Promise<ReadZip> {
  const zip = await openZip(path);
  const result: ReadZip = { entries: new Map(), kept: new Map(), problems: [] };
  const seen = new Set<string>();
  try {
    for await (const entry of zip.eachEntry()) {
      const name = yauzl.getFileNameLowLevel(
        entry.generalPurposeBitFlag,
        entry.fileNameRaw,
        entry.extraFields,
        false,
      );
      const unsafe = unsafeEntryName(name);
      if (unsafe) {
        result.problems.push({ name, message: `${unsafe}: refused` });
        continue;
      }
      if (seen.has(name)) {
        result.problems.push({ name, message: 'appears more than once in the ZIP' });
        result.entries.delete(name);
        continue;
      }
      seen.add(name);
      if (name.endsWith('/')) continue;
      try {
        const read = await digest(await zip.openReadStreamPromise(entry), keep.has(name));
        result.entries.set(name, { sha256: read.sha256, bytes: read.bytes });
        if (read.content) result.kept.set(name, read.content);
      } catch (error) {
        result.problems.push({ name, message: `cannot be read: ${(error as Error).message}` });
      }
    }
  } catch (error) {
    throw new UnreadablePackageError(
      `${path} is not a readable ZIP file (${(error as Error).message})`,
    );
  } finally {
    zip.close();
  }
  return result;
}
