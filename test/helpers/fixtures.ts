import type { AppContext } from '../../src/platform/context';
import { searchText } from '../../src/platform/text';

/**
 * A small jurisdiction tree for tests: Hà Nội › Bắc Từ Liêm (historic district) › Xuân Đỉnh
 * (ward) › Tân Xuân 1 (residential group), plus a second ward Cổ Nhuế 1 and a second
 * province Hà Tĩnh › Thạch Trị, so tests can check in- and out-of-scope access.
 */
export const unitIds = {
  hanoi: 'u-hanoi',
  bacTuLiem: 'u-bactuliem',
  xuanDinh: 'u-xuandinh',
  tanXuan1: 'u-tanxuan1',
  coNhue: 'u-conhue1',
  haTinh: 'u-hatinh',
  thachTri: 'u-thachtri',
} as const;

interface UnitSeed {
  id: string;
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune' | 'residential_group';
  kind: string;
  parent: string | null;
  lat: number;
  lng: number;
}

const units: UnitSeed[] = [
  {
    id: unitIds.hanoi,
    code: '01',
    name: 'Hà Nội',
    level: 'province',
    kind: 'thành phố',
    parent: null,
    lat: 21.0285,
    lng: 105.8542,
  },
  {
    id: unitIds.bacTuLiem,
    code: '021',
    name: 'Bắc Từ Liêm',
    level: 'district',
    kind: 'quận',
    parent: unitIds.hanoi,
    lat: 21.07,
    lng: 105.77,
  },
  {
    id: unitIds.xuanDinh,
    code: '00611',
    name: 'Xuân Đỉnh',
    level: 'commune',
    kind: 'phường',
    parent: unitIds.bacTuLiem,
    lat: 21.0737,
    lng: 105.7905,
  },
  {
    id: unitIds.tanXuan1,
    code: '00611-TX1',
    name: 'Tân Xuân 1',
    level: 'residential_group',
    kind: 'tổ dân phố',
    parent: unitIds.xuanDinh,
    lat: 21.0752,
    lng: 105.7871,
  },
  {
    id: unitIds.coNhue,
    code: '00613',
    name: 'Cổ Nhuế 1',
    level: 'commune',
    kind: 'phường',
    parent: unitIds.bacTuLiem,
    lat: 21.0628,
    lng: 105.7781,
  },
  {
    id: unitIds.haTinh,
    code: '42',
    name: 'Hà Tĩnh',
    level: 'province',
    kind: 'tỉnh',
    parent: null,
    lat: 18.3428,
    lng: 105.9057,
  },
  {
    id: unitIds.thachTri,
    code: '18505',
    name: 'Thạch Trị',
    level: 'commune',
    kind: 'xã',
    parent: unitIds.haTinh,
    lat: 18.405,
    lng: 105.86,
  },
];

export async function seedTestUnits(ctx: AppContext): Promise<void> {
  const paths = new Map<string, string>();
  for (const unit of units) {
    const path = `${unit.parent ? paths.get(unit.parent)! : '/'}${unit.id}/`;
    paths.set(unit.id, path);
    await ctx.db.kysely
      .insertInto('jurisdictions')
      .values({
        id: unit.id,
        code: unit.code,
        name: unit.name,
        search_text: searchText(unit.kind, unit.name, unit.code),
        level: unit.level,
        kind: unit.kind,
        parent_id: unit.parent,
        path,
        valid_from: unit.level === 'district' ? '2013-12-27' : '2008-08-01',
        valid_to: unit.level === 'district' ? '2025-06-30' : null,
        successor_id: null,
        latitude: unit.lat,
        longitude: unit.lng,
        boundary: null,
        population: null,
        created_at: new Date().toISOString(),
      })
      .execute();
  }
}
