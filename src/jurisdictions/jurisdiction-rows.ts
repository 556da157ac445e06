import { CsvError, parse } from 'csv-parse/sync';
import type { RowProblem } from './jurisdiction.types';

// Reads an import file into raw rows of strings, one per unit, each with the line it came from.
// Judging the values is left to the planner, so CSV and JSON are checked by the same rules.

export const unitFields = [
  'code',
  'name',
  'level',
  'kind',
  'parentCode',
  'validFrom',
  'validTo',
  'successorCode',
  'latitude',
  'longitude',
  'population',
] as const;
export type UnitField = (typeof unitFields)[number];

/** One unit as written in the file. For JSON, `line` is the item's position in the array (from 1). */
export type RawUnitRow = Record<UnitField, string> & { line: number; boundary?: unknown };

export interface ParsedRows {
  rows: RawUnitRow[];
  problems: RowProblem[];
}

/** `parentCode` → `parent_code`: the CSV header for a field. */
export function csvColumn(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const requiredFields: readonly UnitField[] = ['code', 'name', 'level', 'kind', 'validFrom'];

const legacyHint =
  'the file looks like a legacy Vietnamese encoding (Windows-1258, TCVN3 or VNI): save it as UTF-8';

/** Decodes strict UTF-8; if it is not, names every line that holds bytes UTF-8 cannot read. */
export function decodeUtf8(data: Buffer): { text: string } | { problems: RowProblem[] } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    // The whole-buffer decode only says "invalid"; decoding line by line finds where.
    const problems: RowProblem[] = [];
    const strict = new TextDecoder('utf-8', { fatal: true });
    const lenient = new TextDecoder('utf-8');
    let start = 0;
    for (let line = 1; start <= data.length; line++) {
      const end = data.indexOf(0x0a, start);
      const bytes = data.subarray(start, end === -1 ? data.length : end);
      try {
        strict.decode(bytes);
      } catch {
        const at = lenient.decode(bytes).indexOf('\uFFFD') + 1;
        problems.push({
          line,
          column: null,
          reason: `not valid UTF-8 at character ${at}: ${legacyHint}`,
        });
      }
      if (end === -1) break;
      start = end + 1;
    }
    return { problems };
  }
}

/** Semicolon when the header has more semicolons than commas (spreadsheets in Vietnamese locales). */
export function detectDelimiter(text: string): ',' | ';' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (char: string) => header.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

const fieldByHeader = new Map<string, UnitField>(
  unitFields.flatMap((field) => [
    [csvColumn(field), field],
    [field.toLowerCase(), field],
  ]),
);

export function parseCsvRows(data: Buffer): ParsedRows {
  const decoded = decodeUtf8(data);
  if ('problems' in decoded) return { rows: [], problems: decoded.problems };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, csv-parse returns each record with where it ended; its types miss that.
    records = parse(decoded.text, {
      delimiter: detectDelimiter(decoded.text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    return {
      rows: [],
      problems: [{ line, column: null, reason: `not readable as CSV: ${error.message}` }],
    };
  }
  const [header, ...body] = records;
  if (!header)
    return { rows: [], problems: [{ line: 1, column: null, reason: 'the file is empty' }] };

  const problems: RowProblem[] = [];
  const fields: (UnitField | undefined)[] = header.record.map((name) => {
    const field = fieldByHeader.get(name.trim().toLowerCase());
    if (!field)
      problems.push({ line: header.info.lines, column: name, reason: `unknown column "${name}"` });
    return field;
  });
  for (const field of requiredFields) {
    if (!fields.includes(field)) {
      problems.push({
        line: header.info.lines,
        column: csvColumn(field),
        reason: `the column "${csvColumn(field)}" is missing`,
      });
    }
  }
  if (problems.length > 0) return { rows: [], problems };

  const rows: RawUnitRow[] = [];
  for (const { record, info } of body) {
    if (record.length !== fields.length) {
      problems.push({
        line: info.lines,
        column: null,
        reason: `has ${record.length} fields; the header has ${fields.length}`,
      });
      continue;
    }
    const row = emptyRow(info.lines);
    record.forEach((value, index) => {
      const field = fields[index];
      if (field) row[field] = value;
    });
    rows.push(row);
  }
  return { rows, problems };
}

function emptyRow(line: number): RawUnitRow {
  const row = { line } as RawUnitRow;
  for (const field of unitFields) row[field] = '';
  return row;
}

/** Reads items already parsed from JSON (the HTTP body) into raw rows. */
export function jsonItemsToRows(items: unknown): ParsedRows {
  if (!Array.isArray(items)) {
    return {
      rows: [],
      problems: [{ line: 1, column: null, reason: 'expected a JSON array of units' }],
    };
  }
  const rows: RawUnitRow[] = [];
  const problems: RowProblem[] = [];
  items.forEach((item: unknown, index) => {
    const line = index + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ line, column: null, reason: 'each item must be an object' });
      return;
    }
    const row = emptyRow(line);
    for (const [key, value] of Object.entries(item)) {
      if (key === 'boundary') {
        row.boundary = value;
      } else if (!(unitFields as readonly string[]).includes(key)) {
        problems.push({ line, column: key, reason: `unknown field "${key}"` });
      } else if (typeof value === 'string' || typeof value === 'number') {
        row[key as UnitField] = String(value).trim();
      } else if (value !== null) {
        problems.push({ line, column: key, reason: `${key} must be a string or a number` });
      }
    }
    rows.push(row);
  });
  return { rows, problems };
}

export function parseJsonRows(data: Buffer): ParsedRows {
  const decoded = decodeUtf8(data);
  if ('problems' in decoded) return { rows: [], problems: decoded.problems };
  let items: unknown;
  try {
    items = JSON.parse(decoded.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { rows: [], problems: [{ line: 1, column: null, reason: `not valid JSON: ${reason}` }] };
  }
  return jsonItemsToRows(items);
}
