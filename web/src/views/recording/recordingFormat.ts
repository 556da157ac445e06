// Figures of the recorder as people read them: sizes in GB, times of day in Vietnam's zone.
import { displayTimeZone } from '../../i18n/format';
import type { Language, Translate } from '../../i18n/i18n';

const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
export function formatBytes(bytes: number | null | undefined, language: Language): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locales[language], { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** A time of day with seconds, in Hà Nội: segment and gap boundaries. */
export function formatTimeOfDay(iso: string | number | null | undefined, language: Language) {
  if (iso === null || iso === undefined) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locales[language], {
    timeZone: displayTimeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

export function formatDecimal(
  value: number | null | undefined,
  language: Language,
  digits = 1,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locales[language], { maximumFractionDigits: digits }).format(value);
}

/** 4 h 05 min, 12 min 30 s, 9 s: a duration at the precision that matters. */
export function durationParts(ms: number): { hours: number; minutes: number; seconds: number } {
  const total = Math.max(0, Math.round(ms / 1000));
  return {
    hours: Math.floor(total / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

export function formatDuration(ms: number, t: Translate): string {
  const { hours, minutes, seconds } = durationParts(ms);
  if (hours > 0) return t('duration.hoursMinutes', { hours, minutes });
  if (minutes > 0) return t('duration.minutesSeconds', { minutes, seconds });
  return t('duration.seconds', { seconds });
}
