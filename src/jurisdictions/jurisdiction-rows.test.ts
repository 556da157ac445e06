import { describe, expect, it } from 'vitest';
import {
  decodeUtf8,
  detectDelimiter,
  jsonItemsToRows,
  parseCsvRows,
  parseJsonRows,
} from './jurisdiction-rows';

const header =
  'code,name,level,kind,parent_code,valid_from,valid_to,successor_code,latitude,longitude,population';
const csv = (...lines: string[]) => Buffer.from([header, ...lines].join('\n'), 'utf8');

describe('reading CSV', () => {
  it('reads each row with the line it came from', () => {
    const { rows, problems } = parseCsvRows(
      csv(
        '01,Hà Nội,province,thành phố,,2008-08-01,,,21.03,105.85,8500000',
        '',
        '021,Bắc Từ Liêm,district,quận,01,2013-12-27,2025-06-30,01,,,',
      ),
    );
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      line: 2,
      code: '01',
      name: 'Hà Nội',
      latitude: '21.03',
      population: '8500000',
    });
    expect(rows[1]).toMatchObject({
      line: 4,
      code: '021',
      parentCode: '01',
      validTo: '2025-06-30',
      successorCode: '01',
    });
  });

  it('drops a UTF-8 byte order mark before the header', () => {
    const withBom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      csv('01,Hà Nội,province,thành phố,,2008-08-01,,,,,'),
    ]);
    const { rows, problems } = parseCsvRows(withBom);
    expect(problems).toEqual([]);
    expect(rows[0]?.code).toBe('01');
  });

  it('reads semicolon-separated files from spreadsheets in Vietnamese locales', () => {
    const text =
      'code;name;level;kind;valid_from;latitude;longitude\n01;Hà Nội;province;thành phố;2008-08-01;21,03;105,85\n';
    expect(detectDelimiter(text)).toBe(';');
    const { rows, problems } = parseCsvRows(Buffer.from(text));
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ name: 'Hà Nội', latitude: '21,03', parentCode: '' });
  });

  it('accepts camelCase headers too', () => {
    const { rows, problems } = parseCsvRows(
      Buffer.from(
        'code,name,level,kind,validFrom,parentCode\n021,Bắc Từ Liêm,district,quận,2013-12-27,01\n',
      ),
    );
    expect(problems).toEqual([]);
    expect(rows[0]?.parentCode).toBe('01');
  });

  it('names unknown and missing columns on the header line', () => {
    const { problems } = parseCsvRows(Buffer.from('code,name,lvl,kind\n01,Hà Nội,province,tỉnh\n'));
    expect(problems).toEqual([
      { line: 1, column: 'lvl', reason: 'unknown column "lvl"' },
      { line: 1, column: 'level', reason: 'the column "level" is missing' },
      { line: 1, column: 'valid_from', reason: 'the column "valid_from" is missing' },
    ]);
  });

  it('names a row with the wrong number of fields', () => {
    const { problems } = parseCsvRows(csv('01,Hà Nội,province'));
    expect(problems).toEqual([
      { line: 2, column: null, reason: 'has 3 fields; the header has 11' },
    ]);
  });

  it('names an unclosed quote', () => {
    const { problems } = parseCsvRows(csv('01,"Hà Nội,province,tỉnh,,2008-08-01,,,,,'));
    expect(problems[0]?.reason).toMatch(/not readable as CSV/);
  });

  it('says a file with nothing in it is empty', () => {
    expect(parseCsvRows(Buffer.from('')).problems[0]?.reason).toBe('the file is empty');
  });
});

describe('encoding', () => {
  it('names every line that is not UTF-8 and says to save the file as UTF-8', () => {
    // "Hà Nội" in Windows-1258: à is 0xE0, ộ is o + 0xF2 (combining dot below) in that code page.
    const legacy = Buffer.concat([
      Buffer.from(`${header}\n`),
      Buffer.from([0x30, 0x31, 0x2c, 0x48, 0xe0, 0x20, 0x4e, 0x6f, 0xf2, 0x69, 0x0a]),
      Buffer.from('02,Hà Giang,province,tỉnh,,2008-08-01,,,,,\n'),
      Buffer.from([0x30, 0x33, 0x2c, 0xc3, 0x28, 0x0a]),
    ]);
    const result = decodeUtf8(legacy);
    expect('problems' in result && result.problems.map((p) => p.line)).toEqual([2, 4]);
    const { problems } = parseCsvRows(legacy);
    expect(problems[0]).toMatchObject({ line: 2, column: null });
    expect(problems[0]?.reason).toMatch(
      /not valid UTF-8 at character 5.*legacy Vietnamese encoding.*save it as UTF-8/,
    );
  });
});

describe('reading JSON', () => {
  it('reads an array of camelCase units, numbers included', () => {
    const { rows, problems } = parseJsonRows(
      Buffer.from(
        JSON.stringify([
          {
            code: '01',
            name: 'Hà Nội',
            level: 'province',
            kind: 'thành phố',
            validFrom: '2008-08-01',
            latitude: 21.03,
            longitude: 105.85,
            parentCode: null,
          },
        ]),
      ),
    );
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ line: 1, code: '01', latitude: '21.03', parentCode: '' });
  });

  it('names an unknown field, a nested value and an item that is not an object', () => {
    const { problems } = jsonItemsToRows([
      { code: '01', parent_code: 'x', name: { vi: 'Hà Nội' } },
      'Hà Giang',
    ]);
    expect(problems).toEqual([
      { line: 1, column: 'parent_code', reason: 'unknown field "parent_code"' },
      { line: 1, column: 'name', reason: 'name must be a string or a number' },
      { line: 2, column: null, reason: 'each item must be an object' },
    ]);
  });

  it('refuses a body that is not an array, or not JSON', () => {
    expect(jsonItemsToRows({ code: '01' }).problems[0]?.reason).toMatch(/JSON array/);
    expect(parseJsonRows(Buffer.from('[{"code":')).problems[0]?.reason).toMatch(/not valid JSON/);
  });
});
