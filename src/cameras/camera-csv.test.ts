import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/http/errors';
import { csvCell, csvLine, decodeUtf8, detectDelimiter, parseCameraCsv } from './camera-csv';

const header = 'code,name,owner_kind,jurisdiction_code,latitude,longitude,heading,fov,range_m';
const row = 'XD-1,Ngõ 12 Xuân Đỉnh,ward,00611,21.07,105.79,90,80,40';

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('decodeUtf8', () => {
  it('reads UTF-8 with or without a byte-order mark', () => {
    const text = 'Xuân Đỉnh';
    expect(decodeUtf8(Buffer.from(text))).toBe(text);
    expect(decodeUtf8(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(
      text,
    );
  });

  it('rejects Windows-1258 text, naming the line', () => {
    // "Xuân" in Windows-1258: â is 0xE2, which starts a 3-byte UTF-8 sequence that never completes.
    const data = Buffer.concat([
      Buffer.from(`${header}\n`),
      Buffer.from([0x58, 0x75, 0xe2, 0x6e, 0x2c, 0x31, 0x0a]),
    ]);
    const error = thrown(() => decodeUtf8(data));
    expect(error.status).toBe(400);
    expect(error.field).toBe('file');
    expect(error.message).toMatch(/not UTF-8.*line 2/);
  });

  it('rejects TCVN3 text', () => {
    // TCVN3 writes "Đỉnh" as 0xA7 0xDE 0x6E 0x68: 0xA7 is a lone UTF-8 continuation byte.
    const error = thrown(() => decodeUtf8(Buffer.from([0x58, 0x44, 0x0a, 0xa7, 0xde, 0x6e, 0x68])));
    expect(error.message).toMatch(/line 2/);
  });

  it('rejects UTF-16 without a byte-order mark even when every character is ASCII', () => {
    const error = thrown(() => decodeUtf8(Buffer.from(`${header}\n${row}`, 'utf16le')));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/not UTF-8.*line 1/);
  });

  it('rejects UTF-16 with a byte-order mark', () => {
    const data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('code,name', 'utf16le')]);
    expect(thrown(() => decodeUtf8(data)).status).toBe(400);
  });
});

describe('detectDelimiter', () => {
  it('chooses the separator the header uses', () => {
    expect(detectDelimiter(header)).toBe(',');
    expect(detectDelimiter(header.replaceAll(',', ';'))).toBe(';');
  });
});

describe('parseCameraCsv', () => {
  it('reads comma-separated rows into camera inputs with their line numbers', () => {
    const { rows, problems } = parseCameraCsv(
      Buffer.from(`${header}\n${row}\n\nXD-2,Cổng trường,school,00611,21.071,105.791,0,90,30\n`),
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(rows[0]!.input).toEqual({
      code: 'XD-1',
      name: 'Ngõ 12 Xuân Đỉnh',
      ownerKind: 'ward',
      jurisdictionCode: '00611',
      latitude: 21.07,
      longitude: 105.79,
      heading: 90,
      fov: 80,
      rangeM: 40,
    });
  });

  it('reads semicolon files with a BOM, CRLF and decimal commas', () => {
    const text = `\uFEFF${header.replaceAll(',', ';')}\r\nXD-1;"Ngõ 12; Xuân Đỉnh";ward;00611;21,07;105,79;90;80;40\r\n`;
    const { rows, problems } = parseCameraCsv(Buffer.from(text));
    expect(problems).toEqual([]);
    expect(rows[0]!.input).toMatchObject({
      code: 'XD-1',
      name: 'Ngõ 12; Xuân Đỉnh',
      latitude: 21.07,
      longitude: 105.79,
    });
  });

  it('accepts header names in any order and case', () => {
    const { rows } = parseCameraCsv(
      Buffer.from(
        `Name,CODE,owner_kind,jurisdiction_code,latitude,longitude,heading,fov,range_m,signage_posted\nA,B-1,ward,1,2,3,4,5,6,có\n`,
      ),
    );
    expect(rows[0]!.input).toMatchObject({ name: 'A', code: 'B-1', signagePosted: true });
  });

  it('names unknown, repeated and missing columns on line 1', () => {
    const { problems } = parseCameraCsv(Buffer.from('code,name,name,colour\nA,B,C,D\n'));
    expect(problems).toEqual(
      expect.arrayContaining([
        { line: 1, column: 'name', reason: 'appears twice in the header' },
        { line: 1, column: 'colour', reason: 'is not a camera column' },
        { line: 1, column: 'latitude', reason: 'is a required column and is missing' },
      ]),
    );
  });

  it('reports a row with the wrong number of fields', () => {
    const { problems } = parseCameraCsv(Buffer.from(`${header}\n${row}\nXD-2,only,three\n`));
    expect(problems).toEqual([{ line: 3, column: '', reason: 'has 3 fields, the header has 9' }]);
  });

  it('counts a quoted multi-line field from the line the row starts on', () => {
    const { rows } = parseCameraCsv(
      Buffer.from(
        `${header}\nXD-1,"two\nlines",ward,00611,21.07,105.79,90,80,40\n${row.replace('XD-1', 'XD-3')}\n`,
      ),
    );
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('keeps unreadable numbers as text so validation can name them', () => {
    const { rows } = parseCameraCsv(Buffer.from(`${header}\n${row.replace('21.07', 'north')}\n`));
    expect(rows[0]!.input.latitude).toBe('north');
  });

  it('rejects a file with a header and no rows', () => {
    expect(thrown(() => parseCameraCsv(Buffer.from(`${header}\n`))).status).toBe(400);
  });

  it('rejects an unclosed quote with its line', () => {
    expect(thrown(() => parseCameraCsv(Buffer.from(`${header}\n"XD-1,broken\n`))).message).toMatch(
      /line/,
    );
  });
});

describe('csvCell', () => {
  it('quotes separators, quotes and newlines', () => {
    expect(csvLine(['a,b', 'say "hi"', 'x\ny', 3, true, null])).toBe(
      '"a,b","say ""hi""","x\ny",3,true,\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula, and import restores it', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+84 912 345 678')).toBe("'+84 912 345 678");
    expect(csvCell(-5)).toBe('-5');
    const { rows } = parseCameraCsv(
      Buffer.from(`${header},owner_phone\n${row},'+84 912 345 678\n`),
    );
    expect(rows[0]!.input.ownerPhone).toBe('+84 912 345 678');
  });
});
