import { describe, expect, it } from 'vitest';
import { findCameras, type FinderCamera, type FinderQuery } from './finder';
import { grantedCameraIds } from './incident-grants';
import { camerasToHold } from './incident-holds';
import { AppError } from '../platform/http/errors';

const candidates = [
  { id: 'rec-1', recorded: true },
  { id: 'rec-2', recorded: true },
  { id: 'ask', recorded: false },
];

describe('which cameras a case holds', () => {
  it('holds every recorded candidate by default, skipping those already held', () => {
    expect(camerasToHold(candidates, undefined, new Set())).toEqual(['rec-1', 'rec-2']);
    expect(camerasToHold(candidates, undefined, new Set(['rec-1']))).toEqual(['rec-2']);
  });

  it('holds the chosen candidates, once each, recorded or not', () => {
    expect(camerasToHold(candidates, ['ask', 'rec-2', 'ask'], new Set(['rec-2']))).toEqual(['ask']);
  });

  it('refuses a chosen camera that is not a candidate, naming cameraIds', () => {
    let error: unknown;
    try {
      camerasToHold(candidates, ['rec-1', 'elsewhere'], new Set());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).field).toBe('cameraIds');
  });
});

describe('which cameras an open case may watch live', () => {
  const query: FinderQuery = {
    latitude: 21,
    longitude: 105.8,
    radiusM: 200,
    fromMs: 0,
    toMs: 60_000,
  };
  /** A camera `metres` south of the point, looking north (or `heading`). */
  const south = (id: string, metres: number, facts: Partial<FinderCamera> = {}): FinderCamera => ({
    id,
    code: id,
    latitude: 21 - metres / 111_194.93,
    longitude: 105.8,
    heading: 0,
    fov: 90,
    rangeM: 80,
    status: 'online',
    consentTier: 'live_on_alarm',
    ownerKind: 'household',
    recording: false,
    ...facts,
  });

  it('grants live-on-alarm cameras that see the point within the radius, and no others', () => {
    const result = findCameras(
      query,
      [
        south('sees', 30),
        south('faces-away', 30, { heading: 180 }),
        south('on-request', 30, { consentTier: 'on_request' }),
        south('always', 30, { consentTier: 'live_always' }),
        south('long-lens', 400, { rangeM: 600 }),
      ],
      new Map(),
      60_000,
    );
    expect(grantedCameraIds(result)).toEqual(['sees']);
  });
});
