// The incident screens' decisions, kept free of React and Leaflet so they can be tested alone:
// default windows, how a camera's coverage is drawn, what to extract, how a finder camera looks.
import type { Availability, FinderResult, FoundCamera, Span } from '../../api/incidents';
import { toLocalInput } from '../../i18n/format';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;

/** The radii the finder offers, in metres; 200 m is the finder's own default. */
export const finderRadii = [100, 200, 500, 1000] as const;
export const defaultRadiusM = 200;

/**
 * The last hour as Vietnam-time `datetime-local` values. The end is rounded up to the next
 * minute (the inputs have no seconds), so footage up to this moment is inside the window.
 */
export function defaultWindow(nowMs: number): { from: string; to: string } {
  const toMs = Math.ceil(nowMs / minuteMs) * minuteMs;
  return {
    from: toLocalInput(new Date(toMs - hourMs).toISOString()),
    to: toLocalInput(new Date(toMs).toISOString()),
  };
}

/** Colour of a camera in the finder: how its footage can be had. */
export const availabilityColours: Record<Availability, string> = {
  recorded: '#2e7d32',
  on_request: '#1565c0',
  registry_only: '#757575',
  offline: '#c62828',
};

export interface WedgeLook {
  color: string;
  fillColor: string;
  weight: number;
  fillOpacity: number;
  /** Dashed when the camera is only near the point, not looking at it. */
  dashArray?: string;
}

export function wedgeLook(found: Pick<FoundCamera, 'availability' | 'sees'>): WedgeLook {
  const colour = availabilityColours[found.availability];
  const look: WedgeLook = {
    color: colour,
    fillColor: colour,
    weight: found.sees ? 2 : 1.5,
    fillOpacity: found.sees ? 0.3 : 0.08,
  };
  if (!found.sees) look.dashArray = '5 5';
  return look;
}

export interface BarPart {
  kind: 'recorded' | 'gap';
  /** Percentages of the window's width. */
  left: number;
  width: number;
  from: string;
  to: string;
}

/** The window as a bar: recorded parts and gaps placed by time, clipped to the window. */
export function coverageBar(window: Span, recorded: Span[], gaps: Span[]): BarPart[] {
  const start = Date.parse(window.from);
  const length = Date.parse(window.to) - start;
  if (!(length > 0)) return [];
  const place = (kind: BarPart['kind'], span: Span): BarPart | null => {
    const from = Math.max(Date.parse(span.from), start);
    const to = Math.min(Date.parse(span.to), start + length);
    if (!(to > from)) return null;
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      kind,
      left: round(((from - start) / length) * 100),
      width: round(((to - from) / length) * 100),
      from: span.from,
      to: span.to,
    };
  };
  return [
    ...recorded.map((span) => place('recorded', span)),
    ...gaps.map((span) => place('gap', span)),
  ].filter((part): part is BarPart => part !== null);
}

/**
 * What "extract" asks for: the case window narrowed to what we recorded of it, so the request
 * never reaches into the future or into time before the camera was recorded.
 */
export function extractionRange(window: Span, recorded: Span[]): Span | null {
  if (recorded.length === 0) return null;
  const firstMs = Math.min(...recorded.map((span) => Date.parse(span.from)));
  const lastMs = Math.max(...recorded.map((span) => Date.parse(span.to)));
  const fromMs = Math.max(Date.parse(window.from), firstMs);
  const toMs = Math.min(Date.parse(window.to), lastMs);
  if (!(toMs > fromMs)) return null;
  return { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
}

/** Every camera the finder returned, in the order of its groups. */
export function allFound(result: FinderResult): FoundCamera[] {
  return [
    ...result.groups.recorded,
    ...result.groups.on_request,
    ...result.groups.registry_only,
    ...result.groups.offline,
  ];
}

/** Owners can be asked for footage unless they share nothing (registry only). */
export function canRequest(found: Pick<FoundCamera, 'camera'>): boolean {
  return found.camera.consentTier !== 'registry_only';
}

/**
 * Police extract directly only what the owner shares live; footage of an `on_request` camera
 * comes through a request, whose approval extracts it by itself.
 */
export function canExtract(found: Pick<FoundCamera, 'camera' | 'availability'>): boolean {
  return found.availability === 'recorded' && found.camera.consentTier.startsWith('live_');
}

/** `a1b2c3d4…e5f6a7b8`: enough of a SHA-256 to compare by eye. */
export function shortHash(sha256: string): string {
  return sha256.length <= 20 ? sha256 : `${sha256.slice(0, 8)}…${sha256.slice(-8)}`;
}

/** `+1.250 s`, `−0.040 s`: a clock offset as an officer reads it. */
export function formatOffset(ms: number): string {
  const sign = ms > 0 ? '+' : ms < 0 ? '−' : '±';
  return `${sign}${(Math.abs(ms) / 1000).toFixed(3)} s`;
}

/** `1.5 MB`, `820 kB`: decimal units, as file managers on phones show them. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** Whole metres under a kilometre, then kilometres with one decimal. */
export function formatDistance(metres: number): string {
  return metres < 1000 ? `${Math.round(metres)} m` : `${(metres / 1000).toFixed(1)} km`;
}

/** The next statuses an officer may move a case to, in the order buttons show them. */
export function nextStatuses(
  status: string,
): ('investigating' | 'solved' | 'unsolved' | 'closed')[] {
  switch (status) {
    case 'open':
      return ['investigating', 'solved', 'unsolved', 'closed'];
    case 'investigating':
      return ['solved', 'unsolved', 'closed'];
    case 'solved':
    case 'unsolved':
      return ['closed'];
    default:
      return [];
  }
}
