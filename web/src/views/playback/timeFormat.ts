// Moments and lengths as people in Vietnam read them: Asia/Ho_Chi_Minh, 24-hour clock.
import { displayTimeZone } from '../../i18n/format';
import type { Language, Translate } from '../../i18n/i18n';
import { dayMs, hourMs, minuteMs } from './timeMath';

const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
const formats = new Map<string, Intl.DateTimeFormat>();

function format(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let formatter = formats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locales[language], {
      timeZone: displayTimeZone,
      hourCycle: 'h23',
      ...options,
    });
    formats.set(key, formatter);
  }
  return formatter;
}

/** `14:03:27 · 01/03/2025`: the playing moment, to the second. */
export function formatClock(ms: number, language: Language): string {
  const time = format(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const date = format(language, { day: '2-digit', month: '2-digit', year: 'numeric' });
  return `${time.format(ms)} · ${date.format(ms)}`;
}

/** A tick's label: seconds when ticks are seconds apart, the date when they are days apart. */
export function formatTick(ms: number, stepMs: number, language: Language): string {
  if (stepMs < minuteMs) {
    return format(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(ms);
  }
  if (stepMs < dayMs) return format(language, { hour: '2-digit', minute: '2-digit' }).format(ms);
  return format(language, { day: '2-digit', month: '2-digit' }).format(ms);
}

/** A length in words: `3 ngày`, `2 giờ 5 phút`, `40 giây`. */
export function formatSpan(ms: number, t: Translate): string {
  if (ms >= 2 * dayMs) return t('playback.duration.d', { d: Math.round(ms / dayMs) });
  if (ms >= hourMs) {
    return t('playback.duration.hm', {
      h: Math.floor(ms / hourMs),
      m: Math.round((ms % hourMs) / minuteMs),
    });
  }
  if (ms >= minuteMs) return t('playback.duration.m', { m: Math.round(ms / minuteMs) });
  return t('playback.duration.s', { s: Math.round(ms / 1000) });
}

const vietnamOffsetMs = 7 * hourMs;

/** A `datetime-local` value (to the second) of `ms` in Vietnam time. */
export function toVietnamInput(ms: number): string {
  return new Date(ms + vietnamOffsetMs).toISOString().slice(0, 19);
}

/** The instant of a `datetime-local` value read as Vietnam time; null when it is not one. */
export function fromVietnamInput(value: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?/.exec(value);
  if (!match) return null;
  const ms = Date.parse(`${match[1]}T${match[2]}${match[3] ?? ':00'}+07:00`);
  return Number.isNaN(ms) ? null : ms;
}
