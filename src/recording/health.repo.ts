import type { Db } from '../platform/db/database';
import type { HealthEntry } from './health';

// SQL for the camera health log: one row per state change, which the 24-hour uptime reads.

export interface HealthChange {
  cameraId: string;
  atMs: number;
  state: string;
  error: string | null;
}

export async function appendHealth(db: Db, change: HealthChange): Promise<void> {
  await db.kysely
    .insertInto('camera_health_log')
    .values({
      camera_id: change.cameraId,
      at_ms: change.atMs,
      state: change.state,
      error: change.error,
    })
    .execute();
}

export interface HealthHistory {
  /** The newest change of each camera, whenever it was. */
  latest: Map<string, HealthChange>;
  /** The state each camera was in when the window opened. */
  before: Map<string, string>;
  /** Changes inside the window. */
  entries: Map<string, HealthEntry[]>;
}

const chunk = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, i * size + size),
  );

/** What the status page needs for these cameras: their last change, and the window's changes. */
export async function healthHistory(
  db: Db,
  cameraIds: string[],
  fromMs: number,
): Promise<HealthHistory> {
  const history: HealthHistory = { latest: new Map(), before: new Map(), entries: new Map() };
  // Bounded IN lists: PostgreSQL and SQLite both cap bound parameters.
  for (const ids of chunk(cameraIds, 500)) {
    const lastAt = await db.kysely
      .selectFrom('camera_health_log')
      .select(['camera_id', (eb) => eb.fn.max('at_ms').as('at')])
      .where('camera_id', 'in', ids)
      .groupBy('camera_id')
      .execute();
    const lastBefore = await db.kysely
      .selectFrom('camera_health_log')
      .select(['camera_id', (eb) => eb.fn.max('at_ms').as('at')])
      .where('camera_id', 'in', ids)
      .where('at_ms', '<', fromMs)
      .groupBy('camera_id')
      .execute();
    const rows = await db.kysely
      .selectFrom('camera_health_log')
      .selectAll()
      .where('camera_id', 'in', ids)
      .where((eb) =>
        eb.or([
          eb('at_ms', '>=', fromMs),
          eb('at_ms', 'in', [...lastBefore.map((row) => Number(row.at)), -1]),
        ]),
      )
      .orderBy('at_ms')
      .execute();
    const lastAtOf = new Map(lastAt.map((row) => [row.camera_id, Number(row.at)]));
    const beforeAtOf = new Map(lastBefore.map((row) => [row.camera_id, Number(row.at)]));
    for (const row of rows) {
      const atMs = Number(row.at_ms);
      const change = { cameraId: row.camera_id, atMs, state: row.state, error: row.error };
      if (lastAtOf.get(row.camera_id) === atMs) history.latest.set(row.camera_id, change);
      if (beforeAtOf.get(row.camera_id) === atMs) history.before.set(row.camera_id, row.state);
      if (atMs >= fromMs) {
        const list = history.entries.get(row.camera_id) ?? [];
        list.push({ atMs, state: row.state });
        history.entries.set(row.camera_id, list);
      }
    }
  }
  return history;
}

/**
 * Deletes changes older than `cutMs`, except each camera's last one before it: that row is the
 * state the camera was in at the cut, which uptime over a window reaching back there needs.
 * Returns the number of rows deleted.
 */
export async function pruneHealthLog(db: Db, cutMs: number): Promise<number> {
  const result = await db.kysely
    .deleteFrom('camera_health_log as old')
    .where('old.at_ms', '<', cutMs)
    .where('old.at_ms', '<', (eb) =>
      eb
        .selectFrom('camera_health_log as kept')
        .select((inner) => inner.fn.max('kept.at_ms').as('at'))
        .whereRef('kept.camera_id', '=', 'old.camera_id')
        .where('kept.at_ms', '<', cutMs),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
