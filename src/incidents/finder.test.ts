import { describe, expect, it } from 'vitest';
import { CameraInputSchema } from '../cameras/camera.types';
import { AppError } from '../platform/http/errors';
import {
  findCameras,
  longestRangeM,
  parseFinderQuery,
  requirePointInUnit,
  searchBox,
  sighting,
  type FinderCamera,
  type FinderQuery,
} from './finder';

const point = { latitude: 21.0, longitude: 105.8 };
const nowMs = Date.parse('2025-09-01T12:00:00Z');
const fromMs = Date.parse('2025-09-01T10:00:00Z');
const toMs = Date.parse('2025-09-01T10:30:00Z');
const query: FinderQuery = { ...point, radiusM: 200, fromMs, toMs };
const minute = 60_000;

/**
 * Where to put a camera so the point lies `metres` away at compass `bearing` from it. Worked
 * by hand: a degree of latitude is 111,195 m, a degree of longitude at 21° N is 103,809 m.
 */
function cameraAt(bearing: number, metres: number, facts: Partial<FinderCamera> = {}) {
  const rad = (bearing * Math.PI) / 180;
  return {
    id: facts.code ?? 'cam',
    code: 'cam',
    latitude: point.latitude - (metres * Math.cos(rad)) / 111_194.93,
    longitude: point.longitude - (metres * Math.sin(rad)) / 103_809.4,
    heading: 0,
    fov: 90,
    rangeM: 80,
    status: 'online',
    consentTier: 'on_request' as const,
    ownerKind: 'household',
    recording: false,
    ...facts,
  };
}

