import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/http/errors';
import { latCellsFor, maxListedCells, parseBbox } from './camera.geo';

describe('parseBbox', () => {
  it('reads minLng,minLat,maxLng,maxLat', () => {
    expect(parseBbox('105.78, 21.06,105.80,21.08')).toEqual({
      minLng: 105.78,
      minLat: 21.06,
      maxLng: 105.8,
      maxLat: 21.08,
    });
  });

  it.each([
    '',
    '1,2,3',
    '1,2,3,4,5',
    'a,b,c,d',
    '105,21,,22',
    '105,91,106,92',
    '181,21,182,22',
    '106,21,105,22',
    '105,22,106,21',
  ])('rejects %j with a 400 naming bbox', (raw) => {
    const error = (() => {
      try {
        parseBbox(raw);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).field).toBe('bbox');
  });
});

describe('latCellsFor', () => {
  it('lists every 0.01 degree band a street-level viewport touches', () => {
    expect(latCellsFor({ minLng: 105.78, minLat: 21.061, maxLng: 105.8, maxLat: 21.085 })).toEqual({
      kind: 'list',
      cells: [2106, 2107, 2108],
    });
  });

  it('uses one band when the viewport lies inside it', () => {
    expect(latCellsFor({ minLng: 105, minLat: 21.071, maxLng: 106, maxLat: 21.079 })).toEqual({
      kind: 'list',
      cells: [2107],
    });
  });

  it('falls back to a band range for a country-wide view', () => {
    const cells = latCellsFor({ minLng: 102, minLat: 8.5, maxLng: 110, maxLat: 23.4 });
    expect(cells).toEqual({ kind: 'range', from: 850, to: 2340 });
    expect(2340 - 850 + 1).toBeGreaterThan(maxListedCells);
  });

  it('handles southern latitudes with floor, not truncation', () => {
    expect(latCellsFor({ minLng: 0, minLat: -0.015, maxLng: 1, maxLat: 0.005 })).toEqual({
      kind: 'list',
      cells: [-2, -1, 0],
    });
  });
});
