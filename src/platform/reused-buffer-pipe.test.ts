import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Supervisor, type ChildExit, type Logger } from './supervisor';

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

// A child that writes 6 MiB in uneven pieces, each byte known, then exits.
const writer = `
const total = 6 * 1024 * 1024;
let sent = 0;
const next = () => {
  while (sent < total) {
    const size = Math.min(total - sent, 1000 + (sent % 70000));
    const piece = Buffer.alloc(size);
    for (let i = 0; i < size; i++) piece[i] = (sent + i) % 251;
    sent += size;
    if (!process.stdout.write(piece)) return process.stdout.once('drain', next);
  }
};
next();
`;

function expectedDigest(): string {
  const all = Buffer.alloc(6 * 1024 * 1024);
  for (let i = 0; i < all.length; i++) all[i] = i % 251;
  return createHash('sha256').update(all).digest('hex');
}

describe('stdout read into one reused buffer', () => {
  it('delivers every byte of a real child in order through one buffer, then its exit', async () => {
    const hash = createHash('sha256');
    let bytes = 0;
    const views = new Set<ArrayBufferLike>();
    const exited = new Promise<ChildExit>((resolve) => {
      const supervisor = new Supervisor({
        name: 'writer',
        logger: quiet,
        spec: () => ({
          command: process.execPath,
          args: ['-e', writer],
          stdoutBufferBytes: 64 * 1024,
        }),
        hooks: {
          onStdout: (chunk) => {
            views.add(chunk.buffer);
            bytes += chunk.length;
            hash.update(chunk);
          },
          onExit: (exit) => {
            void supervisor.stop();
            resolve(exit);
          },
        },
      });
      supervisor.start();
    });
    const exit = await exited;
    expect(exit).toMatchObject({ reason: 'exited', code: 0, hadData: true });
    expect(bytes).toBe(6 * 1024 * 1024);
    expect(hash.digest('hex')).toBe(expectedDigest());
    // Every read landed in the same memory: nothing was allocated per read.
    expect(views.size).toBe(1);
  }, 20_000);
});
