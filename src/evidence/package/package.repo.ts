import type { Db } from '../../platform/db/database';
import type { EvidenceItemTable, EvidencePackageTable } from '../../platform/db/schema';
import type { PersonRef } from './manifest';

// SQL for packages and the names a package prints. Package rows are written once.

/** A case's originals (extracts and uploads; never viewing copies), in collection order. */
export async function packageItems(db: Db, incidentId: string): Promise<EvidenceItemTable[]> {
  return db.kysely
    .selectFrom('evidence_items')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('kind', 'in', ['extract', 'upload'])
    .orderBy('collected_at')
    .orderBy('id')
    .execute();
}

export async function people(db: Db, ids: readonly string[]): Promise<Map<string, PersonRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db.kysely
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, username: row.username, displayName: row.display_name },
    ]),
  );
}

export async function unitOf(
  db: Db,
  id: string | null,
): Promise<{ name: string; kind: string } | null> {
  if (id === null) return null;
  const row = await db.kysely
    .selectFrom('jurisdictions')
    .select(['name', 'kind'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

export async function insertPackage(db: Db, row: EvidencePackageTable): Promise<void> {
  await db.kysely.insertInto('evidence_packages').values(row).execute();
}

/** Newest first. */
export async function packagesOf(db: Db, incidentId: string): Promise<EvidencePackageTable[]> {
  return db.kysely
    .selectFrom('evidence_packages')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function findPackage(db: Db, id: string): Promise<EvidencePackageTable | undefined> {
  return db.kysely
    .selectFrom('evidence_packages')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}
