import type { CountMap } from './report-types';

// Every figure of a monthly report, once: the PDF prints these sections and the XLSX lists the
// same figures with their keys, so the two files cannot disagree. Values stay as the dashboard
// gives them (shares 0–1, percentages 0–100); only printing formats them.

export type FigureUnit =
  | 'count'
  | 'percent'
  | 'share'
  | 'hours'
  | 'vnd'
  | 'rate'
  | 'rateChange'
  | 'decimal'
  | 'change'
  | 'month'
  | 'text';

/** Which dates a figure counts: the report's month, a comparison month, or a longer span. */
export type PeriodTag = 'month' | 'previous' | 'lastYear' | 'toDate' | 'beforeAfter' | 'now';

export interface Figure {
  label: string;
  value: number | string | null;
  unit: FigureUnit;
  /** Where the figure is in the dashboard, and what `/api/analytics/records?key=` lists. */
  key: string | null;
  period: PeriodTag;
  /** The unit the key applies to, when not the report's own (league rows, child units). */
  unitId?: string;
  unitName?: string;
  indent?: number;
  note?: string;
}

export interface TableColumn {
  title: string;
  /** Share of the table's width. */
  width: number;
  key?: string;
}

export interface TableRow {
  label: string;
  key?: string;
  cells: Figure[];
}

export interface Table {
  title: string;
  columns: TableColumn[];
  rows: TableRow[];
  note?: string;
}

export interface Section {
  title: string;
  figures: Figure[];
  tables: Table[];
  notes: string[];
}

export const figure = (
  label: string,
  value: Figure['value'],
  unit: FigureUnit,
  key: string | null,
  extra: Partial<Figure> = {},
): Figure => ({ label, value, unit, key, period: 'month', ...extra });

/** Codes of a count map, largest first, ties by code, so the order is stable. */
export function byCount(map: CountMap): [string, number][] {
  return Object.entries(map).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

export function breakdown(
  map: CountMap,
  path: string,
  label: (code: string) => string,
  period: PeriodTag,
): Figure[] {
  return byCount(map).map(([code, n]) =>
    figure(label(code), n, 'count', `${path}.${code}`, { period, indent: 1 }),
  );
}
