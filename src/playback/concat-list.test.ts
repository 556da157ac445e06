import { describe, expect, it } from 'vitest';
import { concatList, concatSeconds, copyOnlyOpenOptions, quoteConcatPath } from './concat-list';

describe('concat list', () => {
  it('quotes a path, escaping a single quote outside the quotes', () => {
    expect(quoteConcatPath('/media/a b/x.mp4')).toBe("'/media/a b/x.mp4'");
    expect(quoteConcatPath("/media/O'Brien/x.mp4")).toBe("'/media/O'\\''Brien/x.mp4'");
    expect(quoteConcatPath("/m/'")).toBe("'/m/'\\'''");
  });

  it('refuses a path with a line break, which would start a new directive', () => {
    expect(() => quoteConcatPath('/media/x.mp4\nfile /etc/passwd')).toThrow(/line break/);
  });

  it('writes seconds to the microsecond, never in exponent form', () => {
    expect(concatSeconds(10)).toBe('10.000000');
    expect(concatSeconds(0.0000001)).toBe('0.000000');
    expect(concatSeconds(9.9999995)).toBe('10.000000');
    expect(() => concatSeconds(-1)).toThrow();
    expect(() => concatSeconds(Number.NaN)).toThrow();
  });

  it('lists each file with its in point, out point and duration', () => {
    expect(
      concatList([
        { path: '/m/a.mp4', inpointSeconds: 2.5, durationSeconds: 7.5 },
        { path: '/m/b.mp4', durationSeconds: 10 },
        { path: '/m/c.mp4', outpointSeconds: 4 },
      ]),
    ).toBe(
      [
        'ffconcat version 1.0',
        "file '/m/a.mp4'",
        'inpoint 2.500000',
        'duration 7.500000',
        "file '/m/b.mp4'",
        'duration 10.000000',
        "file '/m/c.mp4'",
        'outpoint 4.000000',
        '',
      ].join('\n'),
    );
  });

  it('opens each file with the given options when the reader takes them', () => {
    expect(concatList([{ path: '/m/a.mp4', durationSeconds: 10 }], copyOnlyOpenOptions)).toBe(
      [
        'ffconcat version 1.0',
        "file '/m/a.mp4'",
        'option codec_whitelist none',
        'duration 10.000000',
        '',
      ].join('\n'),
    );
  });
});
