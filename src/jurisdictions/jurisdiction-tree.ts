import type { JurisdictionLevel } from './jurisdiction.types';

// Pure rules of the unit tree: materialised paths, validity periods, successor links and the
// shape of official codes. No database here, so every rule is tested alone.

/** The materialised path of a unit under `parentPath` (`/id/id/…/`), the key of every scope check. */
export function childPath(parentPath: string | null, id: string): string {
  if (id.includes('/')) throw new Error(`a unit id may not contain "/": ${id}`);
  return `${parentPath ?? '/'}${id}/`;
}

/** Ids of a unit's ancestors, root first, read from its own path. */
export function ancestorIds(path: string): string[] {
  return path.split('/').filter(Boolean).slice(0, -1);
}

const levelRanks: Record<JurisdictionLevel, number> = {
  province: 0,
  district: 1,
  commune: 2,
  residential_group: 3,
};

export function levelRank(level: JurisdictionLevel): number {
  return levelRanks[level];
}

/** Which levels a unit's parent may have: since 2025 a commune hangs directly under its province. */
export function allowedParentLevels(level: JurisdictionLevel): readonly JurisdictionLevel[] {
  switch (level) {
    case 'province':
      return [];
    case 'district':
      return ['province'];
    case 'commune':
      return ['province', 'district'];
    case 'residential_group':
      return ['commune'];
  }
}

const codeShapes: Record<JurisdictionLevel, { pattern: RegExp; example: string }> = {
  province: { pattern: /^\d{2}$/, example: '2 digits, e.g. 01' },
  district: { pattern: /^\d{3}$/, example: '3 digits, e.g. 021' },
  commune: { pattern: /^\d{5}$/, example: '5 digits, e.g. 00611' },
  residential_group: {
    pattern: /^\d{5}-[A-Z0-9][A-Z0-9.-]{0,19}$/,
    example: "the commune's code, a dash and letters or digits, e.g. 00611-TX1",
  },
};

/** Names what is wrong with a code for its level, or null when it has the official shape. */
export function codeProblem(
  level: JurisdictionLevel,
  code: string,
  parentCode?: string,
): string | null {
  const shape = codeShapes[level];
  if (!shape.pattern.test(code)) return `code "${code}" is not a ${level} code (${shape.example})`;
  if (
    level === 'residential_group' &&
    parentCode !== undefined &&
    !code.startsWith(`${parentCode}-`)
  ) {
    return `code "${code}" must start with its commune's code "${parentCode}-"`;
  }
  return null;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The next calendar day: a successor takes over the day after its predecessor's last day. */
export function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** Today's date in Việt Nam (UTC+7, no daylight saving): validity dates are local calendar days. */
export function vietnamDate(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export interface ValidityPeriod {
  validFrom: string;
  validTo: string | null;
}

/** Both ends are inclusive: a unit abolished on 1 July 2025 has `validTo` 2025-06-30. */
export function isValidOn(unit: ValidityPeriod, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || unit.validTo >= date);
}

/**
 * Among the units that share a code, the one valid on `date`; if none is, the one that
 * started last before it, else the earliest. Codes are reused across the 2025 reform, so a
 * code alone does not name one unit.
 */
export function pickVersion<T extends ValidityPeriod>(
  versions: readonly T[],
  date: string,
): T | undefined {
  const valid = versions.find((v) => isValidOn(v, date));
  if (valid) return valid;
  const sorted = [...versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const before = sorted.filter((v) => v.validFrom <= date);
  return before[before.length - 1] ?? sorted[0];
}

export interface SuccessorLink {
  id: string;
  successorId: string | null;
}

export interface SuccessorResolution {
  /** The last unit reached: today's unit when the chain is whole. */
  currentId: string;
  /** Every unit visited, starting with the start. */
  chain: string[];
  /** Set when the links loop back; `currentId` is then the last unit before the loop closed. */
  cycle: boolean;
  /** Set when a link points at a unit that is not known (deleted or not loaded). */
  broken: boolean;
}

/**
 * Follows successor links from `startId` to today's unit. Bad data must not hang a request,
 * so a loop or a dangling link ends the walk at the last good unit.
 */
export function followSuccessors(
  startId: string,
  lookup: (id: string) => SuccessorLink | undefined,
  maxHops = 64,
): SuccessorResolution {
  const chain = [startId];
  const seen = new Set(chain);
  let currentId = startId;
  for (let hop = 0; hop < maxHops; hop++) {
    const next = lookup(currentId)?.successorId;
    if (!next) return { currentId, chain, cycle: false, broken: false };
    if (seen.has(next)) return { currentId, chain, cycle: true, broken: false };
    if (!lookup(next)) return { currentId, chain, cycle: false, broken: true };
    chain.push(next);
    seen.add(next);
    currentId = next;
  }
  return { currentId, chain, cycle: true, broken: false };
}
