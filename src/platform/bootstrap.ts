import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AuditLog } from '../audit/audit.service';
import { RecorderService } from '../recording/recorder';
import type { Config } from './config';
import type { AppContext } from './context';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { EventBus } from './events';
import { SecretBox } from './secret-box';

/**
 * The key from configuration, or one generated once into the data folder (mode 0600) so a
 * single-node install works out of the box and keeps decrypting after a restart.
 */
export function secretKeyFor(config: Config): string {
  if (config.secretKey) return config.secretKey;
  const file = join(config.dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}

/** Opens the database, runs migrations and wires the shared services. */
export async function createContext(config: Config): Promise<AppContext> {
  const db = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: join(config.dataDir, 'matthan.sqlite'),
  });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const now = () => new Date();
  const box = new SecretBox(secretKeyFor(config));
  const ctx: AppContext = {
    config,
    db,
    box,
    audit: new AuditLog(db, now, box),
    events: new EventBus(),
    now,
    recorder: null,
  };
  // Created here, started by the HTTP app once it is ready (see `recordingRoutes`).
  if (config.recording) ctx.recorder = new RecorderService(ctx);
  return ctx;
}
