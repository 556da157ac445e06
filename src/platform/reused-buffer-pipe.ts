import { randomBytes } from 'node:crypto';
import { createServer, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A child's stdout that Node reads into one buffer, reused for every read. A normal pipe hands
// over a new Buffer per read; for a child writing megabytes a second (the recorder's live
// stream) that external memory makes V8 run a full collection every few seconds, whose cost
// grows with the server's heap. A connected pair of local stream sockets, with the reading
// end's `onread` buffer, avoids it: the child gets the writing end as its stdout.

export interface ReusedBufferPipe {
  /** Give this to `spawn` as the child's stdout, then `close()` the parent's copy. */
  childEnd: Socket;
  /** The parent's reading end; ends when the child's end closes. */
  readEnd: Socket;
  /** Closes the parent's copy of the child's end (after spawning) so EOF can arrive. */
  releaseChildEnd(): void;
}

function socketPath(): string {
  const name = `matthan-${process.pid}-${randomBytes(8).toString('hex')}`;
  // Linux's abstract namespace leaves no file behind; elsewhere a path in the temp folder.
  return process.platform === 'linux' ? `\0${name}` : join(tmpdir(), `${name}.sock`);
}

/**
 * Opens the pair. `onData` gets a view of the shared buffer that is valid only during the
 * call: whatever it keeps, it must copy.
 */
export async function openReusedBufferPipe(
  bytes: number,
  onData: (chunk: Buffer) => void,
): Promise<ReusedBufferPipe> {
  const path = socketPath();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  try {
    const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
    const buffer = Buffer.allocUnsafe(bytes);
    const readEnd = connect({
      path,
      onread: {
        buffer,
        callback: (read: number, into: Uint8Array) => {
          onData(Buffer.from(into.buffer, into.byteOffset, read));
          return true;
        },
      },
    });
    await new Promise<void>((resolve, reject) => {
      readEnd.once('connect', resolve);
      readEnd.once('error', reject);
    });
    const childEnd = await accepted;
    // Nothing is ever read from the child's end in this process.
    childEnd.pause();
    return {
      childEnd,
      readEnd,
      releaseChildEnd: () => childEnd.destroy(),
    };
  } finally {
    server.close();
  }
}
