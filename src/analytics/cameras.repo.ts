import { sql } from 'kysely';
import type { Db } from '../platform/db/database';
import { underPath } from './analytics.sql';

// SQL for the camera figures of a subtree: the registry broken down, installs by month (the
// roll-out), and which cameras we record (uptime).

/** Statuses of a camera that has been put up and not taken down (as planning counts them). */
export const installedStatuses = ['installed', 'online', 'offline'] as const;

export interface CameraGroup {
  status: string;
  ownerKind: string;
  consentTier: string;
  recorded: boolean;
  n: number;
}

export async function cameraGroups(db: Db, prefix: string): Promise<CameraGroup[]> {
  const rows = await db.kysely
    .selectFrom('cameras')
    .select((eb) => [
      'status',
      'owner_kind',
      'consent_tier',
      'recording_enabled',
      eb.fn.countAll<number>().as('n'),
    ])
    .where(underPath(db, 'jurisdiction_path', prefix))
    .groupBy(['status', 'owner_kind', 'consent_tier', 'recording_enabled'])
    .execute();
  return rows.map((row) => ({
    status: row.status,
    ownerKind: row.owner_kind,
    consentTier: row.consent_tier,
    recorded: Number(row.recording_enabled) === 1,
    n: Number(row.n),
  }));
}

/** Installed cameras per unit path under `prefix` (the league adds them up per child). */
export async function installedByPath(db: Db, prefix: string): Promise<Map<string, number>> {
  const rows = await db.kysely
    .selectFrom('cameras')
    .select((eb) => ['jurisdiction_path', eb.fn.countAll<number>().as('n')])
    .where(underPath(db, 'jurisdiction_path', prefix))
    .where('status', 'in', [...installedStatuses])
    .groupBy('jurisdiction_path')
    .execute();
  return new Map(rows.map((row) => [row.jurisdiction_path, Number(row.n)]));
}

/** Cameras by the month they went in (`installed_on`), per unit path under `prefix`. */
export async function installsByMonth(
  db: Db,
  prefix: string,
): Promise<{ path: string; month: string; n: number }[]> {
  const month = sql<string>`substr(installed_on, 1, 7)`;
  const rows = await db.kysely
    .selectFrom('cameras')
    .select((eb) => ['jurisdiction_path', month.as('month'), eb.fn.countAll<number>().as('n')])
    .where(underPath(db, 'jurisdiction_path', prefix))
    .where('installed_on', 'is not', null)
    .groupBy(['jurisdiction_path', month])
    .execute();
  return rows.map((row) => ({ path: row.jurisdiction_path, month: row.month, n: Number(row.n) }));
}

export async function recordedCameraIds(db: Db, prefix: string): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom('cameras')
    .select('id')
    .where(underPath(db, 'jurisdiction_path', prefix))
    .where('recording_enabled', '=', 1)
    .execute();
  return rows.map((row) => row.id);
}
