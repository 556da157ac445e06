import { sql, type Kysely } from 'kysely';
import type { AuditEventTable, Database } from '../platform/db/schema';

type Sql = Kysely<Database>;

export interface EventFilter {
  action?: string;
  targetType?: string;
  targetId?: string;
  /** Only events with a seq below this one (the previous page's last seq). */
  before?: number;
  limit: number;
  /** Only events whose jurisdiction path lies under this one; null means every event. */
  scopePath: string | null;
}

/** Newest first, so `before` pages backwards through history. */
export async function listEvents(db: Sql, filter: EventFilter): Promise<AuditEventTable[]> {
  let query = db.selectFrom('audit_events').selectAll();
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  if (filter.before !== undefined) query = query.where('seq', '<', filter.before);
  if (filter.scopePath !== null) {
    // A prefix test by substring, not LIKE, so `_` and `%` in ids are not wildcards.
    const prefix = filter.scopePath;
    query = query
      .where('jurisdiction_path', 'is not', null)
      .where(sql<string>`substr(jurisdiction_path, 1, ${prefix.length})`, '=', prefix);
  }
  return query.orderBy('seq', 'desc').limit(filter.limit).execute();
}

/** The owner and place of a camera, to decide who may read its access log. */
export async function findCameraForAccessLog(
  db: Sql,
  id: string,
): Promise<{ owner_user_id: string | null; jurisdiction_path: string } | undefined> {
  return db
    .selectFrom('cameras')
    .select(['owner_user_id', 'jurisdiction_path'])
    .where('id', '=', id)
    .executeTakeFirst();
}
