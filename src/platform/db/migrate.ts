import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database';

const srcRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Every domain keeps its own migrations in `src/<domain>/migrations/NNNN-name.ts` (the
 * foundation's live in `src/platform/db/migrations/`). They run in the order of their file
 * names, so a new domain adds a file and touches nothing else.
 */
class DomainMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files: string[] = [];
    const folders = [join(srcRoot, 'platform', 'db', 'migrations')];
    for (const entry of readdirSync(srcRoot, { withFileTypes: true })) {
      if (entry.isDirectory()) folders.push(join(srcRoot, entry.name, 'migrations'));
    }
    for (const folder of folders) {
      if (!existsSync(folder)) continue;
      for (const name of readdirSync(folder)) {
        if (/^\d{4}-[\w-]+\.ts$/.test(name) && !name.endsWith('.test.ts'))
          files.push(join(folder, name));
      }
    }
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const name = file.split('/').pop()!.replace(/\.ts$/, '');
      if (migrations[name]) throw new Error(`two migrations are named ${name}`);
      migrations[name] = (await import(pathToFileURL(file).href)) as Migration;
    }
    return migrations;
  }
}

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db: db.kysely, provider: new DomainMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}
