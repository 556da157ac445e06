import { describe, expect, it } from 'vitest';
import {
  canExtract,
  coverageBar,
  defaultWindow,
  extractionRange,
  formatBytes,
  formatOffset,
  nextStatuses,
  shortHash,
  wedgeLook,
} from '../../web/src/views/incidents/incidentRules';

// The incident screens' pure decisions (no browser needed): the default window, the coverage
// bar, what "extract" asks for, and how finder cameras are drawn.

const at = (time: string) => `2025-03-01T${time}Z`;

describe('incident screen rules', () => {
  it('offers direct extraction only of recorded cameras whose owner shares live', () => {
    const found = (consentTier: string, availability: string) =>
      ({ camera: { consentTier }, availability }) as Parameters<typeof canExtract>[0];
    expect(canExtract(found('live_always', 'recorded'))).toBe(true);
    expect(canExtract(found('live_on_alarm', 'recorded'))).toBe(true);
    // On request: the owner's approval extracts it; registry only: nothing to extract.
    expect(canExtract(found('on_request', 'recorded'))).toBe(false);
    expect(canExtract(found('live_always', 'offline'))).toBe(false);
  });

  it('defaults the window to the hour before now, rounded up to the next minute, in Vietnam time', () => {
    // 10:15:20 UTC is 17:15:20 in Hà Nội; the inputs have whole minutes.
    expect(defaultWindow(Date.parse(at('10:15:20')))).toEqual({
      from: '2025-03-01T16:16',
      to: '2025-03-01T17:16',
    });
    expect(defaultWindow(Date.parse(at('10:15:00')))).toEqual({
      from: '2025-03-01T16:15',
      to: '2025-03-01T17:15',
    });
  });

  it('places recorded spans and gaps on the window bar by time, clipped to the window', () => {
    const window = { from: at('10:00:00'), to: at('10:10:00') };
    const parts = coverageBar(
      window,
      [
        { from: at('09:55:00'), to: at('10:02:30') },
        { from: at('10:05:00'), to: at('10:20:00') },
      ],
      [{ from: at('10:02:30'), to: at('10:05:00') }],
    );
    expect(parts.map(({ kind, left, width }) => ({ kind, left, width }))).toEqual([
      { kind: 'recorded', left: 0, width: 25 },
      { kind: 'recorded', left: 50, width: 50 },
      { kind: 'gap', left: 25, width: 25 },
    ]);
    expect(coverageBar({ from: at('10:00:00'), to: at('10:00:00') }, [], [])).toEqual([]);
  });

  it('extracts the case window narrowed to what was recorded, or nothing when nothing was', () => {
    const window = { from: at('10:00:00'), to: at('11:00:00') };
    expect(
      extractionRange(window, [
        { from: at('10:20:00'), to: at('10:30:00') },
        { from: at('10:40:00'), to: at('10:45:10') },
      ]),
    ).toEqual({ from: '2025-03-01T10:20:00.000Z', to: '2025-03-01T10:45:10.000Z' });
    expect(extractionRange(window, [{ from: at('09:00:00'), to: at('12:00:00') }])).toEqual({
      from: '2025-03-01T10:00:00.000Z',
      to: '2025-03-01T11:00:00.000Z',
    });
    expect(extractionRange(window, [])).toBeNull();
  });

  it('colours a wedge by availability and dashes it when the camera only stands nearby', () => {
    expect(wedgeLook({ availability: 'recorded', sees: true })).toEqual({
      color: '#2e7d32',
      fillColor: '#2e7d32',
      weight: 2,
      fillOpacity: 0.3,
    });
    expect(wedgeLook({ availability: 'offline', sees: false })).toMatchObject({
      color: '#c62828',
      dashArray: '5 5',
    });
    expect(wedgeLook({ availability: 'on_request', sees: true }).color).toBe('#1565c0');
    expect(wedgeLook({ availability: 'registry_only', sees: true }).color).toBe('#757575');
  });

  it('offers only the status moves the server allows', () => {
    expect(nextStatuses('open')).toEqual(['investigating', 'solved', 'unsolved', 'closed']);
    expect(nextStatuses('investigating')).toEqual(['solved', 'unsolved', 'closed']);
    expect(nextStatuses('solved')).toEqual(['closed']);
    expect(nextStatuses('closed')).toEqual([]);
  });

  it('shortens hashes and formats offsets and sizes for reading', () => {
    expect(shortHash('a'.repeat(56) + '12345678')).toBe('aaaaaaaa…12345678');
    expect(formatOffset(1250)).toBe('+1.250 s');
    expect(formatOffset(-40)).toBe('−0.040 s');
    expect(formatOffset(0)).toBe('±0.000 s');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_500_000)).toBe('1.5 MB');
  });
});
