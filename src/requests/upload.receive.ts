import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { incomingPath } from '../evidence/evidence-files';
import type { Config } from '../platform/config';
import { AppError, badRequest, tooLarge } from '../platform/http/errors';

// Receiving an owner's file: written to `evidence/.incoming/` as it arrives, hashed and counted
// on the way, so a 4 GiB file never sits in memory and its hash is of the bytes as received.

export interface Received {
  path: string;
  sha256: string;
  bytes: number;
}

export const overLimit = (limit: number) =>
  tooLarge(`the file is larger than the ${limit} bytes allowed`, 'file');

/**
 * Streams `body` to a new incoming file. Past `limit` bytes it stops with 413 and removes what
 * was written. The request stream is piped, not owned: on an error it is left for the HTTP
 * server to drain or close, so the error can still be answered.
 */
export async function receiveUpload(
  config: Pick<Config, 'dataDir'>,
  body: Readable,
  ext: string,
  limit: number,
): Promise<Received> {
  const path = await incomingPath(config, ext);
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > limit) {
        callback(overLimit(limit));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  const written = pipeline(meter, createWriteStream(path, { flags: 'wx' }));
  body.on('error', (error) => meter.destroy(error));
  body.on('close', () => {
    if (!body.readableEnded) meter.destroy(badRequest('the upload was interrupted', 'file'));
  });
  body.pipe(meter);
  try {
    await written;
  } catch (error) {
    body.unpipe(meter);
    await rm(path, { force: true });
    if (error instanceof AppError) throw error;
    throw badRequest('the upload was interrupted', 'file');
  }
  return { path, sha256: hash.digest('hex'), bytes };
}
