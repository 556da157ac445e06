import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/http/errors';
import { cutSegments, parseRoadNetwork } from './road-import';

type Position = [number, number];

const line = (coordinates: Position[], properties: Record<string, unknown> = {}, id?: unknown) => ({
  type: 'Feature',
  ...(id === undefined ? {} : { id }),
  properties,
  geometry: { type: 'LineString', coordinates },
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

/** The AppError a parse throws, for checking its field and message. */
function refusal(body: unknown): AppError {
  try {
    parseRoadNetwork(body);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the network was accepted');
}

// Points along Đường Xuân Đỉnh, [lng, lat], about 110 m apart going north.
const street: Position[] = [
  [105.79, 21.07],
  [105.79, 21.071],
  [105.7902, 21.072],
];

describe('parseRoadNetwork', () => {
  it('reads ways with their names, kinds and OpenStreetMap ids', () => {
    const ways = parseRoadNetwork(
      collection(
        line(street, { name: 'Xuân Đỉnh', highway: 'tertiary' }, 'way/101'),
        line(street.slice(0, 2), { '@id': 'way/202' }),
        line(street.slice(1), {}),
        { ...line(street.slice(0, 2)), properties: null },
      ),
    );
    expect(ways.map((w) => [w.wayId, w.name, w.kind])).toEqual([
      ['way/101', 'Xuân Đỉnh', 'tertiary'],
      ['way/202', '', 'unclassified'],
      ['feature-2', '', 'unclassified'],
      ['feature-3', '', 'unclassified'],
    ]);
    expect(ways[0]!.parts[0]![0]).toEqual([21.07, 105.79]);
  });

  it('normalises names to NFC', () => {
    const decomposed = 'Xuân Đỉnh'.normalize('NFD');
    const [way] = parseRoadNetwork(collection(line(street, { name: ` ${decomposed} ` })));
    expect(way!.name).toBe('Xuân Đỉnh');
  });

  it('reads MultiLineStrings as several lines of one way', () => {
    const ways = parseRoadNetwork(
      collection({
        type: 'Feature',
        id: 7,
        properties: { name: 'Ngõ 12' },
        geometry: { type: 'MultiLineString', coordinates: [street.slice(0, 2), street.slice(1)] },
      }),
    );
    expect(ways[0]!.wayId).toBe('7');
    expect(ways[0]!.parts).toHaveLength(2);
  });

  it('drops repeated consecutive points', () => {
    const [way] = parseRoadNetwork(collection(line([street[0]!, street[0]!, street[1]!, street[1]!])));
    expect(way!.parts[0]).toHaveLength(2);
  });

  it('refuses what is not a FeatureCollection, naming type', () => {
    expect(refusal({ type: 'Feature' }).field).toBe('type');
    expect(refusal([1, 2]).field).toBe('type');
    expect(refusal(undefined).field).toBe('type');
  });

  it('refuses an empty file, naming features', () => {
    const error = refusal(collection());
    expect(error.field).toBe('features');
    expect(error.message).toMatch(/no features/);
  });

  it('refuses geometry that is not a line, naming its type', () => {
    const polygon = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [[...street, street[0]]] },
    };
    const error = refusal(collection(line(street), line(street), line(street), polygon));
    expect(error.field).toBe('features[3].geometry.type');
    expect(error.message).toMatch(/must be LineString or MultiLineString/);
    expect(refusal(collection({ type: 'Feature', properties: {} })).field).toBe(
      'features[0].geometry',
    );
    expect(refusal(collection({ type: 'Point' })).field).toBe('features[0]');
  });

  it('refuses coordinates outside Vietnam or not numbers, naming the coordinates', () => {
    const paris = refusal(collection(line([[2.35, 48.85], [2.36, 48.86]])));
    expect(paris.field).toBe('features[0].geometry.coordinates');
    expect(paris.message).toMatch(/outside Vietnam/);
    // Latitude and longitude swapped, a common slip.
    const swapped = refusal(collection(line(street), line([[21.07, 105.79], [21.071, 105.79]])));
    expect(swapped.field).toBe('features[1].geometry.coordinates');
    const text = refusal(collection(line([['105.79', '21.07'] as unknown as Position, street[1]!])));
    expect(text.field).toBe('features[0].geometry.coordinates');
  });

  it('refuses a way with fewer than two distinct points, naming it', () => {
    const error = refusal(collection(line([street[0]!, street[0]!], { name: 'Ngõ cụt' }, 'way/9')));
    expect(error.field).toBe('features[0].geometry');
    expect(error.message).toMatch(/way\/9 “Ngõ cụt”.*fewer than two distinct points/);
  });

  it('refuses a self-intersecting mess, saying where', () => {
    // A bow tie: the fourth piece crosses the first.
    const bowTie: Position[] = [
      [105.79, 21.07],
      [105.792, 21.072],
      [105.792, 21.07],
      [105.79, 21.072],
    ];
    const error = refusal(collection(line(street), line(bowTie, { name: 'Rối' })));
    expect(error.field).toBe('features[1].geometry');
    expect(error.message).toMatch(/crosses itself/);
  });

  it('refuses a way that folds back on itself', () => {
    const spike: Position[] = [
      [105.79, 21.07],
      [105.79, 21.072],
      [105.79001, 21.0705],
    ];
    const error = refusal(collection(line(spike)));
    expect(error.field).toBe('features[0].geometry');
    expect(error.message).toMatch(/folds back on itself at point 1/);
  });

  it('refuses a piece longer than 5 km', () => {
    const error = refusal(collection(line([[105.79, 21.07], [105.79, 21.12]])));
    expect(error.field).toBe('features[0].geometry');
    expect(error.message).toMatch(/5\.6 km/);
  });

  it('accepts a closed way (a roundabout) and a sharp corner', () => {
    const roundabout: Position[] = [
      [105.79, 21.07],
      [105.7903, 21.0703],
      [105.79, 21.0706],
      [105.7897, 21.0703],
      [105.79, 21.07],
    ];
    const corner: Position[] = [
      [105.79, 21.07],
      [105.79, 21.071],
      [105.7905, 21.0702],
    ];
    expect(parseRoadNetwork(collection(line(roundabout), line(corner)))).toHaveLength(2);
  });

  it('refuses a name that is not text', () => {
    expect(refusal(collection(line(street, { name: { vi: 'x' } }))).field).toBe(
      'features[0].properties.name',
    );
  });
});

describe('cutSegments', () => {
  it('cuts ways into two-point segments numbered along each way', () => {
    const segments = cutSegments(
      parseRoadNetwork(
        collection(
          line(street, { name: 'A' }, 'way/1'),
          line([street[2]!, [105.7904, 21.073]], { name: 'A' }, 'way/1'),
        ),
      ),
    );
    expect(segments.map((s) => [s.wayId, s.seq, s.feature])).toEqual([
      ['way/1', 0, 0],
      ['way/1', 1, 0],
      ['way/1', 2, 1],
    ]);
    // 0.001° of latitude is 111.2 m.
    expect(segments[0]!.lengthM).toBeCloseTo(111.2, 1);
    expect(segments[1]).toMatchObject({ lat1: 21.071, lng1: 105.79, lat2: 21.072, lng2: 105.7902 });
  });
});
