import { vnDecimal, vnInteger } from '../../evidence/package/bien-ban-text';
import type { FigureUnit } from './figures';
import { vnMonth } from './report-month';

// How a figure is printed in Vietnamese: dot thousands, decimal comma, units in words. A missing
// value (no data to compute a rate or a median from) is a dash, never a zero.

export const missing = '—';

const signed = (text: string, value: number) => (value > 0 ? `+${text}` : text);

export function formatValue(value: number | string | null, unit: FigureUnit): string {
  if (value === null) return unit === 'text' ? '' : missing;
  if (typeof value === 'string')
    return unit === 'month' && /^\d{4}-\d{2}$/.test(value) ? vnMonth(value) : value;
  switch (unit) {
    case 'count':
      return vnInteger(value);
    case 'change':
      return signed(vnInteger(value), value);
    case 'percent':
      return `${vnDecimal(value)} %`;
    case 'share':
      return `${vnDecimal(value * 100)} %`;
    case 'hours':
      return `${vnDecimal(value)} giờ`;
    case 'vnd':
      return `${vnInteger(value)} đ`;
    case 'rate':
      return vnDecimal(value, 2);
    case 'rateChange':
      return signed(vnDecimal(value, 2), value);
    case 'decimal':
      return vnDecimal(value, 2);
    case 'month':
    case 'text':
      return String(value);
  }
}

/** What a value's number means, for the XLSX column beside it. */
export const unitWords: Record<FigureUnit, string> = {
  count: 'số lượng',
  change: 'chênh lệch (số vụ)',
  percent: '%',
  share: 'tỷ lệ (0–1)',
  hours: 'giờ',
  vnd: 'đồng',
  rate: 'vụ/tháng',
  rateChange: 'vụ/tháng',
  decimal: 'camera/1.000 dân',
  month: 'tháng',
  text: '',
};

/** `12,5 % số vụ`: a step of the funnel against all the month's incidents. */
export function shareOf(part: number, whole: number): string | undefined {
  return whole > 0 ? `${vnDecimal((100 * part) / whole)} % số vụ` : undefined;
}
