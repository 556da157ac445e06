// How coverage figures read and sort, free of React so they can be tested alone.
import type { Language } from '../../i18n/i18n';

const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** 350 → "350 m"; 1234 → "1,2 km" (vi) / "1.2 km" (en). */
export function formatLength(metres: number, language: Language): string {
  if (!Number.isFinite(metres)) return '—';
  if (Math.abs(metres) < 1000) return `${Math.round(metres)}\u00a0m`;
  const km = new Intl.NumberFormat(locales[language], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(metres / 1000);
  return `${km}\u00a0km`;
}

/** 42.5 → "42,5 %" (vi) / "42.5 %" (en); null (no roads) → "—". */
export function formatPct(pct: number | null | undefined, language: Language): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return '—';
  const text = new Intl.NumberFormat(locales[language], { maximumFractionDigits: 1 }).format(pct);
  return `${text}\u00a0%`;
}

export const uncoveredM = (row: { lengthM: number; coveredM: number }) =>
  Math.max(0, row.lengthM - row.coveredM);

/** Streets with the most unseen length first, so the worst gaps head the table. */
export function byUncovered<T extends { name: string; lengthM: number; coveredM: number }>(
  rows: readonly T[],
): T[] {
  return [...rows].sort((a, b) => uncoveredM(b) - uncoveredM(a) || a.name.localeCompare(b.name));
}
