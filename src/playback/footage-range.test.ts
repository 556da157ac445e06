import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/http/errors';
import { describeLength, parseRange, rangeLimits } from './footage-range';

function refusal(run: () => unknown): { field?: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('footage ranges', () => {
  it('reads ISO instants', () => {
    expect(
      parseRange(
        { from: '2025-03-01T00:00:00Z', to: '2025-03-01T08:00:00+07:00' },
        rangeLimits.timeline,
      ),
    ).toEqual({
      fromMs: Date.parse('2025-03-01T00:00:00Z'),
      toMs: Date.parse('2025-03-01T01:00:00Z'),
    });
  });

  it('refuses an end before the start, naming to', () => {
    expect(
      refusal(() =>
        parseRange(
          { from: '2025-03-02T00:00:00Z', to: '2025-03-01T00:00:00Z' },
          rangeLimits.playback,
        ),
      ),
    ).toEqual({ field: 'to', message: 'to must be after from' });
  });

  it('refuses 40 days with the limit and the length asked for', () => {
    expect(
      refusal(() =>
        parseRange(
          { from: '2025-01-01T00:00:00Z', to: '2025-02-10T00:00:00Z' },
          rangeLimits.timeline,
        ),
      ),
    ).toEqual({
      field: 'to',
      message: 'the period may cover at most 31 days; this one covers 40 days',
    });
  });

  it('allows a playback window of exactly one hour and refuses one second more', () => {
    expect(() =>
      parseRange(
        { from: '2025-01-01T00:00:00Z', to: '2025-01-01T01:00:00Z' },
        rangeLimits.playback,
      ),
    ).not.toThrow();
    expect(
      refusal(() =>
        parseRange(
          { from: '2025-01-01T00:00:00Z', to: '2025-01-01T01:00:01Z' },
          rangeLimits.playback,
        ),
      ).message,
    ).toBe('the period may cover at most 1 hour; this one covers 1 hour 1 second');
  });

  it('requires both ends without defaults, and fills them in with defaults', () => {
    expect(
      refusal(() => parseRange({ to: '2025-01-01T00:00:00Z' }, rangeLimits.download)).field,
    ).toBe('from');
    expect(parseRange({}, rangeLimits.timeline, { nowMs: 100_000_000, spanMs: 1000 })).toEqual({
      fromMs: 99_999_000,
      toMs: 100_000_000,
    });
  });

  it('names the field that is not an instant', () => {
    expect(
      refusal(() => parseRange({ from: 'yesterday', to: '2025-01-01T00:00:00Z' }, 1)).field,
    ).toBe('from');
  });

  it('words lengths in the largest readable unit', () => {
    expect(describeLength(40 * 86_400_000)).toBe('40 days');
    expect(describeLength(24 * 3_600_000)).toBe('1 day');
    expect(describeLength(90 * 60_000)).toBe('1 hour 30 minutes');
    expect(describeLength(1_000)).toBe('1 second');
  });
});
