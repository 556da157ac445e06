// Times are UTC instants everywhere else; people read them in Vietnam's time zone.
import type { Language } from './i18n';

export const displayTimeZone = 'Asia/Ho_Chi_Minh';

const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[language], {
    timeZone: displayTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

export function formatDate(iso: string | null | undefined, language: Language): string {
  if (!iso) return '—';
  // A bare date (installation day) has no time zone: show it as written.
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[language], {
    timeZone: /^\d{4}-\d{2}-\d{2}$/.test(iso) ? 'UTC' : displayTimeZone,
    dateStyle: 'medium',
  }).format(date);
}

export function formatNumber(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locales[language]).format(value);
}

/** `2025-03-01T17:00:00Z` → `2025-03-02T00:00` for a datetime-local input, in Vietnam time. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: displayTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** The reverse: a datetime-local value read as Vietnam time (UTC+7, no daylight saving). */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(`${value}:00+07:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
