// Money as people type and read it. Amounts are whole VND; Vietnamese groups thousands with
// dots ("1.500.000"), English with commas, and people type either. Nothing here rounds: a
// typed fraction stays a fraction so the server can refuse it by name.
import type { Language } from '../../i18n/i18n';

const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** 1500000 → "1.500.000 ₫" (vi) or "1,500,000 ₫" (en), with a no-break space before the sign. */
export function formatVnd(amount: number | null | undefined, language: Language): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '—';
  return `${groupDigits(amount, language)}\u00a0₫`;
}

/** The number alone with its thousands grouped, as an amount field shows it. */
export function groupDigits(amount: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], { maximumFractionDigits: 20 }).format(amount);
}

const grouped = (separator: '.' | ',') =>
  new RegExp(`^\\d{1,3}(\\${separator}\\d{3})+(?:${separator === '.' ? ',' : '\\.'}\\d+)?$`);

/**
 * What someone typed in an amount field, as a number: thousands separators of either style
 * are dropped ("1.500.000", "1,500,000"), a lone separator with other than three digits after
 * it is a decimal point ("1.5", "1,5" → 1.5), a currency sign or "VND" is ignored.
 * Empty text is null; anything else that is not a number is NaN.
 */
export function parseVndInput(text: string): number | null {
  const cleaned = text
    .normalize('NFC')
    .replace(/vnd|₫|đ/giu, '')
    .replace(/[\s\u00a0]/g, '');
  if (cleaned === '') return null;
  const negative = cleaned.startsWith('-');
  const body = negative ? cleaned.slice(1) : cleaned;
  const sign = negative ? -1 : 1;
  if (/^\d+$/.test(body)) return sign * Number(body);
  if (grouped('.').test(body)) return sign * Number(body.replace(/\./g, '').replace(',', '.'));
  if (grouped(',').test(body)) return sign * Number(body.replace(/,/g, ''));
  if (/^\d*[.,]\d+$/.test(body)) return sign * Number(body.replace(',', '.'));
  return Number.NaN;
}

/** On leaving the field, a whole amount is shown grouped; anything else is left as typed. */
export function tidyVndInput(text: string, language: Language): string {
  const value = parseVndInput(text);
  return value !== null && Number.isSafeInteger(value) ? groupDigits(value, language) : text;
}

/** A progress bar's width: a percentage held to 0–100 (a campaign may raise more than its goal). */
export function barWidth(pct: number | null | undefined): number {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return 0;
  return Math.min(100, Math.max(0, pct));
}

/** Part of a whole as a percentage with one decimal, or null when the whole is zero. */
export function shareOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** A few banks' BINs (the NAPAS codes VietQR uses), to fill the campaign form's two fields. */
export const commonBanks: { bin: string; name: string }[] = [
  { bin: '970436', name: 'Vietcombank' },
  { bin: '970415', name: 'VietinBank' },
  { bin: '970418', name: 'BIDV' },
  { bin: '970405', name: 'Agribank' },
  { bin: '970422', name: 'MB Bank' },
  { bin: '970407', name: 'Techcombank' },
  { bin: '970416', name: 'ACB' },
  { bin: '970432', name: 'VPBank' },
];
