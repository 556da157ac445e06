import type { Db } from '../platform/db/database';

// SQL for the units around the one a dashboard is for: its children (the league) and its
// siblings (the control units of the before/after comparison).

export interface NearUnit {
  id: string;
  name: string;
  level: string;
  path: string;
  population: number | null;
}

export async function unitsUnder(db: Db, parentId: string): Promise<NearUnit[]> {
  const rows = await db.kysely
    .selectFrom('jurisdictions')
    .select(['id', 'name', 'level', 'path', 'population'])
    .where('parent_id', '=', parentId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    ...row,
    population: row.population === null ? null : Number(row.population),
  }));
}
