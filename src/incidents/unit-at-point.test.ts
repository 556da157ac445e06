import { describe, expect, it } from 'vitest';
import type { Position } from '../jurisdictions/jurisdiction-outline';
import { geometryBbox } from '../jurisdictions/jurisdiction-outline';
import { caseUnitOf, deepestUnit, type Outline } from './unit-at-point';

const square = (lat: number, lng: number, half: number): Position[] => [
  [lng - half, lat - half],
  [lng + half, lat - half],
  [lng + half, lat + half],
  [lng - half, lat + half],
  [lng - half, lat - half],
];

function outline(
  id: string,
  level: Outline['level'],
  path: string,
  lat: number,
  lng: number,
  half: number,
  validTo: string | null = null,
): Outline {
  const geometry = { type: 'Polygon' as const, coordinates: [square(lat, lng, half)] };
  return {
    id,
    code: id.toUpperCase(),
    level,
    path,
    validFrom: '2008-08-01',
    validTo,
    bbox: geometryBbox(geometry),
    geometry,
  };
}

const province = outline('hn', 'province', '/hn/', 21.03, 105.85, 0.3);
const district = outline('btl', 'district', '/hn/btl/', 21.07, 105.77, 0.03, '2025-06-30');
const ward = outline('xd', 'commune', '/hn/btl/xd/', 21.0737, 105.7905, 0.006);
const group = outline('tx1', 'residential_group', '/hn/btl/xd/tx1/', 21.0752, 105.7871, 0.002);
const all = [province, district, ward, group];

describe('unit at a point', () => {
  it('picks the deepest current unit whose outline holds the point', () => {
    expect(deepestUnit(all, 21.0752, 105.7871, '2026-03-01')?.id).toBe('tx1');
    expect(deepestUnit(all, 21.0737, 105.794, '2026-03-01')?.id).toBe('xd');
    expect(deepestUnit(all, 21.2, 105.9, '2026-03-01')?.id).toBe('hn');
  });

  it('skips a unit abolished before the date, and finds nothing at sea', () => {
    expect(deepestUnit([province, district], 21.07, 105.77, '2026-03-01')?.id).toBe('hn');
    expect(deepestUnit([province, district], 21.07, 105.77, '2025-06-30')?.id).toBe('btl');
    expect(deepestUnit(all, 20.0, 107.5, '2026-03-01')).toBeNull();
  });

  it('numbers a case in the nearest commune-level unit, or the unit itself', () => {
    const rows = [
      { id: 'hn', level: 'province', path: '/hn/' },
      { id: 'btl', level: 'district', path: '/hn/btl/' },
      { id: 'xd', level: 'commune', path: '/hn/btl/xd/' },
    ];
    expect(
      caseUnitOf({ id: 'tx1', level: 'residential_group', path: '/hn/btl/xd/tx1/' }, rows).id,
    ).toBe('xd');
    expect(caseUnitOf(rows[2]!, rows).id).toBe('xd');
    expect(caseUnitOf(rows[1]!, rows).id).toBe('btl');
  });
});
