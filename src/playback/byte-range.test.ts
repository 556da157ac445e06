import { describe, expect, it } from 'vitest';
import { parseByteRange } from './byte-range';

describe('Range header', () => {
  it('serves the whole file without a header', () => {
    expect(parseByteRange(undefined, 100)).toEqual({ kind: 'whole' });
  });

  it('reads a closed, an open and a suffix range', () => {
    expect(parseByteRange('bytes=0-9', 100)).toEqual({ kind: 'partial', start: 0, end: 9 });
    expect(parseByteRange('bytes=90-', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(parseByteRange('bytes=-10', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(parseByteRange('bytes=-1000', 100)).toEqual({ kind: 'partial', start: 0, end: 99 });
  });

  it('cuts an end past the file to its last byte', () => {
    expect(parseByteRange('bytes=50-5000', 100)).toEqual({ kind: 'partial', start: 50, end: 99 });
  });

  it('answers several ranges with the whole file', () => {
    expect(parseByteRange('bytes=0-1, 5-9', 100)).toEqual({ kind: 'whole' });
  });

  it('refuses malformed headers', () => {
    for (const header of ['bytes', 'items=0-1', 'bytes=a-b', 'bytes=-', 'bytes=1-2-3', 'bytes=,']) {
      expect(parseByteRange(header, 100).kind, header).toBe('unsatisfiable');
    }
  });

  it('refuses a range that ends before it starts or starts past the end', () => {
    expect(parseByteRange('bytes=9-0', 100)).toEqual({
      kind: 'unsatisfiable',
      message: 'the range ends before it starts',
    });
    expect(parseByteRange('bytes=100-', 100)).toEqual({
      kind: 'unsatisfiable',
      message: 'the range starts past the end of 100 bytes',
    });
    expect(parseByteRange('bytes=-0', 100).kind).toBe('unsatisfiable');
  });

  it('refuses numbers too large to be exact', () => {
    expect(parseByteRange('bytes=99999999999999999999-', 100).kind).toBe('unsatisfiable');
  });
});
