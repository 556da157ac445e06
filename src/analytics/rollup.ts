import type { Db } from '../platform/db/database';
import { caseRows } from './cases.repo';
import { monthEndMs, monthStartMs } from './period';
import { buildMonth, monthFingerprints } from './rollup-build';
import * as repo from './rollup.repo';

// Keeps the monthly rollup equal to the cases. Each read first compares a cheap stamp of the
// source tables (counts and newest changes); only when it moved are the per-month fingerprints
// computed, and only the months whose fingerprint changed are rebuilt from their cases. So the
// rollup is never stale when read, and a quiet database pays one small query per dashboard.

const confirmed = new WeakMap<Db, string>();
const running = new WeakMap<Db, Promise<void>>();

export interface RefreshResult {
  rebuilt: string[];
}

/** Brings the rollup up to date; returns the months it rebuilt. */
export async function refreshRollup(db: Db, now: () => Date): Promise<RefreshResult> {
  const { stamp, units } = await repo.sourceStamp(db);
  if (confirmed.get(db) === stamp) return { rebuilt: [] };
  // One refresh at a time per process; a second caller waits and then checks again.
  const pending = running.get(db);
  if (pending) {
    await pending;
    return refreshRollup(db, now);
  }
  let result: RefreshResult = { rebuilt: [] };
  const work = (async () => {
    result = await rebuildChanged(db, units, now);
    confirmed.set(db, stamp);
  })();
  running.set(db, work);
  try {
    await work;
  } finally {
    running.delete(db);
  }
  return result;
}

async function rebuildChanged(db: Db, units: string, now: () => Date): Promise<RefreshResult> {
  const current = monthFingerprints(await repo.dayFingerprints(db), units);
  const stored = await repo.storedFingerprints(db);
  const changed = new Set<string>();
  for (const [month, fingerprint] of current) {
    if (stored.get(month) !== fingerprint) changed.add(month);
  }
  for (const month of stored.keys()) if (!current.has(month)) changed.add(month);
  if (changed.size === 0) return { rebuilt: [] };
  const levels = await repo.unitLevels(db);
  const rebuilt = [...changed].sort();
  for (const month of rebuilt) {
    const fingerprint = current.get(month);
    if (fingerprint === undefined) {
      await repo.replaceMonth(db, month, null, '', now().toISOString());
      continue;
    }
    const rows = await caseRows(db, {
      prefix: null,
      fromMs: monthStartMs(month),
      toMs: monthEndMs(month),
    });
    await repo.replaceMonth(db, month, buildMonth(rows, levels), fingerprint, now().toISOString());
  }
  return { rebuilt };
}

/** Forgets what this process confirmed, so the next read checks the fingerprints again. */
export function forgetRollupCheck(db: Db): void {
  confirmed.delete(db);
}
