import { describe, expect, it } from 'vitest';
import { planImport, type ExistingUnit } from './jurisdiction-plan';
import { unitFields, type RawUnitRow } from './jurisdiction-rows';

let counter = 0;
const options = { newId: () => `id${++counter}`, onExisting: 'update' as const };

function row(line: number, values: Partial<RawUnitRow>): RawUnitRow {
  const base = { line } as RawUnitRow;
  for (const field of unitFields) base[field] = '';
  return { ...base, kind: 'xã', validFrom: '2020-01-01', ...values };
}

const hanoi = row(2, {
  code: '01',
  name: 'Hà Nội',
  level: 'province',
  kind: 'thành phố',
  validFrom: '2008-08-01',
});
const stored: ExistingUnit[] = [
  {
    id: 'ht',
    code: '42',
    level: 'province',
    parentId: null,
    path: '/ht/',
    validFrom: '1991-10-01',
    validTo: null,
    successorId: null,
  },
];

const reasons = (rows: RawUnitRow[], existing: ExistingUnit[] = []) =>
  planImport(rows, existing, options).problems.map(
    (p) => `${p.line} ${p.column ?? '-'}: ${p.reason}`,
  );

describe('planning an import', () => {
  it('builds paths from parents earlier in the file and in the database', () => {
    const plan = planImport(
      [
        hanoi,
        row(3, {
          code: '00611',
          name: 'Xuân Đỉnh',
          level: 'commune',
          kind: 'phường',
          parentCode: '01',
          validFrom: '2025-07-01',
        }),
        row(4, {
          code: '00611-TX1',
          name: 'Tân Xuân 1',
          level: 'residential_group',
          kind: 'tổ dân phố',
          parentCode: '00611',
        }),
        row(5, { code: '18505', name: 'Thạch Trị', level: 'commune', parentCode: '42' }),
      ],
      stored,
      options,
    );
    expect(plan.problems).toEqual([]);
    const [hn, xd, tx, tt] = plan.creates;
    expect(hn?.path).toBe(`/${hn?.id}/`);
    expect(xd?.path).toBe(`/${hn?.id}/${xd?.id}/`);
    expect(tx?.path).toBe(`${xd?.path}${tx?.id}/`);
    expect(tx?.parentId).toBe(xd?.id);
    expect(tt?.path).toBe(`/ht/${tt?.id}/`);
  });

  it('stores names NFC-normalised, whatever form they arrived in', () => {
    const decomposed = 'Xuân Đỉnh'.normalize('NFD');
    const plan = planImport(
      [hanoi, row(3, { code: '00611', name: decomposed, level: 'commune', parentCode: '01' })],
      [],
      options,
    );
    expect(plan.creates[1]?.name).toBe('Xuân Đỉnh'.normalize('NFC'));
  });

  it('links a successor defined later in the file, choosing the version valid the next day', () => {
    const plan = planImport(
      [
        hanoi,
        row(3, {
          code: '00608',
          name: 'Xuân Tảo',
          level: 'commune',
          parentCode: '01',
          validFrom: '2013-12-27',
          validTo: '2025-06-30',
          successorCode: '00611',
        }),
        row(4, {
          code: '00611',
          name: 'Xuân Đỉnh (cũ)',
          level: 'commune',
          parentCode: '01',
          validFrom: '2013-12-27',
          validTo: '2025-06-30',
          successorCode: '00611',
        }),
        row(5, {
          code: '00611',
          name: 'Xuân Đỉnh',
          level: 'commune',
          parentCode: '01',
          validFrom: '2025-07-01',
        }),
      ],
      [],
      options,
    );
    expect(plan.problems).toEqual([]);
    const renewed = plan.creates[3]?.id;
    expect(plan.successors).toEqual([
      { id: plan.creates[1]?.id, successorId: renewed },
      { id: plan.creates[2]?.id, successorId: renewed },
    ]);
  });

  it('updates a stored unit with the same code and valid_from instead of duplicating it', () => {
    const plan = planImport(
      [
        row(2, {
          code: '42',
          name: 'Hà Tĩnh',
          level: 'province',
          kind: 'tỉnh',
          validFrom: '1991-10-01',
          population: '1300000',
        }),
      ],
      stored,
      options,
    );
    expect(plan.creates).toEqual([]);
    expect(plan.updates).toMatchObject([{ id: 'ht', path: '/ht/', population: 1300000 }]);
  });

  it('clears a stored successor when the updating row names none', () => {
    const merged: ExistingUnit[] = [
      ...stored,
      {
        id: 'tt',
        code: '18505',
        level: 'commune',
        parentId: 'ht',
        path: '/ht/tt/',
        validFrom: '2020-01-01',
        validTo: '2025-06-30',
        successorId: 'ht',
      },
    ];
    const reopened = row(2, {
      code: '18505',
      name: 'Thạch Trị',
      level: 'commune',
      parentCode: '42',
    });
    const plan = planImport([reopened], merged, options);
    expect(plan.problems).toEqual([]);
    expect(plan.updates).toMatchObject([{ id: 'tt', validTo: null }]);
    expect(plan.successors).toEqual([{ id: 'tt', successorId: null }]);
  });

  it('leaves stored units alone when asked to skip them', () => {
    const plan = planImport(
      [
        row(2, {
          code: '42',
          name: 'Hà Tĩnh',
          level: 'province',
          kind: 'tỉnh',
          validFrom: '1991-10-01',
        }),
      ],
      stored,
      { ...options, onExisting: 'skip' },
    );
    expect(plan).toMatchObject({
      creates: [],
      updates: [],
      successors: [],
      skipped: 1,
      problems: [],
    });
  });
});

