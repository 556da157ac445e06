import { describe, expect, it } from 'vitest';
import { boundaryProblem, outlineFeatures, parseBbox } from './jurisdiction-outline';

const square = (lng: number, lat: number, size: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng, lat],
      [lng + size, lat],
      [lng + size, lat + size],
      [lng, lat + size],
      [lng, lat],
    ],
  ],
});

describe('bounding boxes', () => {
  it('reads minLng,minLat,maxLng,maxLat', () => {
    expect(parseBbox('105.7,21.0,105.9,21.1')).toEqual({
      minLng: 105.7,
      minLat: 21,
      maxLng: 105.9,
      maxLat: 21.1,
    });
  });

  it('names what is wrong with a bad box', () => {
    expect(parseBbox('1,2,3')).toMatch(/four numbers/);
    expect(parseBbox('105,91,106,92')).toMatch(/latitudes/);
    expect(parseBbox('106,21,105,22')).toMatch(/minimums/);
    expect(parseBbox('a,b,c,d')).toMatch(/four numbers/);
  });
});

describe('outlines', () => {
  it('accepts a closed polygon and a multipolygon', () => {
    expect(boundaryProblem(square(105.78, 21.06, 0.02))).toBeNull();
    expect(
      boundaryProblem({ type: 'MultiPolygon', coordinates: [square(1, 1, 1).coordinates] }),
    ).toBeNull();
  });

  it('rejects an open ring, a point and positions out of range', () => {
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ],
      ],
    };
    expect(boundaryProblem(open)).toMatch(/end where it starts/);
    expect(boundaryProblem({ type: 'Point', coordinates: [0, 0] })).toMatch(
      /Polygon or MultiPolygon/,
    );
    expect(boundaryProblem(square(179.5, 89.5, 1))).toMatch(/within range/);
  });

  it('keeps only the outlines that touch the map box', () => {
    const units = [
      {
        id: 'xd',
        code: '00611',
        name: 'Xuân Đỉnh',
        level: 'commune',
        kind: 'phường',
        boundary: JSON.stringify(square(105.78, 21.06, 0.02)),
      },
      {
        id: 'tt',
        code: '18505',
        name: 'Thạch Trị',
        level: 'commune',
        kind: 'xã',
        boundary: JSON.stringify(square(105.85, 18.39, 0.02)),
      },
    ];
    const features = outlineFeatures(units, {
      minLng: 105.79,
      minLat: 21.07,
      maxLng: 105.9,
      maxLat: 21.2,
    });
    expect(features.map((f) => f.id)).toEqual(['xd']);
    expect(features[0]).toMatchObject({
      type: 'Feature',
      properties: { code: '00611', name: 'Xuân Đỉnh' },
    });
    expect(outlineFeatures(units, null)).toHaveLength(2);
  });
});
