import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Role } from '../../src/auth/actor';
import { hashPassword } from '../../src/auth/password';
import { createContext } from '../../src/platform/bootstrap';
import { testConfig, type Config } from '../../src/platform/config';
import type { AppContext } from '../../src/platform/context';
import { buildApp, type App } from '../../src/platform/http/app';

export type DialectName = 'sqlite' | 'postgres';

/** PostgreSQL runs when MATTHAN_TEST_POSTGRES_URL points at a server (CI sets it). */
export const postgresUrl = process.env.MATTHAN_TEST_POSTGRES_URL;
export const dialects: DialectName[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

export interface Harness {
  dialect: DialectName;
  app: App;
  ctx: AppContext;
  dataDir: string;
  /** Inserts a user directly (password defaults to `correct-horse-1`). */
  createUser(input: {
    username: string;
    role: Role;
    jurisdictionId?: string | null;
    password?: string;
  }): Promise<string>;
  /** Logs in through the API and returns the Cookie header value. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct-horse-1';

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `matthan_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function createHarness(
  dialect: DialectName,
  overrides: Partial<Config> = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'matthan-test-'));
  const database = dialect === 'postgres' ? await createPostgresDatabase() : null;
  const config = testConfig({ dataDir, databaseUrl: database?.url, ...overrides });
  const ctx = await createContext(config);
  const app = await buildApp(ctx);
  await app.ready();
  const harness: Harness = {
    dialect,
    app,
    ctx,
    dataDir,
    async createUser({ username, role, jurisdictionId = null, password = TEST_PASSWORD }) {
      const id = randomUUID();
      await ctx.db.kysely
        .insertInto('users')
        .values({
          id,
          username,
          display_name: username,
          password_hash: await hashPassword(password),
          role,
          jurisdiction_id: jurisdictionId,
          phone: null,
          email: null,
          created_at: new Date().toISOString(),
        })
        .execute();
      return id;
    },
    async login(username, password = TEST_PASSWORD) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (response.statusCode !== 200)
        throw new Error(`login ${username} failed: ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'matthan_session');
      if (!cookie) throw new Error('login set no session cookie');
      return `matthan_session=${cookie.value}`;
    },
    async close() {
      await app.close();
      await ctx.db.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/**
 * Runs a suite once per database dialect, each against a fresh database:
 * `describeEachDatabase('cameras', (h) => { it('…', async () => { h().app.inject(…) }) })`.
 */
export function describeEachDatabase(
  name: string,
  body: (harness: () => Harness, dialect: DialectName) => void,
  overrides: Partial<Config> = {},
): void {
  for (const dialect of dialects) {
    describe(`${name} [${dialect}]`, () => {
      let harness: Harness | undefined;
      beforeAll(async () => {
        harness = await createHarness(dialect, overrides);
      });
      afterAll(async () => {
        await harness?.close();
      });
      body(() => {
        if (!harness) throw new Error('harness not ready');
        return harness;
      }, dialect);
    });
  }
}
