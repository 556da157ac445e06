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

/**
 * The units directly under `parentId` that still exist on `today` (YYYY-MM-DD), or that still
 * hold units that do: a district dissolved by a reform with nothing left under it holds no cases
 * and would only sit in the league and among the controls as a unit with nothing in it.
 */
export async function unitsUnder(db: Db, parentId: string, today: string): Promise<NearUnit[]> {
  const rows = await db.kysely
    .selectFrom('jurisdictions')
    .select(['id', 'name', 'level', 'path', 'population'])
    .where('parent_id', '=', parentId)
    .where((eb) =>
      eb.or([
        eb('valid_to', 'is', null),
        eb('valid_to', '>=', today),
        eb.exists(
          eb
            .selectFrom('jurisdictions as child')
            .select('child.id')
            .whereRef('child.parent_id', '=', 'jurisdictions.id')
            .where((c) =>
              c.or([c('child.valid_to', 'is', null), c('child.valid_to', '>=', today)]),
            ),
        ),
      ]),
    )
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    ...row,
    population: row.population === null ? null : Number(row.population),
  }));
}
