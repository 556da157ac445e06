import type { Actor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import { AppError, tooLarge } from '../platform/http/errors';
import { insertRows, type RequestMeta } from './camera.service';
import { columnOf, parseCameraCsv, type CsvProblem } from './camera-csv';
import { commonPath, prepareCameras } from './camera-registration';

/** More problems than this are counted but not listed, to keep the answer a sane size. */
export const maxListedProblems = 10_000;

export function importTooLarge(limit: number): AppError {
  const size =
    limit >= 1_048_576 ? `${Math.round((limit / 1_048_576) * 10) / 10} MB` : `${limit} bytes`;
  return tooLarge(
    `the CSV is larger than the import limit of ${size} (${limit} bytes, setting importMaxBytes)`,
    'file',
  );
}

function invalidRows(problems: CsvProblem[]): AppError {
  const lines = new Set(problems.map((p) => p.line)).size;
  return new AppError(
    422,
    'invalid_rows',
    `${lines} ${lines === 1 ? 'row has' : 'rows have'} problems; nothing was imported`,
    undefined,
    { rows: problems.slice(0, maxListedProblems), total: problems.length },
  );
}

/**
 * Imports a camera CSV all or nothing: every row is checked (the API's rules, the caller's
 * scope, codes unique in the file and in the registry) and one bad row imports nothing, the
 * answer listing every bad row's line, column and reason. `actor` null is the command line.
 */
export async function importCameraCsv(
  ctx: AppContext,
  actor: Actor | null,
  data: Buffer,
  options: { dryRun?: boolean } & RequestMeta = {},
): Promise<{ imported: number; dryRun: boolean }> {
  if (data.length > ctx.config.importMaxBytes) throw importTooLarge(ctx.config.importMaxBytes);
  const parsed = parseCameraCsv(data);
  if (parsed.problems.some((p) => p.line === 1)) throw invalidRows(parsed.problems);

  const { rows, problems } = await prepareCameras(
    ctx,
    actor,
    parsed.rows.map((row) => row.input),
    { label: (index) => `line ${parsed.rows[index]?.line ?? '?'}` },
  );
  const all: CsvProblem[] = [
    ...parsed.problems,
    ...problems.map((p) => ({
      line: parsed.rows[p.index]?.line ?? 0,
      column: columnOf(p.field),
      reason: p.reason,
    })),
  ].sort((a, b) => a.line - b.line);
  if (all.length > 0) throw invalidRows(all);

  const dryRun = options.dryRun === true;
  if (!dryRun) {
    await insertRows(ctx, rows);
    await ctx.audit.record({
      actor,
      action: 'camera.import',
      targetType: 'camera',
      jurisdictionPath: commonPath(rows.map((row) => row.jurisdiction_path)),
      ip: options.ip ?? null,
      details: { count: rows.length, bytes: data.length },
    });
  }
  return { imported: rows.length, dryRun };
}
