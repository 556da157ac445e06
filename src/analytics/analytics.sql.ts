import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../platform/db/database';

// SQL pieces the analytics repos share.

/**
 * Rows whose path lies under `prefix`, tested by substring, never LIKE (`_` and `%` may occur
 * in ids). On SQLite the same test is also written as a range, which lets the path index seek
 * straight to the subtree: text compares byte by byte there, and every path under `/a/b/` sorts
 * between `/a/b/` and `/a/b0` ('0' follows '/'). PostgreSQL compares by its collation, where
 * that need not hold, so there only the substring test is used.
 */
export function underPath(db: Db, column: string, prefix: string): RawBuilder<SqlBool> {
  const ref = sql.ref(column);
  const exact = sql<SqlBool>`substr(${ref}, 1, ${prefix.length}) = ${prefix}`;
  if (db.dialect !== 'sqlite' || !prefix.endsWith('/')) return exact;
  const end = `${prefix.slice(0, -1)}0`;
  return sql<SqlBool>`(${ref} >= ${prefix} and ${ref} < ${end} and ${exact})`;
}

/** Hour of the day in Việt Nam of a millisecond column, as an integer expression. */
export function vietnamHourSql(column: string): RawBuilder<number> {
  return sql<number>`((${sql.ref(column)} + 25200000) % 86400000) / 3600000`;
}

/** Splits a list into pieces small enough for bound-parameter limits. */
export function chunked<T>(items: readonly T[], size = 500): T[][] {
  const pieces: T[][] = [];
  for (let i = 0; i < items.length; i += size) pieces.push(items.slice(i, i + size));
  return pieces;
}
