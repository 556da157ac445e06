import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse/sync';
import { badRequest } from '../platform/http/errors';
import {
  csvColumns,
  optionalCsvColumns,
  requiredCsvColumns,
  type CameraInput,
  type CsvColumn,
} from './camera.types';

// Reading and writing the registry's CSV form. Pure: bytes in, rows and problems out.

export interface CsvProblem {
  line: number;
  column: string;
  reason: string;
}

export interface CsvRow {
  /** The file line the record starts on (the header is line 1). */
  line: number;
  input: Record<string, unknown>;
}

const columnField: Record<CsvColumn, keyof CameraInput> = { ...csvColumns, ...optionalCsvColumns };
const fieldColumn = new Map<string, string>(
  Object.entries(columnField).map(([column, field]) => [field, column]),
);
fieldColumn.set('jurisdictionId', 'jurisdiction_code');

/** The CSV column an input field comes from, for error messages. */
export const columnOf = (field: string): string => fieldColumn.get(field) ?? field;

const numberFields = new Set<string>([
  'latitude',
  'longitude',
  'heading',
  'fov',
  'rangeM',
  'retentionDays',
  'costVnd',
]);
const booleanFields = new Set<string>(['recordingEnabled', 'signagePosted']);
const trueWords = new Set(['1', 'true', 'yes', 'y', 'x', 'có', 'co']);
const falseWords = new Set(['0', 'false', 'no', 'n', 'không', 'khong']);

const notUtf8 = (line: number, why: string) =>
  badRequest(
    `the file is not UTF-8 text: line ${line} ${why}. Legacy encodings (Windows-1258, TCVN3/ABC, VNI, UTF-16) ` +
      'are not accepted; save the file as "CSV UTF-8" and import it again',
    'file',
  );

/** Decodes strict UTF-8 (BOM optional); anything else is a 400 naming the first bad line. */
export function decodeUtf8(data: Buffer): string {
  // UTF-16 text of plain ASCII is valid UTF-8 byte for byte, but full of NUL bytes.
  const nul = data.indexOf(0);
  if (nul >= 0) throw notUtf8(lineAt(data, nul), 'contains NUL bytes, as UTF-16 files do');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return decoder.decode(data);
  } catch {
    throw notUtf8(firstInvalidLine(data), 'has bytes that are not UTF-8');
  }
}

function lineAt(data: Buffer, offset: number): number {
  let line = 1;
  for (let i = data.indexOf(10); i >= 0 && i < offset; i = data.indexOf(10, i + 1)) line++;
  return line;
}

/** A UTF-8 sequence never contains a newline byte, so each line can be checked alone. */
function firstInvalidLine(data: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; start <= data.length; line++) {
    const end = data.indexOf(10, start) === -1 ? data.length : data.indexOf(10, start);
    if (!isUtf8(decoder, data.subarray(start, end))) return line;
    start = end + 1;
  }
  return 1;
}

function isUtf8(decoder: TextDecoder, bytes: Uint8Array): boolean {
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Comma or semicolon (Excel's choice where the decimal mark is a comma), from the header. */
export function detectDelimiter(headerLine: string): ',' | ';' {
  const count = (c: string) => headerLine.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Spreadsheet formula prefixes: written with a leading apostrophe so a cell never runs code. */
const formulaStart = /^[=+\-@\t\r]/;

function convert(field: keyof CameraInput, raw: string, delimiter: ',' | ';'): unknown {
  const value = raw.trim();
  if (value === '') return undefined;
  if (numberFields.has(field)) {
    // Semicolon files come from locales that write 21,0737 for 21.0737.
    const text = delimiter === ';' && /^-?\d+,\d+$/.test(value) ? value.replace(',', '.') : value;
    const number = Number(text);
    return Number.isFinite(number) ? number : value;
  }
  if (booleanFields.has(field)) {
    const word = value.toLowerCase();
    if (trueWords.has(word)) return true;
    if (falseWords.has(word)) return false;
    return value;
  }
  return value.startsWith("'") && formulaStart.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * Parses a camera CSV. Header problems (unknown, missing or repeated columns) and rows with
 * the wrong number of fields are reported as problems; values are converted but not yet
 * validated (the caller applies the same rules as the API).
 */
export function parseCameraCsv(data: Buffer): { rows: CsvRow[]; problems: CsvProblem[] } {
  const text = decodeUtf8(data);
  const headerLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = detectDelimiter(headerLine);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line =
      typeof (error as { lines?: unknown }).lines === 'number'
        ? (error as { lines: number }).lines
        : 1;
    throw badRequest(`the CSV cannot be read at line ${line}: ${(error as Error).message}`, 'file');
  }
  const [header, ...body] = records;
  if (!header) throw badRequest('the file is empty', 'file');
  const problems: CsvProblem[] = [];
  const columns = header.record.map((name) => name.trim().toLowerCase().replace(/\s+/g, '_'));
  const seen = new Set<string>();
  columns.forEach((column) => {
    if (!(column in columnField))
      problems.push({ line: 1, column, reason: 'is not a camera column' });
    else if (seen.has(column))
      problems.push({ line: 1, column, reason: 'appears twice in the header' });
    seen.add(column);
  });
  for (const required of requiredCsvColumns) {
    if (!seen.has(required))
      problems.push({ line: 1, column: required, reason: 'is a required column and is missing' });
  }
  if (problems.length > 0) return { rows: [], problems };

  const rows: CsvRow[] = [];
  for (const { record, info } of body) {
    if (record.every((value) => value.trim() === '')) continue;
    // csv-parse reports the line a record ends on; quoted newlines inside it move the start back.
    const line = info.lines - record.reduce((n, value) => n + (value.split('\n').length - 1), 0);
    if (record.length !== columns.length) {
      problems.push({
        line,
        column: '',
        reason: `has ${record.length} fields, the header has ${columns.length}`,
      });
      continue;
    }
    const input: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const field = columnField[column as CsvColumn];
      const value = convert(field, record[i] ?? '', delimiter);
      if (value !== undefined) input[field] = value;
    });
    rows.push({ line, input });
  }
  if (rows.length === 0 && problems.length === 0)
    throw badRequest('the CSV has a header but no camera rows', 'file');
  return { rows, problems };
}

/** One CSV cell: quoted when needed, formula-looking text defused. */
export function csvCell(value: string | number | boolean | null, delimiter = ','): string {
  if (value === null) return '';
  let text = typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) || text !== text.trim() || text.includes(delimiter)
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

export function csvLine(values: (string | number | boolean | null)[], delimiter = ','): string {
  return values.map((value) => csvCell(value, delimiter)).join(delimiter) + '\r\n';
}
