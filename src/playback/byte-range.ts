// The `Range` header of a download (RFC 9110 §14): one byte range is served as 206; several
// are answered with the whole file (allowed: a server may ignore Range); a header that cannot
// be read, or a range that starts past the end, is 416.

export type RangeAnswer =
  | { kind: 'whole' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable'; message: string };

const unsatisfiable = (message: string): RangeAnswer => ({ kind: 'unsatisfiable', message });

/** What to send for `header` on a file of `size` bytes; `end` is inclusive. */
export function parseByteRange(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined) return { kind: 'whole' };
  const match = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (!match) return unsatisfiable('the Range header must be bytes=start-end');
  const parts = match[1]!.split(',').map((part) => part.trim());
  const specs = parts.map((part) => /^(\d*)-(\d*)$/.exec(part));
  if (parts.length === 0 || specs.some((spec) => spec === null || (!spec[1] && !spec[2]))) {
    return unsatisfiable('the Range header must be bytes=start-end');
  }
  if (specs.length > 1) return { kind: 'whole' };
  const [, first = '', last = ''] = specs[0]!;
  if (first === '') {
    // `bytes=-500`: the last 500 bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return unsatisfiable('the range asks for no bytes');
    return { kind: 'partial', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(Number(last || 0))) {
    return unsatisfiable('the range is too large');
  }
  if (last !== '' && Number(last) < start) return unsatisfiable('the range ends before it starts');
  if (start >= size) return unsatisfiable(`the range starts past the end of ${size} bytes`);
  return { kind: 'partial', start, end };
}
