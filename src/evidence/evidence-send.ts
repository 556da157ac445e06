import { open } from 'node:fs/promises';
import type { FastifyReply } from 'fastify';
import { AppError } from '../platform/http/errors';
import { parseByteRange } from '../playback/byte-range';

// Serving a stored evidence file: whole or one byte range (a player seeks with Range), opened
// read-only, never buffered whole.

/**
 * `Content-Disposition` for a download: an ASCII fallback for old clients and the real name in
 * RFC 5987 form, so a Vietnamese file name arrives intact and nothing can break out of quotes.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._ -]+/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii || 'evidence'}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends `path` with Range support. `beforeSend` runs once the range is known to be good, just
 * before bytes go out (the custody event is written there, so a refused request leaves none).
 */
export async function sendStoredFile(
  reply: FastifyReply,
  path: string,
  options: {
    range: string | undefined;
    mime: string;
    disposition?: string;
    beforeSend?: () => Promise<void>;
  },
): Promise<FastifyReply> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const answer = parseByteRange(options.range, size);
    reply.header('accept-ranges', 'bytes').header('cache-control', 'private, no-store');
    if (options.disposition) reply.header('content-disposition', options.disposition);
    if (answer.kind === 'unsatisfiable') {
      reply.header('content-range', `bytes */${size}`);
      throw new AppError(416, 'range_not_satisfiable', answer.message, 'range');
    }
    await options.beforeSend?.();
    const { start, end } = answer.kind === 'partial' ? answer : { start: 0, end: size - 1 };
    if (answer.kind === 'partial') {
      reply.code(206).header('content-range', `bytes ${start}-${end}/${size}`);
    }
    reply.header('content-length', String(Math.max(0, end - start + 1))).type(options.mime);
    if (size === 0) {
      await file.close();
      return reply.send(Buffer.alloc(0));
    }
    return reply.send(file.createReadStream({ start, end, autoClose: true }));
  } catch (error) {
    await file.close();
    throw error;
  }
}