function refusal(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('sighting', () => {
  it('measures a degree of latitude as 111.19 km and of longitude at 21° N as 103.81 km', () => {
    const north = sighting(point, { ...point, latitude: 20.999, heading: 0, fov: 90, rangeM: 1 });
    expect(north.distanceM).toBeCloseTo(111.19, 1);
    expect(north.bearing).toBeCloseTo(0, 6);
    const east = sighting(point, { ...point, longitude: 105.801, heading: 0, fov: 90, rangeM: 1 });
    expect(east.distanceM).toBeCloseTo(103.81, 1);
    expect(east.bearing).toBeCloseTo(270, 6);
  });

  it('a camera facing the point 50 m away sees it', () => {
    const seen = sighting(point, cameraAt(0, 50));
    expect(seen.distanceM).toBeCloseTo(50, 2);
    expect(seen.offAxis).toBeCloseTo(0, 4);
    expect(seen.sees).toBe(true);
  });

  it('a camera facing away from the point does not see it', () => {
    const seen = sighting(point, cameraAt(0, 50, { heading: 180 }));
    expect(seen.offAxis).toBeCloseTo(180, 4);
    expect(seen.sees).toBe(false);
  });

  it('a point 10° outside the wedge edge is not seen, one on the edge is', () => {
    // fov 60: the wedge reaches 30° either side of the heading.
    expect(sighting(point, cameraAt(0, 50, { heading: 40, fov: 60 })).sees).toBe(false);
    expect(sighting(point, cameraAt(0, 50, { heading: 320, fov: 60 })).sees).toBe(false);
    expect(sighting(point, cameraAt(0, 50, { heading: 29, fov: 60 })).sees).toBe(true);
  });

  it('a point at range + 1 m is not seen, at range − 1 m it is', () => {
    expect(sighting(point, cameraAt(90, 81, { heading: 90, rangeM: 80 })).sees).toBe(false);
    expect(sighting(point, cameraAt(90, 79, { heading: 90, rangeM: 80 })).sees).toBe(true);
  });

  it('a wedge across north (heading 350, fov 40) sees bearing 5 but not bearing 15', () => {
    const across = sighting(point, cameraAt(5, 50, { heading: 350, fov: 40 }));
    expect(across.bearing).toBeCloseTo(5, 4);
    expect(across.offAxis).toBeCloseTo(15, 4);
    expect(across.sees).toBe(true);
    expect(sighting(point, cameraAt(15, 50, { heading: 350, fov: 40 })).sees).toBe(false);
  });

  it('a panoramic camera sees every bearing within its range', () => {
    expect(sighting(point, cameraAt(200, 50, { heading: 0, fov: 360 })).sees).toBe(true);
  });
});

describe('findCameras', () => {
  it('ranks cameras that see the point first, then by distance, then by angle off the axis', () => {
    const cameras = [
      cameraAt(0, 20, { code: 'near-facing-away', heading: 180 }),
      cameraAt(0, 60, { code: 'far-squarely', heading: 0 }),
      cameraAt(0, 60, { code: 'far-askew', heading: 20 }),
      cameraAt(90, 30, { code: 'close', heading: 90 }),
      cameraAt(0, 150, { code: 'nearby-only', heading: 0 }),
    ];
    const result = findCameras(query, cameras, new Map(), nowMs);
    expect(result.groups.on_request.map((found) => found.camera.code)).toEqual([
      'close',
      'far-squarely',
      'far-askew',
      'near-facing-away',
      'nearby-only',
    ]);
    expect(result.seeing).toBe(3);
    expect(result.nearby).toBe(2);
  });

  it('keeps a camera beyond the radius whose wedge reaches the point, and drops one that does not', () => {
    const cameras = [
      cameraAt(0, 250, { code: 'long-range', rangeM: 300 }),
      cameraAt(0, 250, { code: 'short-range', rangeM: 80 }),
    ];
    const found = findCameras(query, cameras, new Map(), nowMs).groups.on_request;
    expect(found.map((item) => [item.camera.code, item.sees, item.withinRadius])).toEqual([
      ['long-range', true, false],
    ]);
  });

  it('groups by what can be had, listing the gaps of partial coverage', () => {
    const cameras = [
      cameraAt(0, 40, { code: 'partial', recording: true }),
      cameraAt(0, 45, { code: 'full', recording: true, status: 'offline' }),
      cameraAt(0, 50, { code: 'recorder-empty', recording: true }),
      cameraAt(0, 55, { code: 'shares', consentTier: 'live_on_alarm' }),
      cameraAt(0, 60, { code: 'contact', consentTier: 'registry_only' }),
      cameraAt(0, 65, { code: 'down', status: 'offline' }),
      cameraAt(0, 70, { code: 'retired', status: 'decommissioned' }),
      cameraAt(0, 75, { code: 'not-built', status: 'planned' }),
    ];
    const coverage = new Map([
      [
        'partial',
        [
          // Overlapping and seamed spans merge; the part before the window is cut away.
          { startMs: fromMs - 5 * minute, endMs: fromMs + 10 * minute },
          { startMs: fromMs + 10 * minute + 500, endMs: fromMs + 12 * minute },
          { startMs: fromMs + 20 * minute, endMs: fromMs + 25 * minute },
        ],
      ],
      ['full', [{ startMs: fromMs - minute, endMs: toMs + minute }]],
    ]);
    const result = findCameras(query, cameras, coverage, nowMs);
    const codes = (list: typeof result.groups.recorded) => list.map((item) => item.camera.code);
    expect(codes(result.groups.recorded)).toEqual(['partial', 'full']);
    expect(codes(result.groups.on_request)).toEqual(['shares']);
    expect(codes(result.groups.registry_only)).toEqual(['contact']);
    expect(codes(result.groups.offline)).toEqual(['recorder-empty', 'down', 'retired']);

    const [partial, full] = result.groups.recorded;
    expect(partial?.coverage).toBe('partial');
    expect(partial?.recorded).toEqual([
      { startMs: fromMs, endMs: fromMs + 12 * minute },
      { startMs: fromMs + 20 * minute, endMs: fromMs + 25 * minute },
    ]);
    expect(partial?.gaps).toEqual([
      { startMs: fromMs + 12 * minute, endMs: fromMs + 20 * minute },
      { startMs: fromMs + 25 * minute, endMs: toMs },
    ]);
    expect(partial?.recordedSeconds).toBe(17 * 60);
    expect(full?.coverage).toBe('full');
    expect(full?.gaps).toEqual([]);
    expect(full?.recordedSeconds).toBe(30 * 60);
  });

  it('does not count the part of a window still to come as a gap', () => {
    const window = { ...query, fromMs: nowMs - 10 * minute, toMs: nowMs + 10 * minute };
    const camera = cameraAt(0, 40, { code: 'live', recording: true });
    const coverage = new Map([['live', [{ startMs: nowMs - 20 * minute, endMs: nowMs }]]]);
    const [found] = findCameras(window, [camera], coverage, nowMs).groups.recorded;
    expect(found?.coverage).toBe('full');
    expect(found?.recorded).toEqual([{ startMs: nowMs - 10 * minute, endMs: nowMs }]);
  });
});

describe('parseFinderQuery', () => {
  const valid = {
    ...point,
    from: '2025-09-01T10:00:00Z',
    to: '2025-09-01T10:30:00Z',
  };

  it('reads a point and window with the default radius of 200 m', () => {
    expect(parseFinderQuery(valid, nowMs)).toEqual(query);
    expect(parseFinderQuery({ ...valid, radiusM: 500 }, nowMs).radiusM).toBe(500);
  });

  it.each([
    ['a window of 3 days', { to: '2025-09-04T10:00:00Z' }, 'to', /at most 12 hours.*3 days/],
    ['an end before the start', { to: '2025-09-01T09:00:00Z' }, 'to', /after from/],
    [
      'a start in the future',
      { from: '2025-09-02T10:00:00Z', to: '2025-09-02T11:00:00Z' },
      'from',
      /past/,
    ],
    ['a latitude of 91', { latitude: 91 }, 'latitude', /-90 and 90/],
    ['a longitude of -181', { longitude: -181 }, 'longitude', /-180 and 180/],
    ['no latitude', { latitude: undefined }, 'latitude', /required/],
    ['a radius of 5 m', { radiusM: 5 }, 'radiusM', /10 and 2000/],
    ['a radius of 3 km', { radiusM: 3000 }, 'radiusM', /10 and 2000/],
  ])('rejects %s naming the field', (_name, change, field, message) => {
    const error = refusal(() => parseFinderQuery({ ...valid, ...change }, nowMs));
    expect(error.status).toBe(400);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('rejects a point at sea (in no unit) naming the point', () => {
    const error = refusal(() => requirePointInUnit(null));
    expect(error.status).toBe(400);
    expect(error.field).toBe('point');
    expect(error.message).toMatch(/not inside any administrative unit/);
    expect(requirePointInUnit('ward-1')).toBe('ward-1');
  });
});

describe('searchBox', () => {
  it('reaches as far as the longest camera range the registry allows', () => {
    const schemaMaximum = (CameraInputSchema.properties.rangeM as unknown as { maximum: number })
      .maximum;
    expect(longestRangeM).toBe(schemaMaximum);
    const { bbox, reachM } = searchBox(query);
    expect(reachM).toBe(1000);
    expect((bbox.maxLat - point.latitude) * 111_194.93).toBeCloseTo(1001, 0);
    expect((bbox.maxLng - point.longitude) * 103_809.4).toBeCloseTo(1001, 0);
    expect(searchBox({ ...query, radiusM: 2000 }).reachM).toBe(2000);
  });
});
