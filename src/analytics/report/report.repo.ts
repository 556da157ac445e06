import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { Database } from '../../platform/db/schema';
import { safeCode } from './report-month';
import { pathsWithin } from './schedule-plan';
import type { ReportUnit } from './report-types';

// Where reports live: scheduled ones as `<dataDir>/reports/<unitCode>/<YYYY-MM>.pdf|.xlsx`, and
// the units the schedule reports on. Files are written under a temporary name and renamed, so a
// reader (or the schedule's own "already made?" check) never sees half a file.

export type ReportFormat = 'pdf' | 'xlsx';
export const reportFormats: readonly ReportFormat[] = ['pdf', 'xlsx'];
export const reportFilePattern = /^(\d{4}-(?:0[1-9]|1[0-2]))\.(pdf|xlsx)$/;

export const reportsDir = (ctx: AppContext): string => join(ctx.config.dataDir, 'reports');

/** The path of a scheduled report; `unitCode` is made safe as a folder name first. */
export function reportPath(
  ctx: AppContext,
  unitCode: string,
  month: string,
  format: ReportFormat,
): string {
  return join(reportsDir(ctx), safeCode(unitCode), `${month}.${format}`);
}

export async function writeFileAtomic(path: string, body: Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, body);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export interface StoredReportFile {
  folder: string;
  month: string;
  format: ReportFormat;
  path: string;
  modifiedAt: Date;
}

const missingFolder = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

async function entries(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (error) {
    if (missingFolder(error)) return [];
    throw error;
  }
}

/** Every finished report file (temporary files are not listed). */
export async function storedReportFiles(ctx: AppContext): Promise<StoredReportFile[]> {
  const root = reportsDir(ctx);
  const files: StoredReportFile[] = [];
  for (const folder of await entries(root)) {
    for (const name of await entries(join(root, folder))) {
      const match = reportFilePattern.exec(name);
      if (!match) continue;
      const path = join(root, folder, name);
      const info = await stat(path);
      files.push({
        folder,
        month: match[1] ?? '',
        format: match[2] === 'pdf' ? 'pdf' : 'xlsx',
        path,
        modifiedAt: info.mtime,
      });
    }
  }
  return files;
}

/** A stored report's bytes, or null when it was never made. */
export async function readStoredReport(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if (missingFolder(error)) return null;
    throw error;
  }
}

type Executor = Kysely<Database>;

const unitColumns = ['id', 'code', 'name', 'kind', 'level', 'path'] as const;

export async function findReportUnit(db: Executor, id: string): Promise<ReportUnit | undefined> {
  return db.selectFrom('jurisdictions').select(unitColumns).where('id', '=', id).executeTakeFirst();
}

export async function findReportUnitsByCodes(
  db: Executor,
  codes: readonly string[],
): Promise<ReportUnit[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('jurisdictions').select(unitColumns).where('code', 'in', codes).execute();
}

/**
 * Ward and commune units with any incident or any camera in them, in code order. Records carry
 * their deepest unit's path, so the distinct paths (a few thousand at most) are read once and
 * matched to communes here rather than probing every commune with a prefix query.
 */
export async function scheduledUnits(db: Executor): Promise<ReportUnit[]> {
  const communes = await db
    .selectFrom('jurisdictions')
    .select(unitColumns)
    .where('level', '=', 'commune')
    .orderBy('code')
    .execute();
  const incidentPaths = await db
    .selectFrom('incidents')
    .select('jurisdiction_path')
    .distinct()
    .execute();
  const cameraPaths = await db
    .selectFrom('cameras')
    .select('jurisdiction_path')
    .distinct()
    .execute();
  const active = pathsWithin(
    [...incidentPaths, ...cameraPaths].map((row) => row.jurisdiction_path),
  );
  return communes.filter((unit) => active.has(unit.path));
}
