import type { Db } from '../platform/db/database';
import { searchText } from '../platform/text';
import { unitsByCodes, unitsByIds, type UnitRow } from './camera.repo';

// Which unit a camera belongs to. Inputs name a unit by id or official code; the 2025 reform
// retired and merged units, so an old code follows its successor links to today's unit.

export interface UnitRef {
  jurisdictionId?: string | null;
  jurisdictionCode?: string | null;
}

export type UnitResolution =
  { unit: UnitRow } | { field: 'jurisdictionId' | 'jurisdictionCode'; reason: string };

const isCurrent = (unit: UnitRow, today: string): boolean =>
  unit.valid_from <= today && (unit.valid_to === null || unit.valid_to >= today);

/** The version in force today, else the most recent one (whose successor may be current). */
export function pickVersion(candidates: UnitRow[], today: string): UnitRow | undefined {
  const current = candidates.find((unit) => isCurrent(unit, today));
  if (current) return current;
  return [...candidates].sort((a, b) => b.valid_from.localeCompare(a.valid_from))[0];
}

export const refKey = (ref: UnitRef): string =>
  ref.jurisdictionId ? `id:${ref.jurisdictionId}` : `code:${ref.jurisdictionCode ?? ''}`;

/** Resolves every distinct reference with a few queries, however many cameras name it. */
export async function resolveUnits(
  db: Db,
  refs: UnitRef[],
  today: string,
): Promise<Map<string, UnitResolution>> {
  const ids = refs.flatMap((ref) => (ref.jurisdictionId ? [ref.jurisdictionId] : []));
  const codes = refs.flatMap((ref) =>
    !ref.jurisdictionId && ref.jurisdictionCode ? [ref.jurisdictionCode] : [],
  );
  const byId = await unitsByIds(db, ids);
  const byCode = new Map<string, UnitRow[]>();
  for (const unit of await unitsByCodes(db, codes)) {
    byCode.set(unit.code, [...(byCode.get(unit.code) ?? []), unit]);
    byId.set(unit.id, unit);
  }

  const chosen = new Map<string, UnitRow | undefined>();
  for (const ref of refs) {
    const key = refKey(ref);
    if (chosen.has(key)) continue;
    const candidates = ref.jurisdictionId
      ? [byId.get(ref.jurisdictionId)].filter((u): u is UnitRow => u !== undefined)
      : (byCode.get(ref.jurisdictionCode ?? '') ?? []);
    chosen.set(key, pickVersion(candidates, today));
  }

  // Follow successor links a few steps (a merge of a merge), fetching each step's units at once.
  for (let step = 0; step < 5; step++) {
    const wanted = [...chosen.values()].flatMap((unit) =>
      unit && !isCurrent(unit, today) && unit.successor_id && !byId.has(unit.successor_id)
        ? [unit.successor_id]
        : [],
    );
    if (wanted.length > 0)
      for (const [id, unit] of await unitsByIds(db, wanted)) byId.set(id, unit);
    let moved = false;
    for (const [key, unit] of chosen) {
      const next =
        unit && !isCurrent(unit, today) && unit.successor_id
          ? byId.get(unit.successor_id)
          : undefined;
      if (next) {
        chosen.set(key, next);
        moved = true;
      }
    }
    if (!moved) break;
  }

  const result = new Map<string, UnitResolution>();
  for (const ref of refs) {
    const key = refKey(ref);
    if (result.has(key)) continue;
    const field = ref.jurisdictionId ? 'jurisdictionId' : 'jurisdictionCode';
    const given = ref.jurisdictionId ?? ref.jurisdictionCode ?? '';
    const unit = chosen.get(key);
    if (!unit) result.set(key, { field, reason: `names no known jurisdiction (${given})` });
    else if (!isCurrent(unit, today)) {
      result.set(key, {
        field,
        reason: `names ${unit.name} (${given}), no longer in use since ${unit.valid_to ?? unit.valid_from}`,
      });
    } else result.set(key, { unit });
  }
  return result;
}

/** Names of a unit and all its ancestors, nearest first, from the materialised path. */
export async function lineageNames(db: Db, units: UnitRow[]): Promise<Map<string, string[]>> {
  const ancestorIds = units.flatMap((unit) => unit.path.split('/').filter(Boolean));
  const known = await unitsByIds(db, ancestorIds);
  const names = new Map<string, string[]>();
  for (const unit of units) {
    const ids = unit.path.split('/').filter(Boolean).reverse();
    names.set(
      unit.id,
      ids.map((id) => known.get(id)?.name).filter((name): name is string => name !== undefined),
    );
  }
  return names;
}

/**
 * The folded search column: the camera's own words plus the names of its unit and the units
 * above it, so `xuan dinh` finds a camera registered to a residential group inside Xuân Đỉnh.
 */
export function cameraSearchText(
  camera: { code: string; name: string; address: string | null; owner_name: string | null },
  unitNames: string[],
): string {
  return searchText(camera.code, camera.name, camera.address, camera.owner_name, ...unitNames);
}