describe('bad rows, each named with its line and column', () => {
  it('names an unknown level', () => {
    expect(reasons([row(2, { code: '01', name: 'Hà Nội', level: 'city' })])).toEqual([
      '2 level: unknown level "city" (province, district, commune or residential_group)',
    ]);
  });

  it('names a code of the wrong shape for its level', () => {
    expect(
      reasons([
        hanoi,
        row(3, { code: '611', name: 'Xuân Đỉnh', level: 'commune', parentCode: '01' }),
      ]),
    ).toEqual(['3 code: code "611" is not a commune code (5 digits, e.g. 00611)']);
  });

  it('names a missing parent and an unknown parent', () => {
    expect(
      reasons([
        row(2, { code: '00611', name: 'Xuân Đỉnh', level: 'commune' }),
        row(3, { code: '00613', name: 'Cổ Nhuế 1', level: 'commune', parentCode: '99' }),
      ]),
    ).toEqual([
      '2 parentCode: parent_code is required for a commune',
      '3 parentCode: unknown parent 99: it must be in the database or earlier in the file',
    ]);
  });

  it('refuses a parent that comes later in the file, or of the wrong level', () => {
    const lines = reasons([
      row(2, {
        code: '00611-TX1',
        name: 'Tân Xuân 1',
        level: 'residential_group',
        parentCode: '00611',
      }),
      hanoi,
      row(4, { code: '00611', name: 'Xuân Đỉnh', level: 'commune', parentCode: '01' }),
      row(5, { code: '01-X', name: 'Tổ 1', level: 'residential_group', parentCode: '01' }),
    ]);
    expect(lines[0]).toMatch(/^2 parentCode: unknown parent 00611/);
    expect(lines).toContain(
      '5 parentCode: a residential_group cannot be under a province (allowed: commune)',
    );
  });

  it('names the invalid parent a child depends on', () => {
    const lines = reasons([
      row(2, { code: '1', name: 'Hà Nội', level: 'province' }),
      row(3, { code: '00611', name: 'Xuân Đỉnh', level: 'commune', parentCode: '1' }),
    ]);
    expect(lines).toContain('3 parentCode: parent 1 (line 2) is invalid');
  });

  it('names an unknown successor and a successor without an end date', () => {
    expect(
      reasons([
        hanoi,
        row(3, {
          code: '00611',
          name: 'Xuân Đỉnh',
          level: 'commune',
          parentCode: '01',
          validTo: '2025-06-30',
          successorCode: '00999',
        }),
        row(4, {
          code: '00613',
          name: 'Cổ Nhuế 1',
          level: 'commune',
          parentCode: '01',
          successorCode: '00611',
        }),
      ]),
    ).toEqual([
      '3 successorCode: unknown successor 00999: it must be in the database or in the file',
      '4 successorCode: a unit with a successor needs valid_to (its last day)',
    ]);
  });

  it('names successor links that would loop', () => {
    const lines = reasons([
      hanoi,
      row(3, {
        code: '00611',
        name: 'A',
        level: 'commune',
        parentCode: '01',
        validTo: '2021-12-31',
        successorCode: '00613',
      }),
      row(4, {
        code: '00613',
        name: 'B',
        level: 'commune',
        parentCode: '01',
        validTo: '2021-12-31',
        successorCode: '00611',
      }),
    ]);
    expect(lines).toEqual([
      '3 successorCode: successor links loop back: 00611 → 00613 → …',
      '4 successorCode: successor links loop back: 00613 → 00611 → …',
    ]);
  });

  it('names bad dates and an end before the start', () => {
    expect(
      reasons([
        row(2, { code: '01', name: 'Hà Nội', level: 'province', validFrom: '2025-02-30' }),
        row(3, {
          code: '02',
          name: 'Hà Giang',
          level: 'province',
          validFrom: '2025-07-01',
          validTo: '2025-06-30',
        }),
        row(4, { code: '04', name: 'Cao Bằng', level: 'province', validFrom: '1.7.2025' }),
      ]),
    ).toEqual([
      '2 validFrom: valid_from "2025-02-30" is not a date (YYYY-MM-DD)',
      '3 validTo: valid_to 2025-06-30 is before valid_from 2025-07-01',
      '4 validFrom: valid_from "1.7.2025" is not a date (YYYY-MM-DD)',
    ]);
  });

  it('names a duplicate code and valid_from in the same file', () => {
    expect(reasons([hanoi, { ...hanoi, line: 3 }])).toEqual([
      '3 code: duplicate of line 2: same code 01 and valid_from 2008-08-01',
    ]);
  });

  it('names coordinates out of range or given alone', () => {
    expect(
      reasons([
        row(2, {
          code: '01',
          name: 'Hà Nội',
          level: 'province',
          latitude: '91',
          longitude: '105.8',
        }),
        row(3, {
          code: '02',
          name: 'Hà Giang',
          level: 'province',
          latitude: '22.8',
          longitude: '181',
        }),
        row(4, { code: '04', name: 'Cao Bằng', level: 'province', latitude: '22.6' }),
        row(5, {
          code: '06',
          name: 'Bắc Kạn',
          level: 'province',
          latitude: 'north',
          longitude: '105.8',
        }),
      ]),
    ).toEqual([
      '2 latitude: latitude 91 is outside -90…90',
      '3 longitude: longitude 181 is outside -180…180',
      '4 longitude: give both latitude and longitude, or neither',
      '5 latitude: latitude "north" is not a number',
    ]);
  });

  it('names a missing name and kind, and a bad population', () => {
    expect(
      reasons([row(2, { code: '01', name: ' ', kind: '', level: 'province', population: '-5' })]),
    ).toEqual([
      '2 name: name is required',
      '2 kind: kind is required (e.g. phường, xã, tổ dân phố)',
      '2 population: population "-5" is not a whole number of people',
    ]);
  });

  it('refuses to move a stored unit to another level or parent', () => {
    expect(
      reasons(
        [
          row(2, {
            code: '42',
            name: 'Hà Tĩnh',
            level: 'district',
            parentCode: '42',
            validFrom: '1991-10-01',
          }),
        ],
        stored,
      ),
    ).toContain(
      '2 code: 42 from 1991-10-01 is already stored as a province with another parent; its level and parent cannot change',
    );
  });
});
